import DashboardTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux): what a committee member sees over SSH.
@Suite(.serialized) struct TerminalTests {
    /// A private copy of the sample, so that the process can be found by its `--data` path.
    let data = Fixtures.copyOfSample()
    var command: String { "\(Fixtures.binary) --data \(data)" }
    static let utf8 = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    func pid() -> Int32? { Processes.matching(data).first }

    func waitGone(_ timeout: Double) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if Processes.matching(data).allSatisfy({ !Processes.isAlive($0) }) { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func opensOnTheSampleAndQuitsOnQ() {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        // The status bar is the frame's last row: once it shows, the whole first frame is there
        // (under a loaded full run the capture once caught the frame half drawn, at "Yên Minh").
        t.waitFor("Bắc Quang")
        let screen = t.waitFor("q thoát")
        #expect(screen.contains("Hà Giang · Chuyển đổi số"))
        #expect(screen.contains("Số liệu cập nhật đến 08:00 ngày 05/07/2024"))
        #expect(screen.contains("Huyện, thành phố (11)"))
        for name in ["Bắc Mê", "Đồng Văn", "Hoàng Su Phì", "Mèo Vạc", "Quản Bạ", "Quang Bình", "Vị Xuyên", "Xín Mần", "Yên Minh"] {
            #expect(screen.contains(name), "\(name) missing")
        }
        #expect(screen.contains("q thoát"))
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
        #expect(waitGone(1))
    }

    @Test func hangUpEndsItWithinOneSecondLeavingNoProcess() throws {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        let p = try #require(pid())
        let start = Date()
        kill(p, SIGHUP)
        #expect(waitGone(1), "still running after SIGHUP")
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(t.waitFor("CDSBOARD-EXITED", timeout: 2).contains("CDSBOARD-EXITED"))
        #expect(Processes.matching(data).filter(Processes.isAlive).isEmpty, "a child or orphan is left")
    }

    @Test func termAndIntEndItCleanly() throws {
        for sig in [SIGTERM, SIGINT] {
            let t = TmuxSession(command: command, width: 100, height: 30, environment: Self.utf8)
            t.waitFor("Bắc Quang")
            let p = try #require(pid())
            kill(p, sig)
            #expect(waitGone(1), "signal \(sig)")
            // The terminal is given back: the shell's line is on the normal screen.
            #expect(t.waitFor("CDSBOARD-EXITED", timeout: 2).contains("CDSBOARD-EXITED 0"))
            t.kill()
        }
    }

    @Test func idleItUsesNoCPU() throws {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        let p = try #require(pid())
        usleep(300_000)
        let before = try #require(Processes.cpuTicks(p))
        sleep(3)
        let after = try #require(Processes.cpuTicks(p))
        // Clock ticks are 10 ms: at most one tick in 3 s is ≤ 0.3% CPU.
        #expect(after - before <= 1, "used \(after - before) ticks in 3 s")
    }

    @Test func searchDrillsDownAndEscReturns() {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.sendKeys("/", "x", "u", "y", "e", "n")
        t.waitFor("Huyện Vị Xuyên")
        t.sendKeys("Enter")
        // The whole frame, not its first rows: five panels make it longer to arrive.
        let district = t.waitFor("Xã, phường, thị trấn (24)")
        #expect(district.contains("Hà Giang › Vị Xuyên"))
        #expect(district.contains("Xã, phường, thị trấn (24)"))
        #expect(district.contains("Xã Đạo Đức"))
        t.sendKeys("Escape")
        let back = t.waitFor("Huyện, thành phố (11)")
        #expect(back.contains("Huyện, thành phố (11)"))
    }

    @Test func sortAndPeriodChangeTheTable() {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        let before = t.waitFor("Bắc Quang")
        func firstRow(_ screen: String) -> String {
            screen.split(separator: "\n").first { $0.contains("▶") }.map(String.init) ?? ""
        }
        #expect(firstRow(before).contains("Bắc Mê"))
        t.sendKeys("s")
        let sorted = t.waitFor("sắp xếp theo Tiếp nhận")
        #expect(firstRow(sorted).contains("Bắc Quang"))   // most dossiers first
        t.sendKeys("[")
        let q1 = t.waitFor("Quý I/2024 ·")
        #expect(q1.contains("Quý I/2024 ·"))
        #expect(!q1.contains("143.218"))
        t.sendKeys("]")
        #expect(t.waitFor("143.218").contains("Quý II/2024 ·"))
    }

    @Test func resizingRedrawsAtTheNewSize() {
        let t = TmuxSession(command: command, width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.resize(width: 80, height: 24)
        let small = t.waitFor("1 Hồ sơ TTHC   2 Hạ tầng số")
        #expect(small.contains("1 Hồ sơ TTHC   2 Hạ tầng số"))   // the tab strip of the 80×24 layout
        t.resize(width: 40, height: 10)
        #expect(t.waitFor("Cửa sổ quá nhỏ").contains("Cửa sổ quá nhỏ"))
        for (w, h) in [(1, 1), (20, 5), (79, 23), (200, 60)] { t.resize(width: w, height: h); usleep(50_000) }
        #expect(t.waitFor("Huyện, thành phố (11)").contains("Huyện, thành phố (11)"))
        #expect(pid().map(Processes.isAlive) == true)
    }

    @Test func unknownTermFallsBackAndSaysSo() {
        var env = Self.utf8
        env["TERM"] = "no-such-terminal-cdsboard"
        let t = TmuxSession(command: command, width: 120, height: 40, environment: env)
        defer { t.kill() }
        let screen = t.waitFor("unknown to terminfo")
        #expect(screen.contains("TERM=no-such-terminal-cdsboard unknown to terminfo; using xterm"))
        #expect(screen.contains("Bắc Quang"))
    }

    @Test func withoutUTF8EverythingIsASCII() {
        let t = TmuxSession(command: command, width: 100, height: 30, environment: ["TERM": "xterm", "LANG": "C", "LC_ALL": "C"])
        defer { t.kill() }
        let screen = t.waitFor("Bac Quang")
        #expect(screen.contains("Ha Giang"))
        #expect(screen.contains("+-"))
        #expect(!screen.contains("┌"))
    }

    @Test func dumbTerminalPointsToReport() {
        let t = TmuxSession(command: command, width: 100, height: 30, environment: ["TERM": "dumb", "LANG": "C.UTF-8"])
        defer { t.kill() }
        let screen = t.waitFor("CDSBOARD-EXITED")
        #expect(screen.contains("cdsboard report"))
        #expect(screen.contains("CDSBOARD-EXITED 2"))
    }

    @Test(arguments: ["xterm-256color", "xterm", "screen", "tmux-256color", "vt100", "linux"])
    func worksOnEveryCommonTerm(term: String) {
        let t = TmuxSession(command: command, width: 100, height: 30, environment: ["TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        defer { t.kill() }
        let screen = t.waitFor("Bắc Quang")
        #expect(screen.contains("Bắc Quang"), "TERM=\(term)")
        #expect(!screen.contains("unknown to terminfo"), "TERM=\(term) fell back")
        if term == "linux" {
            // The console's fonts lack these: the console glyph set must not use them.
            for glyph in ["▁", "▂", "▃", "▅", "▆", "▇", "●", "✖", "★", "◀", "▶", "…"] {
                #expect(!screen.contains(glyph), "TERM=linux drew \(glyph)")
            }
        }
        t.sendKeys("j", "Enter")
        // The Linux console's glyph set writes the breadcrumb with ">".
        let crumb = term == "linux" ? "Hà Giang > Bắc Quang" : "Hà Giang › Bắc Quang"
        #expect(t.waitFor(crumb).contains(crumb), "TERM=\(term): drill-down")
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 3).contains("CDSBOARD-EXITED 0"))
    }

    @Test func aBrokenThemeOrConfigIsReportedAndTheDefaultsUsed() {
        let dir = Fixtures.temporaryDirectory("cdsboard-conf")
        try? FileManager.default.createDirectory(atPath: dir + "/cdsboard", withIntermediateDirectories: true)
        Fixtures.write("theme = \"light\"\nclock = sometimes\n", to: dir + "/cdsboard/config.toml")
        Fixtures.write("[roles]\ntext = { fg = \"ultraviolet\" }\n", to: dir + "/broken.toml")
        var env = Self.utf8
        env["XDG_CONFIG_HOME"] = dir
        let t = TmuxSession(command: command + " --theme \(dir)/broken.toml", width: 200, height: 40, environment: env)
        defer { t.kill() }
        let screen = t.waitFor("Bắc Quang")
        #expect(screen.contains("broken.toml:2: role text: fg is not a colour"), "theme error not shown")
        #expect(screen.contains("using the default theme"))
        #expect(screen.contains("config.toml:2:") && screen.contains("ignored"), "config error not shown")
        t.sendKeys("j")   // the note goes once the user acts
        usleep(300_000)
        #expect(t.capture().contains("q thoát"))
    }

    @Test func keysWithoutAnActionChangeNothingAndNeverQuit() {
        let t = TmuxSession(command: command + " --mouse", width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        let before = t.waitFor("Bắc Quang")
        // Keys ncurses decodes but cdsboard does not bind, each alone on a wake of the loop.
        for key in ["S-Home", "S-Up", "S-End", "S-Left", "S-Right", "S-Down"] { t.sendKeys(key); usleep(60_000) }
        usleep(400_000)
        #expect(Processes.matching(data).contains(where: Processes.isAlive), "an unbound key ended the program")
        #expect(t.capture().split(separator: "\n").dropFirst().first == before.split(separator: "\n").dropFirst().first)
    }

    @Test func theLogHoldsEventsButNoPersonalData() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-private")
        #expect(Fixtures.run(Fixtures.binary, ["gen", "--out", dir, "--dossiers", "300"]).status == 0)
        let rows = Fixtures.read(dir + "/dossiers.csv").split(separator: "\n").dropFirst()
        let secrets = rows.prefix(40).flatMap { row -> [String] in
            let f = row.split(separator: ",")
            return [String(f[1]), String(f[2]), String(f[3])]
        }
        let state = Fixtures.temporaryDirectory("cdsboard-state")
        var env = Self.utf8
        env["XDG_STATE_HOME"] = state
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(dir)", width: 120, height: 40, environment: env)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        // A refused reload, then quit.
        Fixtures.write("dossier_id,district_code\nX,999\n", to: dir + "/dossiers.csv")
        Fixtures.relist(dir)
        t.waitFor("Dữ liệu mới bị từ chối")
        t.sendKeys("q")
        t.waitFor("CDSBOARD-EXITED")
        let log = Fixtures.read(state + "/cdsboard/cdsboard.log")
        #expect(log.contains("started") && log.contains("snapshot refused") && log.contains("stopped"), "\(log)")
        for s in secrets { #expect(!log.contains(s), "personal value \(s) in the log") }
        #expect(!log.contains("999"))   // not even the refused file's values
    }
}
