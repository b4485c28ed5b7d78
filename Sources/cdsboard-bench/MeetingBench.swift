import ArgumentParser
import DashboardCore
import Foundation
import MeetingRoom
import SnapshotKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A meeting room in one process (issue 31): a presenter and N followers on a real Unix
/// socket, each follower with its own state and terminal size. Per navigation step: the
/// presenter's CPU (its route and the send to every follower) and each follower's (read,
/// update, render).
struct MeetingBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting",
        abstract: "A presenter and N followers on a room socket; CPU per navigation step for each.")

    @Argument(help: "How many followers.")
    var count: Int = 60

    @Option(help: "Snapshot directory.")
    var data: String = "SampleData/tuyen-quang"

    @Option(help: "Rounds of the navigation script.")
    var rounds = 3

    func run() throws {
        guard count >= 1, count <= 500 else { throw ValidationError("1…500 followers") }
        guard case .success(let snap) = SnapshotLoader.load(directory: data) else { throw ValidationError("\(data) does not load") }
        let dir = NSTemporaryDirectory() + "cdsboard-meeting-\(getpid())"
        mkdir(dir, 0o700)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard case .success(let room) = RoomDirectory.resolve(configured: nil, environment: ["XDG_RUNTIME_DIR": dir]) else {
            throw ValidationError("no room directory")
        }
        let presenter = try RoomPresenter(directory: room, room: "bench", presenter: "bench")
        defer { presenter.stop() }
        var leader = AppState()
        leader.size = Size(width: 120, height: 40)
        leader.presence = .presenting(followers: 0)
        _ = update(&leader, .snapshotLoaded(snap))
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
        let links = (0..<count).map { _ in RoomFollower(socketPath: room.socketPath(room: "bench")) }
        var states: [AppState] = (0..<count).map { i in
            var s = AppState()
            s.size = sizes[i % sizes.count]
            s.presence = .following(FollowState(room: "bench"))
            _ = update(&s, .snapshotLoaded(snap))
            return s
        }
        for l in links { l.handleDeadline(now: monotonicNow()) }
        pump(presenter, links, &states, until: { _ in presenter.followerCount == count })
        let version = SnapshotVersion(snap)
        presenter.publish(leader.route, version)
        pump(presenter, links, &states, until: { $0.allSatisfy { $0.followState?.presenterPresent == true } })

        let script = ["Enter", "Enter", "[", "2", "b", "Esc", "Esc", "]", "Esc", "Esc", "Down"]
        var leaderCPU: [Double] = [], roomCPU: [Double] = [], followerCPU: [Double] = []
        var missed = 0
        for _ in 0..<rounds {
            for key in script {
                let t0 = threadCPU()
                for k in Key.script(key)! { _ = update(&leader, .key(k)) }
                let t1 = threadCPU()
                presenter.publish(leader.route, version)
                leaderCPU.append((threadCPU() - t0) * 1000)
                roomCPU.append((threadCPU() - t1) * 1000)
                let want = leader.route
                var costs = Array(repeating: 0.0, count: count)
                pump(presenter, links, &states, costs: &costs, until: { $0.allSatisfy { $0.route == want } })
                followerCPU += costs
                if !states.allSatisfy({ $0.route == want }) { missed += 1 }
            }
        }
        let p = Stats(samples: leaderCPU), r = Stats(samples: roomCPU), f = Stats(samples: followerCPU)
        print("meeting: \(count) followers at 80x24/120x40/200x60 on \(data), \(leaderCPU.count) navigation steps")
        print(String(format: "  presenter per step (key, route, send to all): median %.2f ms, p95 %.2f ms, max %.2f ms CPU", p.median, p.p95, p.max))
        print(String(format: "  of which the room (route, send to all): median %.2f ms, p95 %.2f ms, max %.2f ms CPU", r.median, r.p95, r.max))
        print("  steps where a follower did not reach the presenter's route within 10 s: \(missed)")
        print(String(format: "  follower per step (read, update, render): median %.2f ms, p95 %.2f ms, max %.2f ms CPU", f.median, f.p95, f.max))
    }

    /// Polls every socket and runs each follower's loop pass (events, update, render) until `done`.
    private func pump(_ presenter: RoomPresenter, _ links: [RoomFollower], _ states: inout [AppState], until done: ([AppState]) -> Bool) {
        var costs = Array(repeating: 0.0, count: links.count)
        pump(presenter, links, &states, costs: &costs, until: done)
    }

    private func pump(_ presenter: RoomPresenter, _ links: [RoomFollower], _ states: inout [AppState], costs: inout [Double],
                      until done: ([AppState]) -> Bool) {
        let end = monotonicNow() + 10
        while !done(states), monotonicNow() < end {
            var fds = presenter.pollRequests
            let presenterCount = fds.count
            for l in links { fds += l.pollRequests }
            _ = poll(&fds, nfds_t(fds.count), 50)
            for p in fds.prefix(presenterCount) where p.revents != 0 { presenter.handle(p.fd, revents: p.revents, now: monotonicNow()) }
            _ = presenter.takeEvents()
            for (i, l) in links.enumerated() {
                guard let p = fds.dropFirst(presenterCount).first(where: { l.pollRequests.first?.fd == $0.fd }), p.revents != 0 else { continue }
                let t0 = threadCPU()
                l.handle(p.fd, revents: p.revents, now: monotonicNow())
                for e in l.takeEvents() { _ = update(&states[i], e) }
                _ = render(states[i])
                costs[i] += (threadCPU() - t0) * 1000
            }
        }
    }

    private func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
