import DashboardCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A follower's end: connects to the room's socket, keeps only the newest route of what
/// arrives, and when the presenter is not there (or goes, or sends what is not a message)
/// tries again on the loop's deadline, 0.1 s then doubling to at most 2 s. Never waits on the
/// socket.
public final class RoomFollower: RoomLink {
    public let socketPath: String
    private var fd: Int32 = -1
    private var framer = LineFramer()
    private var due: Double? = 0
    private var backoff = RoomFollower.firstBackoff
    /// What happened, in order; of routes in a row only the newest is kept.
    private var events: [Event] = []
    /// A route was shown from this connection (so its end is the presenter leaving).
    private var heard = false
    /// Why the last connection was dropped, for the log.
    public private(set) var lastProblem: RoomMessageError?
    static let firstBackoff = 0.1
    public static let maxBackoff = 2.0

    public init(socketPath: String) { self.socketPath = socketPath }

    public var connected: Bool { fd >= 0 }

    public var pollRequests: [pollfd] { fd >= 0 ? [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)] : [] }

    public var deadline: Double? { fd >= 0 ? nil : due }

    public func handleDeadline(now: Double) {
        guard fd < 0 else { return }
        if let c = UnixSocket.connect(socketPath) {
            fd = c
            framer = LineFramer()
            due = nil
        } else {
            retry(now: now)
        }
    }

    public func handle(_ fd: Int32, revents: Int16, now: Double) {
        guard fd == self.fd else { return }
        // What is there now, up to 64 KiB a pass: a flooding peer cannot hold the loop.
        for _ in 0..<4 {
            var bytes: [UInt8] = []
            switch UnixSocket.receive(fd, into: &bytes) {
            case .wouldBlock: return
            case .closed: disconnect(now: now); return
            case .done:
                guard let lines = framer.feed(bytes) else { lastProblem = .tooLong(RoomMessage.maxBytes); disconnect(now: now); return }
                for line in lines {
                    switch RoomMessage.decode(line) {
                    case .success(.route(let r, let v, let who)):
                        if case .followed = events.last { events.removeLast() }
                        events.append(.followed(r, v, presenter: who))
                        heard = true
                        backoff = Self.firstBackoff
                    case .success(.takeOver):
                        lastProblem = .field("kind")
                        disconnect(now: now)
                        return
                    case .failure(let e):
                        lastProblem = e
                        disconnect(now: now)
                        return
                    }
                }
            }
        }
    }

    public func takeEvents() -> [Event] {
        defer { events.removeAll() }
        return events
    }

    public var publishes: Bool { false }

    public func publish(_ route: Route, _ version: SnapshotVersion?) {}

    public func stop() {
        if fd >= 0 { close(fd) }
        fd = -1
        due = nil
    }

    private func disconnect(now: Double) {
        close(fd)
        fd = -1
        if heard { events.append(.presenterGone) }
        heard = false
        retry(now: now)
    }

    private func retry(now: Double) {
        due = now + backoff
        backoff = min(Self.maxBackoff, backoff * 2)
    }
}
