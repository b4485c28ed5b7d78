import Foundation

/// The process environment, read once, here: every other part of cdsboard is handed the
/// values it needs (TERM, NO_COLOR, LANG, XDG_*, CDSBOARD_DATA).
enum Environment {
    static let values = ProcessInfo.processInfo.environment
}
