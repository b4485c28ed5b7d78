import Testing
@testable import DashboardCore

@Suite struct CanvasTests {
    @Test func measuresVietnameseInNFCAndNFDAlike() {
        let nfc = "Đạo Đức"
        let nfd = "Đa\u{0323}o Đu\u{031B}\u{0301}c"
        #expect(DisplayWidth.of(nfc) == 7)
        #expect(DisplayWidth.of(nfd.precomposedForm) == 7)
        var a = Canvas(size: Size(width: 10, height: 1)), b = a
        a.write(nfc, x: 0, y: 0, role: .text)
        b.write(nfd, x: 0, y: 0, role: .text)
        #expect(a == b)
        #expect(a.line(0) == "Đạo Đức   ")
    }

    @Test func combiningMarksTakeNoColumnAndWideGlyphsTakeTwo() {
        #expect(DisplayWidth.of("e\u{0301}" as Character) == 1)
        #expect(DisplayWidth.of("河" as Character) == 2)
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("Hà Giang 河内") == 13)
        var c = Canvas(size: Size(width: 6, height: 1))
        #expect(c.write("河内x", x: 0, y: 0, role: .text) == 5)
        #expect(c[0, 0].width == 2 && c[1, 0].isContinuation && c.symbol(x: 2, y: 0) == "内")
        #expect(c.line(0) == "河内x ")
    }

    @Test func cellsHoldOneScalarOrANumberedCluster() {
        var table = GraphemeTable()
        for ch: Character in ["A", "à", "─", "𝔸", "★"] {
            let code = table.code(of: ch)
            #expect(code == ch.unicodeScalars.first!.value && table.character(code) == ch)
        }
        // No precomposed form: a cluster of two scalars, numbered once and drawn whole.
        let cluster: Character = "x\u{0301}"
        let a = table.code(of: cluster), b = table.code(of: cluster)
        #expect(a == b && a & GraphemeTable.clusterBit != 0 && table.character(a) == cluster)
        let thumb = table.code(of: "👍🏽")
        #expect(thumb != a && table.character(thumb) == "👍🏽")
        var c = Canvas(size: Size(width: 8, height: 1))
        c.write("x\u{0301}y 👍🏽", x: 0, y: 0, role: .text)
        #expect(c.line(0) == "x\u{0301}y 👍🏽   ")
        // Each canvas numbers its own clusters; the diff compares the glyphs, not the numbers.
        var e = Canvas(size: Size(width: 8, height: 1))
        e.write("y\u{0301}", x: 0, y: 0, role: .text)
        #expect(c.changes(from: e).contains { $0.x == 0 && $0.symbol == cluster })
    }

    @Test func fillCutsWideGlyphsAtBothEdgesLikePut() {
        var c = Canvas(size: Size(width: 8, height: 2))
        c.write("河内河内", x: 0, y: 0, role: .text)
        c.write("河内河内", x: 0, y: 1, role: .text)
        c.fill(Rect(x: 1, y: 0, width: 4, height: 1), role: .background, with: ".")   // cuts 河 at 0 and 河 at 4
        #expect(c.line(0) == " .... 内")
        var d = c
        for x in 1..<5 { d.put(".", width: 1, x: x, y: 1, role: .background) }
        #expect(d.line(1) == c.line(0))
    }

    @Test func truncationMarksTheCutAndNeverSplitsAWideGlyph() {
        var c = Canvas(size: Size(width: 20, height: 2))
        #expect(c.write("Thị trấn Nông Trường Việt Lâm", x: 0, y: 0, role: .text, maxWidth: 12) == 12)
        #expect(c.line(0).hasPrefix("Thị trấn Nô…"))
        // Room for 4 columns: "河" (2) + "…" (1); the next wide glyph would not fit.
        #expect(c.write("河内河内", x: 0, y: 1, role: .text, maxWidth: 4) == 3)
        #expect(c.line(1).hasPrefix("河… "))
    }

    @Test func drawingIsClippedToTheCanvas() {
        var c = Canvas(size: Size(width: 5, height: 2))
        c.write("abcdefgh", x: 2, y: 0, role: .text)
        c.write("zz", x: -1, y: 1, role: .text)
        c.write("never", x: 0, y: 5, role: .text)
        c.box(Rect(x: 3, y: 0, width: 10, height: 10), role: .border)
        #expect(c.line(0).count == 5)
        #expect(c.line(1) == "z  │ ")  // the box's left edge; the rest is off the canvas
    }

    @Test func aWideGlyphCutByANewWriteLeavesNoHalf() {
        var c = Canvas(size: Size(width: 4, height: 1))
        c.write("河内", x: 0, y: 0, role: .text)
        c.write("a", x: 1, y: 0, role: .text)  // writes over the right half of 河
        #expect(c.line(0) == " a内")
        #expect(c[0, 0].width == 1)
    }

    @Test func controlCharactersFromDataAreShownInert() {
        var c = Canvas(size: Size(width: 30, height: 1))
        c.write("a\u{1B}[31mb\u{07}\u{9B}c\u{202E}d", x: 0, y: 0, role: .text)
        let line = c.line(0)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) || $0.value == 0x202E })
        #expect(line.hasPrefix("a␛[31mb␇\u{FFFD}c\u{FFFD}d"))
    }

    @Test func asciiModeFoldsDiacriticsAndFrames() {
        var c = Canvas(size: Size(width: 12, height: 3), ascii: true)
        c.box(Rect(x: 0, y: 0, width: 12, height: 3), role: .border)
        c.write("Đồng Văn", x: 1, y: 1, role: .text)
        #expect(c.line(0) == "+----------+")
        #expect(c.line(1) == "|Dong Van  |")
    }

    @Test func diffReportsOnlyChangedCells() {
        var a = Canvas(size: Size(width: 10, height: 2))
        a.write("09:00", x: 5, y: 0, role: .header)
        var b = a
        b.write("09:01", x: 5, y: 0, role: .header)
        #expect(b.changes(from: a).map(\.x) == [9])
        #expect(a.changes(from: a).isEmpty)
        #expect(a.changes(from: nil).count == 20)
        // A wide glyph is sent as a whole, once.
        var w = a
        w.write("河", x: 0, y: 1, role: .text)
        #expect(w.changes(from: a).map { [$0.x, $0.y] } == [[0, 1]])
    }

    @Test func textDumpQuotesRowsAndListsStyleRuns() {
        var c = Canvas(size: Size(width: 6, height: 1))
        c.write("ab", x: 1, y: 0, role: .title)
        #expect(c.textDump() == "\" ab   \"\n--- styles (column role)\n0: 0 background, 1 title, 3 background\n")
    }
}
