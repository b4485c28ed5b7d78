import DashboardTestSupport
import Foundation
import Testing

/// The fifth panel in a real terminal (tmux): a tab at 80×24 reached with its key, and one of
/// five panels side by side at 200×50, in both languages.
@Suite(.serialized) struct SocietyTerminalTests {
    let data = Fixtures.copyOfSample()
    static let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent"]

    @Test func aTabAtEightyColumnsShownWithItsKey() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --lang vi", width: 80, height: 24, environment: Self.env)
        defer { t.kill() }
        let first = t.waitFor("Bắc Quang")
        #expect(first.contains(" 5 Xã hội số"))
        t.sendKeys("5")
        let screen = t.waitFor("VNeID đã kích hoạt")
        #expect(screen.contains("┌ 5 Xã hội số"))
        #expect(screen.contains("431.261") && screen.contains("65,1% ◆ Có nguy cơ không đạt"))
        #expect(screen.contains("2.071 · 12.131 thành viên"))
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
    }

    @Test func fivePanelsAcrossAtTwoHundredColumns() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --lang en", width: 200, height: 50, environment: Self.env)
        defer { t.kill() }
        let screen = t.waitFor("Yên Minh")
        for title in ["1 Admin dossiers", "2 BTS coverage", "3 OCOP e-commerce", "4 Tourism", "5 Digital society"] {
            #expect(screen.contains(title), "\(title) missing")
        }
        // The four other panels' headlines are the article's, as before.
        #expect(screen.contains("143,218") && screen.contains("2,942") && screen.contains("98.89%"))
        #expect(screen.contains("431,261") && screen.contains("65.1% ◆ at risk"))
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
    }
}
