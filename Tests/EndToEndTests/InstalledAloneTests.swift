import DashboardTestSupport
import Foundation
import Testing

/// Issue 30: a binary installed without the `Themes/` folder (copied to a directory of its own,
/// run from elsewhere) printed "theme not found" for three themes nobody asked for, and looked
/// different. It looks the same, colour for colour, in the default theme and the next one.
@Suite(.serialized) struct InstalledAloneTests {
    let data = Fixtures.copyOfSample()
    static let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent"]

    /// The screen with its colours (`capture-pane -e`).
    func coloured(_ t: TmuxSession) -> String { t.tmux(["capture-pane", "-e", "-p", "-t", t.name]) }

    @Test func aBinaryWithoutThemesLooksTheSameAndSaysNothing() throws {
        let alone = Fixtures.temporaryDirectory("cdsboard-alone")
        try FileManager.default.createDirectory(atPath: alone + "/bin", withIntermediateDirectories: true)
        // Copied by `cp`, not in this process: a child another test spawns meanwhile would inherit
        // our descriptor open for writing, and exec would fail with "Text file busy".
        #expect(Fixtures.run("/bin/cp", [Fixtures.binary, alone + "/bin/cdsboard"]).status == 0)
        let args = "--data \(data) --no-clock --no-cache"
        let home = Fixtures.temporaryDirectory("cdsboard-alone-home")
        var env = Self.env
        env["HOME"] = home
        let checkout = TmuxSession(command: "sh -c 'cd \(Fixtures.repositoryRoot()) && exec \(Fixtures.binary) \(args)'", width: 120, height: 40,
                                   environment: env)
        defer { checkout.kill() }
        let installed = TmuxSession(command: "sh -c 'cd \(home) && exec \(alone)/bin/cdsboard \(args)'", width: 120, height: 40, environment: env)
        defer { installed.kill() }
        #expect(checkout.waitFor("Bắc Quang").contains("Bắc Quang"))
        let screen = installed.waitFor("Bắc Quang")
        #expect(screen.contains("Bắc Quang"))
        usleep(300_000)
        #expect(!installed.capture().contains("not found"), "a theme nobody asked for was reported: \(installed.capture())")
        #expect(coloured(installed) == coloured(checkout), "the installed binary looks different")
        for t in [checkout, installed] { t.sendKeys("t") }
        usleep(500_000)
        #expect(coloured(installed) == coloured(checkout), "the next theme (light) looks different without Themes/")
    }
}

/// Issue 30: a file changed without its manifest showed "Đang nhận bản dữ liệu mới" and logged
/// it every second. After the arrival timeout (`CDSBOARD_ARRIVAL_TIMEOUT`, 60 s by default) it
/// is the refusal, in Vietnamese and within 80 columns; the log says each of them once.
@Suite(.serialized) struct ArrivalTimeoutTests {
    @Test func anExportThatNeverArrivesBecomesARefusalLoggedOnce() throws {
        let data = Fixtures.copyOfSample()
        let state = Fixtures.temporaryDirectory("cdsboard-arrival-state")
        let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent",
                   "XDG_STATE_HOME": state, "CDSBOARD_ARRIVAL_TIMEOUT": "3"]
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --no-cache", width: 80, height: 24, environment: env)
        defer { t.kill() }
        #expect(t.waitFor("Bắc Quang").contains("Bắc Quang"))
        let tourism = Fixtures.read(data + "/tourism.csv")
        Fixtures.write(tourism + "2024-06,030,1,0,1\n", to: data + "/tourism.csv")
        #expect(t.waitFor("Đang nhận bản dữ liệu mới", timeout: 3).contains("tourism.csv"))
        let refused = t.waitFor("từ chối", timeout: 8)
        let last = refused.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }.last ?? ""
        #expect(last.contains("✖ Dữ liệu mới bị từ chối: tourism.csv không khớp manifest.json"), "\(last)")
        #expect(!last.contains("…"))
        usleep(1_500_000)
        #expect(t.capture().contains("không khớp manifest.json"), "the refusal did not stay")
        let log = Fixtures.read(state + "/cdsboard/cdsboard.log")
        let lines = log.split(separator: "\n")
        #expect(lines.filter { $0.contains("export arriving") }.count == 1, "\(log)")
        #expect(lines.filter { $0.contains("snapshot refused") }.count == 1, "\(log)")
    }
}
