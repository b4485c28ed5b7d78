import Foundation
import Testing
@testable import SnapshotImport

/// The .xlsx reader on a workbook LibreOffice wrote (`Fixtures/cells.xlsx`, made by
/// `make_fixtures.py`) and on hand-made packages for what LibreOffice never writes.
@Suite struct WorkbookReaderTests {
    let cells = URL(fileURLWithPath: PackageMaker.fixtures + "/cells.xlsx")

    @Test func readsEveryKindOfCellLibreOfficeWrites() throws {
        let wb = try Workbook.read(cells)
        #expect(wb.sheets.map(\.name) == ["Ô", "Trang 2"])
        let s = wb.sheets[0]
        #expect(s[1, 1] == .text("Văn bản"))
        #expect(s[2, 1] == .text("Thuỷ"))
        #expect(s[3, 1] == .text("Hoá".decomposedStringWithCanonicalMapping))  // as the sheet holds it: NFD
        #expect(s[2, 2] == .number(1234.5))
        #expect(s[3, 2] == .number(-7))
        #expect(s[2, 3] == .date(SheetDate(year: 2026, month: 11, day: 30)))
        #expect(s[3, 3] == .date(SheetDate(year: 2024, month: 2, day: 29)))
        #expect(s[2, 5] == .number(2469), "a formula's cached value")
        #expect(s[3, 5] == .text("Thuỷ!"), "a string formula's cached value")
        #expect(s[5, 1] == .text("87,3%"))
        #expect(s[5, 2] == .text("1.234"))
        #expect(s.merges == [CellRange(Substring("A4:C4"))!])
        #expect(s.shown(row: 4, column: 3) == .text("Gộp ba ô"), "a merged range shows its value over its cells")
        #expect(s[4, 3] == nil)
        #expect(wb.sheets[1][2, 1] == .number(2))
        #expect(wb.sheet(named: "trang 2")?.name == "Trang 2")
    }

    @Test func readsInlineStringsBooleansErrorsAndUncachedFormulas() throws {
        let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>Xã </t></is></c><c r="B1" t="inlineStr"><is><r><t>Thanh </t></r><r><t>Thủy</t></r><rPh><t>ignored</t></rPh></is></c></row>
        <row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><f>SUM(A1:A2)</f></c></row>
        <row><c><v>5</v></c><c><v>6</v></c></row>
        """
        let url = PackageMaker.make(sheets: [("S", PackageMaker.sheetXML(rows))])
        let s = try Workbook.read(url).sheets[0]
        #expect(s[1, 1] == .text("Xã "))
        #expect(s[1, 2] == .text("Thanh Thủy"), "runs joined, the phonetic run left out")
        #expect(s[2, 1] == .bool(true))
        #expect(s[2, 2] == .bool(false))
        #expect(s[2, 3] == .error("#DIV/0!"))
        #expect(s[2, 4] == .formulaWithoutValue("SUM(A1:A2)"))
        #expect(s[3, 1] == .number(5) && s[3, 2] == .number(6), "rows and cells without r follow the previous")
    }

    static let dateStyles = """
    <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>
    """

    @Test func serialDatesIn1900And1904Systems() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>46356</v></c><c r=\"B1\" s=\"2\"><v>61</v></c><c r=\"C1\" s=\"0\"><v>46356</v></c><c r=\"D1\" s=\"1\"><v>59.5</v></c></row>"
        let s1900 = try Workbook.read(PackageMaker.make(sheets: [("S", PackageMaker.sheetXML(rows))], styles: Self.dateStyles)).sheets[0]
        #expect(s1900[1, 1] == .date(SheetDate(year: 2026, month: 11, day: 30)))
        #expect(s1900[1, 2] == .date(SheetDate(year: 1900, month: 3, day: 1)))
        #expect(s1900[1, 3] == .number(46356), "the same serial without a date format stays a number")
        #expect(s1900[1, 4] == .date(SheetDate(year: 1900, month: 2, day: 28, seconds: 43_200)))
        let wb1904 = try Workbook.read(PackageMaker.make(sheets: [("S", PackageMaker.sheetXML(rows))], styles: Self.dateStyles, date1904: true))
        #expect(wb1904.date1904)
        #expect(wb1904.sheets[0][1, 1] == .date(SheetDate(year: 2030, month: 12, day: 1)), "1904 system: 1462 days later")
        #expect(SheetDate(serial: 0, date1904: true) == SheetDate(year: 1904, month: 1, day: 1))
        #expect(SheetDate(serial: 60, date1904: false) == nil, "Lotus' 29 February 1900 is no date")
    }

    @Test func sharedStringsWithRichRunsAndSeveralSheetsInOrder() throws {
        let shared = """
        <?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">\
        <si><t>Tổng cộng</t></si><si><r><t>Phường </t></r><r><rPr><b/></rPr><t>Minh Xuân</t></r></si></sst>
        """
        let url = PackageMaker.make(sheets: [("Một", PackageMaker.sheetXML("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>1</v></c></row>")),
                                             ("Hai", PackageMaker.sheetXML("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))],
                                    shared: shared)
        let wb = try Workbook.read(url)
        #expect(wb.sheets.map(\.name) == ["Một", "Hai"])
        #expect(wb.sheets[0][3, 3] == .text("Phường Minh Xuân"))
        #expect(wb.sheets[1][1, 1] == .text("Tổng cộng"))
        #expect(wb.sheets[0].rowCount == 3 && wb.sheets[0].columnCount == 3)
    }

    @Test func cellReferences() {
        #expect(CellRef(Substring("XFD1048576")) == CellRef(row: 1_048_576, column: 16_384))
        #expect(CellRef(Substring("XFE1")) == nil)
        #expect(CellRef(Substring("A1048577")) == nil)
        #expect(CellRef(Substring("$B$37"))?.description == "B37")
        #expect(CellRef(Substring("A0")) == nil)
        #expect(CellRef(Substring("1A")) == nil)
        #expect(CellRef.columnName(28) == "AB")
    }
}
