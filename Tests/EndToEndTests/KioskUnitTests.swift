import DashboardTestSupport
import Foundation
import Testing

/// The kiosk unit as shipped gives the log a place it can write, and the log stays small
/// (issue 12, item 8: `ProtectSystem=strict` with no state directory left it unwritable).
@Suite struct KioskUnitTests {
    static let unit = Fixtures.read(Fixtures.repositoryRoot() + "/.deploy/cdsboard-kiosk.service")

    /// `Key=value` lines of the unit, in order.
    static var settings: [(key: String, value: String)] {
        unit.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    /// Runs the dashboard until it has drawn, then quits it.
    func runOnce(environment: [String: String]) {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(Fixtures.sampleDirectory)", width: 120, height: 40,
                            environment: environment)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.sendKeys("q")
        t.waitFor("CDSBOARD-EXITED")
    }

    @Test func theUnitGivesTheLogADirectoryItMayWrite() throws {
        let s = Self.settings
        #expect(s.contains { $0 == ("ProtectSystem", "strict") } && s.contains { $0 == ("ProtectHome", "yes") })
        #expect(s.contains { $0 == ("StateDirectory", "cdsboard") })
        #expect(s.contains { $0 == ("CacheDirectory", "cdsboard") })
        #expect(s.contains { $0 == ("LogsDirectory", "cdsboard") })
        // Nothing points the state into a home directory (unreachable under ProtectHome).
        let env = s.filter { $0.key == "Environment" }.map(\.value)
        #expect(env.contains("XDG_STATE_HOME=%S"))
        #expect(!env.contains { $0.contains("/home") })

        // Under the unit, systemd makes /var/log/cdsboard and sets LOGS_DIRECTORY; home is
        // unreachable. The log must land in the logs directory.
        let root = Fixtures.temporaryDirectory("cdsboard-unit-dirs")
        let logs = root + "/var/log/cdsboard", state = root + "/var/lib"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: state + "/cdsboard", withIntermediateDirectories: true)
        runOnce(environment: ["LOGS_DIRECTORY": logs, "STATE_DIRECTORY": state + "/cdsboard", "XDG_STATE_HOME": state,
                              "HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent",
                              "LANG": "C.UTF-8", "TERM": "xterm-256color"])
        let log = Fixtures.read(logs + "/cdsboard.log")
        #expect(log.contains("started") && log.contains("stopped"), "no log in LOGS_DIRECTORY: \(log)")
    }

    @Test func theLogIsRenamedPastOneMegabyte() throws {
        let logs = Fixtures.temporaryDirectory("cdsboard-rotate")
        let old = String(repeating: "an old line of the event log\n", count: 36_200)   // 1,049,800 bytes: past 1 MiB
        Fixtures.write(old, to: logs + "/cdsboard.log")
        runOnce(environment: ["LOGS_DIRECTORY": logs, "XDG_CONFIG_HOME": "/nonexistent", "LANG": "C.UTF-8",
                              "TERM": "xterm-256color"])
        #expect(Fixtures.read(logs + "/cdsboard.log.1") == old)
        let fresh = Fixtures.read(logs + "/cdsboard.log")
        #expect(fresh.contains("started") && fresh.utf8.count < 10_000, "\(fresh.prefix(300))")
        // Once more: the previous `.1` is replaced, never a third file.
        let newer = old.replacingOccurrences(of: "old", with: "new")
        Fixtures.write(newer, to: logs + "/cdsboard.log")
        runOnce(environment: ["LOGS_DIRECTORY": logs, "XDG_CONFIG_HOME": "/nonexistent", "LANG": "C.UTF-8",
                              "TERM": "xterm-256color"])
        let names = try FileManager.default.contentsOfDirectory(atPath: logs).sorted()
        #expect(names == ["cdsboard.log", "cdsboard.log.1"])
        #expect(Fixtures.read(logs + "/cdsboard.log.1") == newer)
    }
}
