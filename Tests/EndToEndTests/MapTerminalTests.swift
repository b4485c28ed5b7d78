import DashboardTestSupport
import Foundation
import Testing

/// The map in a real terminal: the selection follows from the table to the map and back.
@Suite(.serialized) struct MapTerminalTests {
    let data = Fixtures.copyOfSample()
    static let utf8 = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    /// The screen with its colours: the selected unit's label on the map is drawn in the
    /// selection's colours (black on cyan in the default theme), directly before its name.
    func highlighted(_ t: TmuxSession, _ name: String) -> Bool {
        // The map's frame only: it stands above the table, and ends at the first bottom corner.
        for line in t.tmux(["capture-pane", "-e", "-p", "-t", t.name]).split(separator: "\n").prefix(while: { !$0.contains("└") }) {
            // Follow the background through the line's SGR sequences; the name must start on cyan (46).
            var cyan = false
            var rest = Substring(line)
            while !rest.isEmpty {
                if rest.hasPrefix("\u{1B}["), let end = rest.firstIndex(of: "m") {
                    for p in rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";") {
                        if p == "46" { cyan = true } else if p == "0" || p == "49" || (p.count == 2 && p.hasPrefix("4")) { cyan = false }
                    }
                    rest = rest[rest.index(after: end)...]
                    continue
                }
                if cyan, rest.hasPrefix(name) { return true }
                rest = rest.dropFirst()
            }
        }
        return false
    }

    func waitHighlighted(_ t: TmuxSession, _ name: String) -> Bool {
        let end = Date().addingTimeInterval(5)
        while Date() < end {
            if highlighted(t, name) { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func theSelectionFollowsFromTableToMapAndBack() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data)", width: 120, height: 40, environment: Self.utf8)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.sendKeys("b")
        #expect(t.waitFor("Bản đồ: Trực tuyến").contains("Bản đồ: Trực tuyến"))
        #expect(waitHighlighted(t, "Bắc Mê"))
        // The table moves: the map follows.
        t.sendKeys("j", "j")
        #expect(t.waitFor("▶ Đồng Văn").contains("▶ Đồng Văn"))
        #expect(waitHighlighted(t, "Đồng Văn"))
        #expect(!highlighted(t, "Bắc Mê"))
        // The map has the keys: east of Đồng Văn is Mèo Vạc, in the table too.
        t.sendKeys("Tab", "Right")
        #expect(t.waitFor("▶ Mèo Vạc").contains("▶ Mèo Vạc"))
        #expect(waitHighlighted(t, "Mèo Vạc"))
        // Enter drills down as in the table.
        t.sendKeys("Enter")
        #expect(t.waitFor("Hà Giang › Mèo Vạc").contains("Xã, phường, thị trấn"))
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED 0", timeout: 5).contains("CDSBOARD-EXITED 0"))
    }
}
