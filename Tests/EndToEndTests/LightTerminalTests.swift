import DashboardTestSupport
import Foundation
import Testing

/// Issue 30 in a real terminal (tmux): the default theme paints its own black page under every
/// cell, so a white-background terminal shows what a black one does; and with `Tab` on the map
/// the status bar shows the map's keys, not the table's.
@Suite(.serialized) struct LightTerminalTests {
    let data = Fixtures.copyOfSample()
    static let utf8 = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    /// The background (its SGR parameters) under the first character of `text` on the screen,
    /// "" for the terminal's own; nil when the text is not there.
    static func background(of text: String, in screen: String) -> String? {
        // tmux carries the colours from one line to the next: the whole screen is one stream.
        do {
            var bg = ""
            var rest = Substring(screen)
            while !rest.isEmpty {
                if rest.hasPrefix("\u{1B}["), let end = rest.firstIndex(of: "m") {
                    let ps = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    var i = 0
                    while i < ps.count {
                        let p = ps[i]
                        if (p == "38" || p == "48"), i + 2 < ps.count, ps[i + 1] == "5" {
                            if p == "48" { bg = "48;5;" + ps[i + 2] }
                            i += 3
                            continue
                        }
                        if p == "" || p == "0" || p == "49" { bg = "" }
                        else if let n = Int(p), (40...47).contains(n) || (100...107).contains(n) { bg = p }
                        i += 1
                    }
                    rest = rest[rest.index(after: end)...]
                    continue
                }
                if rest.hasPrefix(text) { return bg }
                rest = rest.dropFirst()
            }
        }
        return nil
    }

    @Test func theDefaultThemePaintsItsOwnPage() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data)", width: 80, height: 24, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        let screen = t.tmux(["capture-pane", "-e", "-p", "-t", t.name])
        // Text, a panel's title and a table row: on the theme's black (16), not the terminal's.
        for text in ["Tiếp nhận", "Trực tuyến", "Bắc Quang"] {
            #expect(Self.background(of: text, in: screen) == "48;5;16", "\(text): \(String(describing: Self.background(of: text, in: screen)))")
        }
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
    }

    @Test func onTheMapTheStatusBarHasTheMapsKeys() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data)", width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.sendKeys("b")
        let table = t.waitFor("Bản đồ: Trực tuyến")
        #expect(table.contains("sắp xếp"), "\(table)")
        t.sendKeys("Tab")
        let screen = t.waitFor("đơn vị bên cạnh")
        #expect(screen.contains("↑↓←→ đơn vị bên cạnh") && screen.contains("Esc về danh sách"), "\(screen)")
        #expect(!screen.contains("sắp xếp  ["))
        t.sendKeys("Escape")
        let back = t.waitFor("Esc lên")
        #expect(back.contains("Esc lên"), "\(back)")
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
    }
}
