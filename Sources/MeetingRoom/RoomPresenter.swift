import DashboardCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The presenter's end: holds the room's lock (one presenter per room; the kernel lets it go
/// when the process dies, however), listens on its socket, and sends each route change to every
/// follower without waiting: a follower whose queue passes `maxQueued` bytes is dropped.
/// Followers send nothing; a client that sends anything but a take-over is dropped.
public final class RoomPresenter: RoomLink {
    public let socketPath: String
    public let room: String
    public let presenter: String
    private let lockFD: Int32
    private var listener: Int32
    private var followers: [Int32: Follower] = [:]
    private var last: [UInt8]?
    private var events: [Event] = []
    private var announced = 0
    private var stopped = false
    /// Bytes a follower may have waiting before it is dropped.
    public static let maxQueued = 16 * 1024
    /// More connections than this are closed at once.
    public static let maxFollowers = 512

    private struct Follower {
        var pending: [UInt8] = []
        var framer = LineFramer()
    }

    /// Takes the room: refused when another presenter holds it, unless `takeOver` (then the
    /// other is asked to step down, and waited for up to 10 s: a presenter on a busy machine
    /// may take seconds to read the request; 3 s were too few under a full parallel test run).
    public init(directory: RoomDirectory, room: String, presenter: String, takeOver: Bool = false) throws(RoomError) {
        self.room = room
        self.presenter = presenter
        socketPath = directory.socketPath(room: room)
        let lockPath = directory.lockPath(room: room)
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, directory.shared ? 0o660 : 0o600)
        guard fd >= 0 else { throw .socket(lockPath, String(cString: strerror(errno))) }
        var locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        if !locked, takeOver {
            if let other = UnixSocket.connect(socketPath) {
                _ = UnixSocket.send(other, RoomMessage.takeOver.encoded()[...])
                close(other)
            }
            for _ in 0..<200 where !locked {
                usleep(50_000)
                locked = flock(fd, LOCK_EX | LOCK_NB) == 0
            }
        }
        guard locked else { close(fd); throw .occupied(room: room, path: socketPath) }
        lockFD = fd
        // Holding the lock, a socket file left there is a dead presenter's.
        unlink(socketPath)
        switch UnixSocket.listen(socketPath, mode: directory.shared ? 0o660 : 0o600) {
        case .success(let l): listener = l
        case .failure(let e): close(fd); throw e
        }
    }

    public var followerCount: Int { followers.count }

    public var pollRequests: [pollfd] {
        guard listener >= 0 else { return [] }
        var out = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        for (fd, f) in followers {
            out.append(pollfd(fd: fd, events: Int16(POLLIN) | (f.pending.isEmpty ? 0 : Int16(POLLOUT)), revents: 0))
        }
        return out
    }

    public var deadline: Double? { nil }
    public func handleDeadline(now: Double) {}

    public func handle(_ fd: Int32, revents: Int16, now: Double) {
        if fd == listener {
            // Everyone waiting, at once; each is sent where the screen is.
            while let c = UnixSocket.accept(listener) {
                guard followers.count < Self.maxFollowers else { close(c); continue }
                followers[c] = Follower(pending: last ?? [])
                flush(c)
            }
        } else if followers[fd] != nil {
            if revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { read(fd) }
            if followers[fd] != nil, revents & Int16(POLLOUT) != 0 { flush(fd) }
        }
        countChanged()
    }

    public func takeEvents() -> [Event] {
        defer { events.removeAll() }
        return events
    }

    public var publishes: Bool { true }

    public func publish(_ route: Route, _ version: SnapshotVersion?) {
        guard listener >= 0, let version else { return }
        let line = RoomMessage.route(route, version, presenter: presenter).encoded()
        guard line != last else { return }
        last = line
        for fd in Array(followers.keys) {
            followers[fd]?.pending += line
            flush(fd)
        }
        countChanged()
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        for fd in followers.keys { close(fd) }
        followers.removeAll()
        if listener >= 0 {
            close(listener)
            listener = -1
            unlink(socketPath)
        }
        flock(lockFD, LOCK_UN)
        close(lockFD)
    }

    /// Sends what the socket takes now; drops the follower that is too far behind or gone.
    private func flush(_ fd: Int32) {
        guard var f = followers[fd] else { return }
        while !f.pending.isEmpty {
            switch UnixSocket.send(fd, f.pending[...]) {
            case .done(let n): f.pending.removeFirst(n)
            case .wouldBlock:
                if f.pending.count > Self.maxQueued { drop(fd); return }
                followers[fd] = f
                return
            case .closed: drop(fd); return
            }
        }
        followers[fd] = f
    }

    /// A follower sends nothing: the end of its stream, or a take-over, or it is dropped.
    private func read(_ fd: Int32) {
        var bytes: [UInt8] = []
        switch UnixSocket.receive(fd, into: &bytes, max: RoomMessage.maxBytes) {
        case .wouldBlock: return
        case .closed: drop(fd); return
        case .done: break
        }
        guard let lines = followers[fd]?.framer.feed(bytes) else { drop(fd); return }
        for line in lines {
            if case .success(.takeOver) = RoomMessage.decode(line) { stepDown(); return }
            drop(fd)
            return
        }
    }

    /// Another presenter takes the room: this one lets go (its followers reconnect to the new one).
    private func stepDown() {
        stop()
        events.append(.presentingEnded)
    }

    private func drop(_ fd: Int32) {
        close(fd)
        followers[fd] = nil
    }

    private func countChanged() {
        guard listener >= 0, followers.count != announced else { return }
        announced = followers.count
        events.append(.followerCount(announced))
    }
}
