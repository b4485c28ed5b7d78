import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Whole screens rendered from a state, compared with text files under `Goldens/Screens/`.
/// `CDSBOARD_RECORD=1 swift test` re-records them (and fails, so that a recording run never passes).
///
/// They test how the parts fit together; the parts themselves (a panel, the table, the header,
/// the status bar) have their own goldens in `WidgetGoldenTests`. So that one wording change does
/// not rewrite every file, whole screens are drawn without the clock and with the status bar's
/// key hints blanked (the status-bar golden has them).
@Suite struct GoldenScreenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var size: Size
        var language: Language = .vi
        var keys: String = ""
        var ascii = false
        var console = false
        var testDescription: String { name }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let places: [(String, String)] = [("overview", ""), ("district", "/ x u y e n Enter"),
                                             ("commune", "/ d a o Space d u c Enter")]

    static let cases: [Case] = {
        var out: [Case] = []
        for size in sizes {
            for (place, keys) in places {
                out.append(Case(name: "\(place)-\(size)-vi", size: size, language: .vi, keys: keys))
            }
        }
        // English at every size, each at a different level.
        for (size, (place, keys)) in zip(sizes, places) {
            out.append(Case(name: "\(place)-\(size)-en", size: size, language: .en, keys: keys))
        }
        out += [
            Case(name: "wall-300x80-vi", size: Size(width: 300, height: 80)),
            Case(name: "expanded-dossiers-120x40-vi", size: Size(width: 120, height: 40), keys: "1 Enter"),
            Case(name: "expanded-dossiers-200x60-vi", size: Size(width: 200, height: 60), keys: "1 Enter"),
            Case(name: "expanded-bts-120x40-en", size: Size(width: 120, height: 40), language: .en, keys: "2 Enter"),
            Case(name: "expanded-tourism-district-120x40-vi", size: Size(width: 120, height: 40), keys: "/ m e o Enter 4 Enter"),
            Case(name: "help-80x24-vi", size: Size(width: 80, height: 24), keys: "?"),
            Case(name: "search-80x24-vi", size: Size(width: 80, height: 24), keys: "/ l u n g"),
            Case(name: "sorted-online-120x40-en", size: Size(width: 120, height: 40), language: .en, keys: "s s"),
            Case(name: "month-2023-12-120x40-vi", size: Size(width: 120, height: 40), keys: "p p [ [ [ [ [ ["),
            Case(name: "ascii-80x24-vi", size: Size(width: 80, height: 24), ascii: true),
            Case(name: "linux-console-120x40-vi", size: Size(width: 120, height: 40), console: true),
            Case(name: "too-small-50x12-vi", size: Size(width: 50, height: 12)),
            // The map (b) where the panels stand; Tab gives it the keys, → moves east on it.
            Case(name: "map-80x24-vi", size: Size(width: 80, height: 24), keys: "b"),
            Case(name: "map-120x40-en", size: Size(width: 120, height: 40), language: .en, keys: "b j j Tab l"),
            Case(name: "map-300x80-vi", size: Size(width: 300, height: 80), keys: "b 2"),
            Case(name: "map-sites-120x40-vi", size: Size(width: 120, height: 40), keys: "d"),
            Case(name: "map-district-120x40-vi", size: Size(width: 120, height: 40), keys: "b j Enter"),
            Case(name: "map-ascii-80x24-vi", size: Size(width: 80, height: 24), keys: "b", ascii: true),
            Case(name: "map-console-120x40-vi", size: Size(width: 120, height: 40), keys: "b", console: true),
            // The fifth panel: a tab at 80×24, all five across at 200×50, expanded, in both languages.
            Case(name: "society-tab-80x24-vi", size: Size(width: 80, height: 24), keys: "5"),
            Case(name: "society-tab-80x24-en", size: Size(width: 80, height: 24), language: .en, keys: "5"),
            Case(name: "overview-200x50-vi", size: Size(width: 200, height: 50)),
            Case(name: "overview-200x50-en", size: Size(width: 200, height: 50), language: .en),
            Case(name: "expanded-society-120x40-vi", size: Size(width: 120, height: 40), keys: "5 Enter"),
            Case(name: "expanded-society-district-120x40-en", size: Size(width: 120, height: 40), language: .en,
                 keys: "/ m e o Enter 5 Enter"),
        ]
        return out
    }()

    @Test(arguments: cases)
    func screenMatchesItsGolden(_ c: Case) {
        var s = SampleState.state(size: c.size, language: c.language)
        s.ascii = c.ascii
        s.consoleGlyphs = c.console
        s.showClock = false
        if !c.keys.isEmpty { _ = SampleState.press(&s, c.keys) }
        var canvas = render(s)
        if let status = Layout.make(s)?.status, s.search == nil, !s.showHelp {
            canvas.fill(status, role: .status, with: "·")
        }
        let path = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Screens/\(c.name).txt"
        let problem = Golden.compare(canvas.textDump(), to: path)
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }

    @Test func everySizeRendersWithoutOverflow() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "j j Enter")
        for w in stride(from: 1, through: 320, by: 7) {
            for h in stride(from: 1, through: 100, by: 5) {
                s.size = Size(width: w, height: h)
                let c = render(s)
                #expect(c.cells.count == w * h)
                // No wide glyph hangs over the right edge.
                for y in 0..<h where w > 0 { #expect(c[w - 1, y].width < 2) }
            }
        }
    }

    @Test func theBreadcrumbShowsWhereYouAre() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "/ d a o Space d u c Enter")
        #expect(render(s).line(1).hasPrefix(" Hà Giang › Vị Xuyên › Xã Đạo Đức"))
    }

    @Test func staleDataIsMarkedLoudly() {
        var s = SampleState.state()
        s.now = SampleState.now.addingTimeInterval(90 * 86400)
        let top = render(s).line(0)
        #expect(top.contains("DỮ LIỆU CŨ (95 ngày)"))
    }

    @Test func nfdNamesAlignLikeNFCNames() {
        // The same commune name in both normal forms lands in the same columns.
        var a = Canvas(size: Size(width: 30, height: 1)), b = a
        a.write("Xã Lũng Cú", x: 0, y: 0, width: 20, align: .right, role: .text)
        b.write("Xã Lu\u{0303}ng Cu\u{0301}", x: 0, y: 0, width: 20, align: .right, role: .text)
        #expect(a == b)
    }

    @Test func theLinuxConsoleGetsOnlyGlyphsItsFontsHave() {
        var s = SampleState.state()
        s.consoleGlyphs = true
        let text = render(s).plainText
        for missing in ["▁", "▂", "▃", "▅", "▆", "▇", "●", "✖", "★", "◀", "▶", "…"] {
            #expect(!text.contains(missing), "\(missing) is not in console fonts")
        }
        #expect(text.contains("┌") && text.contains("█") && text.contains("Hà Giang"))
    }
}
