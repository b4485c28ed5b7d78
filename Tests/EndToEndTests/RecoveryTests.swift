import DashboardTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12, item 6: a parent directory's permission taken away and given back. No inotify
/// event reaches the snapshot directory when its parent changes, so only the provider's slow
/// re-check (every 5 s while refused) brings the figures back. As root the program runs as
/// nobody, for whom permissions hold.
@Suite(.serialized) struct RecoveryTests {
    @Test func aParentsPermissionIsNamedAndItsRepairPickedUp() throws {
        let root = Fixtures.temporaryDirectory("cdsboard-perm")
        let parent = root + "/p", dir = parent + "/s"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        #expect(rename(Fixtures.copyOfSample(), dir) == 0)
        for d in [root, parent, dir] { chmod(d, 0o755) }
        defer { chmod(parent, 0o755) }
        let scratch = Fixtures.temporaryDirectory("cdsboard-perm-state")
        chmod(scratch, 0o777)
        let env = ["HOME": scratch, "XDG_STATE_HOME": scratch, "XDG_CONFIG_HOME": "/nonexistent",
                   "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        let argv = ReadOnlyTests.asNobody
        guard argv.count > 1 else { return }   // not root: the tests' own user would need a foreign parent
        let t = TmuxSession(command: (argv + ["--data", dir]).joined(separator: " "), width: 160, height: 40, environment: env)
        defer { t.kill() }
        t.waitFor("Bắc Quang")

        chmod(parent, 0o700)
        // `check` names the cause.
        let check = Fixtures.run(argv[0], Array(argv.dropFirst()) + ["check", dir], environment: env)
        #expect(check.status == 1)
        #expect(check.output.hasPrefix(dir + ": snapshot directory: permission denied"), "\(check.output.prefix(300))")
        // A change in the directory makes the dashboard reload, and refuse.
        Fixtures.write("x", to: dir + "/.touched")
        let refused = t.waitFor("permission denied", timeout: 5)
        #expect(refused.contains("permission denied"), "\(refused)")
        #expect(refused.contains("Bắc Quang"), "the last good figures are gone")

        chmod(parent, 0o755)
        let start = Date()
        var screen = t.capture()
        while Date().timeIntervalSince(start) < 12, screen.contains("permission denied") {
            usleep(100_000)
            screen = t.capture()
        }
        #expect(!screen.contains("permission denied"), "the refusal stayed after its cause was gone")
        print("recovery: parent permission given back → refusal gone in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
