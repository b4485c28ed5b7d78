import DashboardTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// If the process dies, the terminal comes back first and nothing is printed over the screen.
@Suite(.serialized) struct CrashTests {
    let data = Fixtures.copyOfSample()
    static let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL])
    func aFatalSignalRestoresTheTerminalAndPrintsNothing(_ signal: Int32) throws {
        let state = NSTemporaryDirectory() + "cds-crash-\(getpid())-\(signal)"
        try? FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        // After the crash: the exit status, then the terminal's modes as the shell sees them.
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data); echo STATUS $?; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo",
                            width: 100, height: 30, environment: Self.env.merging(["XDG_STATE_HOME": state]) { $1 })
        defer { t.kill() }
        t.waitFor("Bắc Quang", timeout: 20)
        let pid = try #require(Processes.matching(data).first)
        kill(pid, signal)
        t.waitFor("STATUS", timeout: 15)
        let screen = t.waitFor("icanon echo", timeout: 10)
        #expect(screen.contains("STATUS \(128 + signal)"))
        #expect(screen.contains("icanon echo"), "terminal modes not restored: \(screen)")
        // The normal screen is back (no panel frame left), and no crash report was printed on it
        // (the shell's own one-line "Segmentation fault" is the shell's).
        #expect(!screen.contains("Bắc Quang") && !screen.contains("┌"))
        for word in ["Fatal error", "Crash", "backtrace", "Thread 0", "💣"] {
            #expect(!screen.contains(word), "\(word) printed over the screen")
        }
        let log = (try? String(contentsOfFile: state + "/cdsboard/cdsboard.log", encoding: .utf8)) ?? ""
        #expect(log.contains("crashed (signal \(String(format: "%02d", signal)))"))
    }
}
