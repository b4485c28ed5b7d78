import Foundation

/// What a provider tells the dashboard.
public enum ProviderEvent: Sendable {
    case loaded(Snapshot)
    case refused(SnapshotFailure)
    /// The manifest lists files that are not all there yet (named: the first that differs):
    /// the last good snapshot stays; a refusal follows if they still differ after a timeout.
    case arriving(String)
}

/// A source of snapshots that the run loop can `poll()`.
///
/// The loop polls `fileDescriptors`, calls `handleReadable` for those that are ready and
/// `handleDeadline` when `deadline` passes, then takes the events. Loading happens off the
/// loop's thread; the loop is never blocked by a parse.
public protocol SnapshotProvider: AnyObject {
    var fileDescriptors: [Int32] { get }
    /// Monotonic time (seconds) of the next thing the provider must do, if any.
    var deadline: Double? { get }
    func start()
    func handleReadable(_ fd: Int32)
    func handleDeadline(now: Double)
    func takeEvents() -> [ProviderEvent]
    func stop()
    /// Reads the source again now (a key asked for it); the events follow as for a change.
    func reload()
    /// Why changes are found more slowly than they could be (inotify used up), if they are.
    var degradation: String? { get }
}

extension SnapshotProvider {
    public var degradation: String? { nil }
    public func reload() {}
}

/// Seconds on the monotonic clock.
public func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
