import DashboardCore
#if canImport(Glibc)
import Glibc
#endif

/// A dashboard's end of a meeting room, as the run loop drives it: descriptors to poll, a
/// deadline (reconnecting), events for `update`, and the presenter's route after each pass.
/// Nothing here blocks.
public protocol RoomLink: AnyObject {
    /// Descriptors and the events to wait for (`POLLIN`, `POLLOUT` while output waits).
    var pollRequests: [pollfd] { get }
    /// Monotonic time of the next thing to do, if any.
    var deadline: Double? { get }
    func handle(_ fd: Int32, revents: Int16, now: Double)
    func handleDeadline(now: Double)
    /// What happened since the last call, for `update`.
    func takeEvents() -> [Event]
    /// Whether `publish` is wanted (a presenter's): the loop computes the route only then.
    var publishes: Bool { get }
    /// The screen's route after a pass: a presenter sends it when it changed; a follower ignores it.
    func publish(_ route: Route, _ version: SnapshotVersion?)
    /// Closes everything (and a presenter's socket file).
    func stop()
}
