import DashboardCore
import Foundation
import SnapshotKit
import Testing
@testable import MeetingRoom
#if canImport(Glibc)
import Glibc
#endif

/// A presenter and followers on real Unix sockets, driven as the run loop drives them
/// (`poll`, then `handle`), in one process.
@Suite(.serialized) struct RoomConnectionTests {
    static let version = SnapshotVersion(generated: 1_764_493_200, utcOffset: 25_200, periodEnd: "2026-10-31")

    static func directory() -> RoomDirectory {
        let dir = NSTemporaryDirectory() + "room-\(getpid())-\(UInt32.random(in: 0..<1_000_000))"
        mkdir(dir, 0o700)
        guard case .success(let d) = RoomDirectory.resolve(configured: nil, environment: ["XDG_RUNTIME_DIR": dir]) else { fatalError() }
        return d
    }

    /// One loop pass over the links: deadlines due, then `poll` for up to `ms`, then `handle`.
    static func pump(_ links: [RoomLink], ms: Int32 = 20) {
        let now = monotonicNow()
        for l in links { if let d = l.deadline, now >= d { l.handleDeadline(now: now) } }
        var fds: [pollfd] = []
        var owners: [RoomLink] = []
        for l in links { for p in l.pollRequests { fds.append(p); owners.append(l) } }
        guard !fds.isEmpty else { usleep(UInt32(ms) * 1000); return }
        guard poll(&fds, nfds_t(fds.count), ms) > 0 else { return }
        for (i, p) in fds.enumerated() where p.revents != 0 { owners[i].handle(p.fd, revents: p.revents, now: monotonicNow()) }
    }

    /// Pumps until `done` (at most `seconds`), collecting every link's events.
    @discardableResult
    static func pump(_ links: [RoomLink], seconds: Double = 3, until done: ([[Event]]) -> Bool) -> [[Event]] {
        var seen = Array(repeating: [Event](), count: links.count)
        let end = monotonicNow() + seconds
        while monotonicNow() < end {
            pump(links)
            for (i, l) in links.enumerated() { seen[i] += l.takeEvents() }
            if done(seen) { break }
        }
        return seen
    }

    static func routes(_ events: [Event]) -> [String] {
        events.compactMap { if case .followed(let r, _, _) = $0 { return r.description } else { return nil } }
    }

    @Test func followersGetTheRouteOnJoiningAndEachChangeAndThePresenterCountsThem() throws {
        let dir = Self.directory()
        let p = try RoomPresenter(directory: dir, room: "default", presenter: "lan")
        defer { p.stop() }
        p.publish(try Route.parse("district:030").get(), Self.version)
        let fs = (0..<3).map { _ in RoomFollower(socketPath: dir.socketPath(room: "default")) }
        let links: [RoomLink] = [p] + fs
        var seen = Self.pump(links) { s in s.dropFirst().allSatisfy { Self.routes($0) == ["district:030"] } }
        #expect(seen.dropFirst().allSatisfy { Self.routes($0) == ["district:030"] })
        #expect(p.followerCount == 3)
        #expect(seen[0].contains { if case .followerCount(3) = $0 { true } else { false } })
        p.publish(try Route.parse("commune:00793,panel:bts").get(), Self.version)
        seen = Self.pump(links) { s in s.dropFirst().allSatisfy { Self.routes($0) == ["commune:00793,panel:bts"] } }
        #expect(seen.dropFirst().allSatisfy { Self.routes($0) == ["commune:00793,panel:bts"] })
    }

    @Test func aSecondPresenterIsRefusedAndTakeOverMovesTheRoom() throws {
        let dir = Self.directory()
        let first = try RoomPresenter(directory: dir, room: "giao-ban", presenter: "lan")
        #expect(throws: RoomError.occupied(room: "giao-ban", path: dir.socketPath(room: "giao-ban"))) {
            try RoomPresenter(directory: dir, room: "giao-ban", presenter: "minh")
        }
        // Take-over: the first is asked to step down; its loop runs meanwhile.
        nonisolated(unsafe) let old = first
        let finished = DispatchSemaphore(value: 0)
        let loop = Thread { for _ in 0..<100 { Self.pump([old]) }; finished.signal() }
        loop.start()
        let second = try RoomPresenter(directory: dir, room: "giao-ban", presenter: "minh", takeOver: true)
        defer { second.stop() }
        finished.wait()
        #expect(first.takeEvents().contains { if case .presentingEnded = $0 { true } else { false } })
        second.publish(Route(), Self.version)
        let f = RoomFollower(socketPath: dir.socketPath(room: "giao-ban"))
        let seen = Self.pump([second, f]) { !Self.routes($0[1]).isEmpty }
        #expect(Self.routes(seen[1]) == ["province"])
    }

    /// SIGKILL leaves the socket file; the lock goes with the process. Followers say the
    /// presenter left, try again on their deadline, and follow the new one.
    @Test func aFollowerOutlivesItsPresenterAndFollowsTheNextOne() throws {
        let dir = Self.directory()
        let path = dir.socketPath(room: "default")
        var p: RoomPresenter? = try RoomPresenter(directory: dir, room: "default", presenter: "lan")
        p!.publish(Route(), Self.version)
        let f = RoomFollower(socketPath: path)
        Self.pump([p!, f]) { !Self.routes($0[1]).isEmpty }
        p!.stop()
        p = nil
        var seen = Self.pump([f]) { $0[0].contains { if case .presenterGone = $0 { true } else { false } } }
        #expect(seen[0].contains { if case .presenterGone = $0 { true } else { false } })
        #expect(!f.connected)
        // Nobody there: the follower waits on its deadline (no busy loop), at most 2 s apart.
        let d = try #require(f.deadline)
        #expect(d - monotonicNow() <= RoomFollower.maxBackoff)
        let back = try RoomPresenter(directory: dir, room: "default", presenter: "lan")
        defer { back.stop() }
        back.publish(try Route.parse("district:030").get(), Self.version)
        seen = Self.pump([back, f], seconds: 4) { Self.routes($0[1]) == ["district:030"] }
        #expect(Self.routes(seen[1]) == ["district:030"])
    }

    /// A client that writes garbage is dropped; the presenter goes on serving the others.
    /// A "presenter" that sends garbage is left; the follower stays up and retries.
    @Test func garbageOnTheSocketHurtsNobody() throws {
        let dir = Self.directory()
        let path = dir.socketPath(room: "default")
        let p = try RoomPresenter(directory: dir, room: "default", presenter: "lan")
        defer { p.stop() }
        p.publish(Route(), Self.version)
        let good = RoomFollower(socketPath: path)
        Self.pump([p, good]) { !Self.routes($0[1]).isEmpty }
        let bad = try #require(UnixSocket.connect(path))
        defer { close(bad) }
        _ = UnixSocket.send(bad, Array(repeating: UInt8(ascii: "x"), count: 9000)[...])
        Self.pump([p, good]) { _ in p.followerCount == 1 }
        #expect(p.followerCount == 1, "the garbage writer was kept")
        p.publish(try Route.parse("district:030").get(), Self.version)
        let seen = Self.pump([p, good]) { Self.routes($0[1]) == ["district:030"] }
        #expect(Self.routes(seen[1]) == ["district:030"])

        // A listener that answers garbage.
        let fake = dir.socketPath(room: "fake")
        guard case .success(let l) = UnixSocket.listen(fake, mode: 0o600) else { Issue.record("no listener"); return }
        defer { close(l) }
        let f = RoomFollower(socketPath: fake)
        f.handleDeadline(now: monotonicNow())
        #expect(f.connected)
        let c = try #require(UnixSocket.accept(l))
        defer { close(c) }
        _ = UnixSocket.send(c, Array("{\"v\":9}\n".utf8)[...])
        Self.pump([f]) { _ in !f.connected }
        #expect(!f.connected)
        #expect(f.lastProblem == .version(9))
        #expect(f.deadline != nil)
    }

    /// A follower that reads nothing fills its socket; the presenter never waits for it and
    /// drops it once it is 16 KiB behind.
    @Test func aStuckFollowerIsDroppedWithoutHoldingThePresenter() throws {
        let dir = Self.directory()
        let p = try RoomPresenter(directory: dir, room: "default", presenter: "lan")
        defer { p.stop() }
        let stuck = try #require(UnixSocket.connect(dir.socketPath(room: "default")))
        defer { close(stuck) }
        Self.pump([p]) { _ in p.followerCount == 1 }
        let start = monotonicNow()
        var i = 0
        while p.followerCount == 1, i < 20_000 {
            p.publish(try Route.parse("district:\(i)").get(), Self.version)
            i += 1
        }
        #expect(p.followerCount == 0, "a follower that reads nothing was kept")
        #expect(monotonicNow() - start < 2, "the presenter waited on a follower")
    }

    @Test func aSharedDirectoryMustBeGroupWritableAndNotOpenToAll() {
        let dir = NSTemporaryDirectory() + "shared-\(getpid())-\(UInt32.random(in: 0..<1_000_000))"
        mkdir(dir, 0o755)
        chmod(dir, 0o755)
        guard case .failure(let e) = RoomDirectory.resolve(configured: dir, environment: [:]) else { Issue.record("0755 accepted"); return }
        #expect(e.description.contains("not group-writable"))
        chmod(dir, 0o777)
        guard case .failure(let e2) = RoomDirectory.resolve(configured: dir, environment: [:]) else { Issue.record("0777 accepted"); return }
        #expect(e2.description.contains("writable by every account"))
        chmod(dir, 0o2770)
        #expect(RoomDirectory.resolve(configured: dir, environment: [:]) == .success(RoomDirectory(path: dir, shared: true)))
        #expect(RoomDirectory.resolve(configured: dir + "/none", environment: [:]) != .success(RoomDirectory(path: dir + "/none", shared: true)))
    }
}
