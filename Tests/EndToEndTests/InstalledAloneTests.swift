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
        try FileManager.default.copyItem(atPath: Fixtures.binary, toPath: alone + "/bin/cdsboard")
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
