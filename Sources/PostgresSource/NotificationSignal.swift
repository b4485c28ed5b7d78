import Foundation
import SnapshotKit

/// The change signal of a database: a connection of its own that `LISTEN`s on
/// `cdsboard_exports`; its socket joins the run loop's `poll()` (no polling, no thread), and a
/// notification says a new version may be there. The connection lost (the server stopped):
/// the source may have changed (the provider loads, fails, keeps the last good figures and
/// says why), and the signal connects again with backoff (0.5 s doubling to 30 s) through its
/// deadline; connected again, it says the source may have changed. Run loop's thread only.
final class NotificationSignal: ChangeSignal {
    private let target: ConnectionTarget
    private var connection: Connection?
    private var reconnectAt: Double?
    private var backoff = 0.5
    static let longestBackoff = 30.0

    init(target: ConnectionTarget) {
        self.target = target
        if !connect() { lost(now: monotonicNow()) }
    }

    /// Connects and listens; false when it could not.
    private func connect() -> Bool {
        do {
            let c = try Connection(target, timeout: 2)
            try c.execute("LISTEN \(SchemaTables.channel)")
            connection = c
            reconnectAt = nil
            backoff = 0.5
            return true
        } catch {
            connection = nil
            return false
        }
    }

    private func lost(now: Double) {
        connection = nil
        reconnectAt = now + backoff
        backoff = min(backoff * 2, Self.longestBackoff)
    }

    var fileDescriptors: [Int32] { connection.map { [$0.socket] }?.filter { $0 >= 0 } ?? [] }

    var deadline: Double? { reconnectAt }

    func handleReadable(_ fd: Int32) -> Bool {
        guard let c = connection, fd == c.socket else { return false }
        guard c.consumeInput() else {
            lost(now: monotonicNow())
            return true
        }
        // A storm of notifications is one change: the provider debounces and loads the newest.
        return !c.takeNotifications().isEmpty
    }

    func handleDeadline(now: Double) -> Bool {
        guard let at = reconnectAt, now >= at else { return false }
        if connect() { return true }
        lost(now: now)
        return false
    }

    var degradation: String? {
        connection == nil ? "\(target.displayName) is not reachable: connecting again every \(Int(backoff)) s at most" : nil
    }

    var notifies: Bool { false }
    func watchFile(_ path: String) -> Int32? { nil }
    func unwatchFile(_ wd: Int32) {}
    func takeFileEvents() -> Set<Int32> { [] }
}
