import DashboardTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The wall screen in a real terminal.
@Suite(.serialized) struct KioskTerminalTests {
    let data = Fixtures.copyOfSample()
    static let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent"]

    @Test func rotatesByItselfAndIgnoresQ() throws {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --kiosk --rotate 1s", width: 200, height: 60, environment: Self.env)
        defer { t.kill() }
        let first = t.waitFor("1/6")
        #expect(first.contains("███"))                    // large digits at 200×60
        #expect(!first.contains("q thoát"))
        t.sendKeys("q")
        let second = t.waitFor("2/6", timeout: 3)
        #expect(second.contains("2/6"), "no rotation within the interval")
        #expect(Processes.matching(data).contains(where: Processes.isAlive), "q quit the kiosk")
        let p = try #require(Processes.matching(data).first)
        kill(p, SIGTERM)
        #expect(t.waitFor("CDSBOARD-EXITED", timeout: 2).contains("CDSBOARD-EXITED 0"))
    }

    /// Issue 25: a kiosk started on an export without a manifest whose one dossier awaits a
    /// supplement once showed a Swift backtrace for 30 s, then died (and under `Restart=always`
    /// looped so). It shows the refusal, naming the manifest, and stays up.
    @Test func startedOnAnExportWithoutAManifestItShowsTheRefusal() throws {
        let dir = Fixtures.copyOfSample()
        let header = "dossier_id,district_code,commune_code,level,field,received_date,due_date,resolved_date,channel,status"
        Fixtures.write(header + "\nD1,026,00715,commune,Hộ tịch,2024-06-02,2024-06-05,,online,supplement\n", to: dir + "/dossiers.csv")
        #expect(unlink(dir + "/dossier_stats.csv") == 0)
        #expect(unlink(dir + "/manifest.json") == 0)
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(dir) --kiosk --rotate 1s", width: 120, height: 40, environment: Self.env)
        defer { t.kill() }
        let screen = t.waitFor("manifest.json", timeout: 5)
        #expect(screen.contains("manifest.json"), "the refusal is not shown: \(screen)")
        #expect(!screen.contains("Fatal error") && !screen.contains("Backtrace") && !screen.contains("CDSBOARD-EXITED"))
        usleep(1_500_000)
        #expect(!t.capture().contains("CDSBOARD-EXITED"), "the kiosk ended")
        #expect(Processes.matching(dir).contains(where: Processes.isAlive))
    }

    /// The first step comes at the interval from start, with no key pressed, with and without
    /// the clock (it once waited for the next clock minute, and without the clock forever).
    @Test(arguments: ["", " --no-clock"])
    func theFirstRotationComesAtTheIntervalWithoutAKey(_ flags: String) {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --kiosk --rotate 2s\(flags)", width: 120, height: 40,
                            environment: Self.env)
        defer { t.kill() }
        let first = t.waitFor("1/6")
        #expect(first.contains("1/6"))
        let start = Date()
        let second = t.waitFor("2/6", timeout: 3)
        #expect(second.contains("2/6"), "no rotation within 3 s of the first frame\(flags)")
        #expect(Date().timeIntervalSince(start) < 3)
    }

    /// At 137×38 on the console every district is shown before the rotation moves on: on one
    /// screen when the ranking fits, else page by page ("Trang 2/2") — never dropped unseen.
    @Test func everyDistrictIsShownBeforeTheNextStep() {
        let env = ["TERM": "linux", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent"]
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --kiosk --rotate 1s", width: 137, height: 38, environment: env)
        defer { t.kill() }
        var seen = Set<String>()
        let names = ["Bắc Mê", "Bắc Quang", "Đồng Văn", "Hà Giang", "Hoàng Su Phì", "Mèo Vạc", "Quản Bạ", "Quang Bình",
                     "Vị Xuyên", "Xín Mần", "Yên Minh"]
        let end = Date().addingTimeInterval(8)
        var moved = false
        while Date() < end {
            let screen = t.capture()
            if screen.contains("2/6") { moved = true; break }
            if screen.contains("1/6") { for n in names where screen.contains(n) { seen.insert(n) } }
            usleep(100_000)
        }
        #expect(moved, "the rotation never moved on")
        #expect(seen.count == names.count, "never shown: \(Set(names).subtracting(seen))")
    }

    @Test func survivesAResizeStormAndTinySizes() throws {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --kiosk --rotate 2s", width: 120, height: 40, environment: Self.env)
        defer { t.kill() }
        t.waitFor("/6")
        for k in 0..<200 { t.resize(width: 20 + (k * 37) % 380, height: 5 + (k * 13) % 110) }
        for (w, h) in [(1, 1), (20, 5), (79, 23)] { t.resize(width: w, height: h); usleep(30_000) }
        t.resize(width: 200, height: 60)
        let screen = t.waitFor("███")
        #expect(screen.contains("███"))
        #expect(Processes.matching(data).contains(where: Processes.isAlive))
    }
}
