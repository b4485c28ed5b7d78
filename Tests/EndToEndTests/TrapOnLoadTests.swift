import DashboardTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 25, "when something does trap": a load that traps (here through the test hook
/// `CDSBOARD_TEST_TRAP_ON_LOAD`, whatever bugs the loader has) leaves the terminal sane with no
/// backtrace on it, ends at once, and the next start refuses that export instead of crashing
/// on it again, until the export is replaced.
@Suite(.serialized) struct TrapOnLoadTests {
    static let trap = "TRAP-ON-LOAD"
    /// Printed over the screen by the runtime's backtracer or its fatal error, before.
    static let crashWords = ["Fatal error", "Program crashed", "Backtrac", "Thread 0", "💣", "Press space"]

    let data = Fixtures.copyOfSample()
    let state = Fixtures.temporaryDirectory("cdsboard-trap-state")
    let cache = Fixtures.temporaryDirectory("cdsboard-trap-cache")

    /// Runs the dashboard twice in one tmux pane (as `Restart=always` would), with the trap
    /// hook on; between the runs, the exit status and the terminal's modes, then a wait for Enter.
    func session(_ args: String) -> TmuxSession {
        let script = state + "/run.sh"
        let run = "\(Fixtures.binary) --data \(data) --cache-dir \(cache) \(args)"
        Fixtures.write("""
            unset SWIFT_BACKTRACE LOGS_DIRECTORY STATE_DIRECTORY CACHE_DIRECTORY
            \(run)
            echo STATUS $?; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo
            read next
            \(run)
            """, to: script)
        return TmuxSession(command: "sh \(script)", width: 120, height: 40,
                           environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                                         "XDG_CONFIG_HOME": "/nonexistent", "XDG_STATE_HOME": state,
                                         "CDSBOARD_TEST_TRAP_ON_LOAD": Self.trap])
    }

    /// After the trap: the status is 132 (SIGILL) within seconds, the modes are back, the normal
    /// screen shows no frame and no backtrace, one line says what happened; the log has the rest.
    func expectQuietCrash(_ t: TmuxSession) {
        let screen = t.waitFor("icanon echo", timeout: 15)
        #expect(screen.contains("STATUS 132"), "no exit within 15 s: \(screen)")
        #expect(screen.contains("icanon echo"), "terminal modes not restored: \(screen)")
        #expect(!screen.contains("┌") && !screen.contains("Bắc Quang"), "the dashboard's screen stayed: \(screen)")
        for word in Self.crashWords { #expect(!screen.contains(word), "\(word) printed over the screen: \(screen)") }
        #expect(screen.contains("cdsboard: stopped by signal 04 while loading \(data)"), "\(screen)")
        let log = Fixtures.read(state + "/cdsboard/cdsboard.log")
        #expect(log.contains("crashed (signal 04) while loading \(data)"), "\(log.suffix(2000))")
        #expect(log.contains("Fatal error: CDSBOARD_TEST_TRAP_ON_LOAD"), "the runtime's message is not in the log")
        #expect(log.contains("Program crashed"), "the runtime's backtrace is not in the log")
    }

    @Test func aTrapAtStartEndsQuietlyAndTheNextStartRefusesTheExport() throws {
        Fixtures.write("x\n", to: data + "/" + Self.trap)
        let t = session("")
        defer { t.kill() }
        expectQuietCrash(t)

        t.sendKeys("Enter")
        let refused = t.waitFor("Lần trước cdsboard dừng đột ngột khi nạp bản xuất này", timeout: 10)
        #expect(refused.contains("Lần trước cdsboard dừng đột ngột khi nạp bản xuất này (SIGILL)"), "\(refused)")
        #expect(!refused.contains("CDSBOARD-EXITED"), "the second start ended: \(refused)")

        // `check` is a diagnostic: the poison does not stop it.
        let check = Fixtures.run(Fixtures.binary, ["check", data], environment: ["XDG_STATE_HOME": state])
        #expect(check.status == 0 && check.output.contains("OK"), "\(check.output.prefix(300))")

        // A new export (the file that traps removed): it loads.
        unlink(data + "/" + Self.trap)
        // Under load a capture may catch the new figures before the refusal's line is redrawn.
        let loaded = t.waitUntil(timeout: 15) { $0.contains("Bắc Quang") && !$0.contains("Lần trước") }
        #expect(loaded.contains("Bắc Quang") && !loaded.contains("Lần trước"), "\(loaded)")
    }

    @Test func aTrapWhileShowingRestoresTheScreenAndTheNextStartKeepsTheLastGoodFigures() throws {
        let t = session("--lang en")
        defer { t.kill() }
        #expect(t.waitFor("Bắc Quang", timeout: 20).contains("Bắc Quang"))
        Fixtures.write("x\n", to: data + "/" + Self.trap)
        expectQuietCrash(t)

        t.sendKeys("Enter")
        let refused = t.waitFor("cdsboard stopped abruptly last time while loading this export", timeout: 10)
        #expect(refused.contains("New data refused"), "\(refused)")
        #expect(refused.contains("Bắc Quang"), "the last good figures are not shown: \(refused)")

        unlink(data + "/" + Self.trap)
        var screen = t.capture()
        let end = Date().addingTimeInterval(15)
        while Date() < end, screen.contains("refused") { usleep(100_000); screen = t.capture() }
        #expect(!screen.contains("refused") && screen.contains("Bắc Quang"), "\(screen)")
    }

    /// `timeout` without `--foreground` runs the program in the background: the runtime's
    /// interactive backtracer then waited for the keyboard forever.
    @Test func underTimeoutATrapEndsTheProgram() throws {
        Fixtures.write("x\n", to: data + "/" + Self.trap)
        let t = TmuxSession(command: "sh -c 'unset SWIFT_BACKTRACE; timeout 60 \(Fixtures.binary) --data \(data) --kiosk; echo STATUS $?'",
                            width: 100, height: 30,
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": state,
                                          "XDG_CONFIG_HOME": "/nonexistent", "CDSBOARD_TEST_TRAP_ON_LOAD": Self.trap])
        defer { t.kill() }
        let screen = t.waitFor("STATUS", timeout: 20)
        #expect(screen.contains("STATUS 132"), "\(screen)")
        for word in Self.crashWords { #expect(!screen.contains(word), "\(word) printed: \(screen)") }
    }
}
