import Foundation
import Logging
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A swift-log handler that appends lines to a file (swift-log ships only stream handlers,
/// and stdout/stderr belong to the screen).
///
/// What is logged is events and counts, never data values: no unit names, no figures, no
/// field from a snapshot; errors are logged as file:line and a message from our own table.
public struct FileLogHandler: LogHandler {
    private let fd: Int32
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    /// `$XDG_STATE_HOME/cdsboard/cdsboard.log`, or `~/.local/state/cdsboard/cdsboard.log`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return base + "/cdsboard/cdsboard.log"
    }

    /// nil when the file cannot be opened (logging is then off, silently: the screen matters more).
    public init?(label: String, path: String = FileLogHandler.defaultPath) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        let text = "\(stamp) \(level) \(label): \(message)\(meta)\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
    }
}
