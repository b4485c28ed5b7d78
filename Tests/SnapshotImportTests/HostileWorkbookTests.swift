import Foundation
import Testing
import DashboardTestSupport
@testable import SnapshotImport

/// Hostile and broken workbooks: each is refused with an error naming the file (and the sheet
/// and cell where there is one), within the stated bounds of `WorkbookLimits`, never a crash.
@Suite struct HostileWorkbookTests {
    let workbook = { (rows: String) in PackageMaker.make(sheets: [("Thống kê", PackageMaker.sheetXML(rows))]) }

    func refusal(_ url: URL, limits: WorkbookLimits = .standard) -> String {
        do {
            _ = try Workbook.read(url, limits: limits)
            return "read without error"
        } catch {
            return error.description
        }
    }

    static let smallParts: [(String, Data)] = [
        ("xl/workbook.xml", Data(PackageMaker.workbookXML(sheets: ["S"]).utf8)),
        ("xl/_rels/workbook.xml.rels", Data(PackageMaker.rels(sheets: 1).utf8)),
    ]

    @Test func aZipBombIsRefusedByItsDeclaredSize() {
        // 128 MiB of one repeated cell, about 130 KB deflated.
        let url = PackageMaker.writeLarge(path: "xl/worksheets/sheet1.xml", count: 128 << 20, unit: "<!---->",
                                          head: "<worksheet><sheetData>", tail: "</sheetData></worksheet>", before: Self.smallParts)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        #expect(size < 2 << 20)
        let message = refusal(url)
        #expect(message.contains("large.xlsx: part xl/worksheets/sheet1.xml declares 134217774 bytes uncompressed, over the bound of 67108864 bytes"), "\(message)")
    }

    @Test func aZipBombLyingAboutItsSizeStopsAtTheBound() throws {
        let url = PackageMaker.writeLarge(path: "xl/worksheets/sheet1.xml", count: 128 << 20, unit: "<!---->",
                                          head: "<worksheet><sheetData>", tail: "</sheetData></worksheet>", before: Self.smallParts)
        try Self.declareSize(1000, of: "xl/worksheets/sheet1.xml", in: url)
        let started = Date()
        let message = refusal(url)
        #expect(message.contains("part xl/worksheets/sheet1.xml unpacks to more than 67108864 bytes"), "\(message)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// Rewrites the uncompressed size a ZIP's local and central headers declare for `path`.
    static func declareSize(_ size: UInt32, of path: String, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array(path.utf8)
        func le32(_ i: Int) -> UInt32 { UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24 }
        func put(_ i: Int) { for k in 0..<4 { bytes[i + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0, patched = 0
        while i + 46 < bytes.count {
            let sig = le32(i)
            if sig == 0x0403_4B50, Array(bytes[(i + 30)..<min(bytes.count, i + 30 + name.count)]) == name { put(i + 22); patched += 1 }
            if sig == 0x0201_4B50, Array(bytes[(i + 46)..<min(bytes.count, i + 46 + name.count)]) == name { put(i + 24); patched += 1 }
            i += 1
        }
        #expect(patched == 2)
        try Data(bytes).write(to: url)
    }

    @Test func aSharedStringsTableDeclaringABillionStringsIsRefusedBeforeReadingThem() {
        let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1000000000\" uniqueCount=\"1000000000\"><si><t>a</t></si></sst>"
        let url = PackageMaker.make(sheets: [("S", PackageMaker.sheetXML(""))], shared: shared)
        #expect(refusal(url) == "made.xlsx: the shared-strings table declares 1000000000 strings, over the bound of 500000: refused before reading them")
    }

    @Test func aSharedStringsTableHoldingMoreThanTheBoundIsRefused() {
        var limits = WorkbookLimits()
        limits.maxSharedStrings = 10
        let shared = "<sst>" + String(repeating: "<si><t>x</t></si>", count: 11) + "</sst>"
        let url = PackageMaker.make(sheets: [("S", PackageMaker.sheetXML(""))], shared: shared)
        #expect(refusal(url, limits: limits) == "made.xlsx: the shared-strings table holds more than 10 strings, the bound: refused")
    }

    @Test func aSharedStringIndexOutsideTheTableIsAnErrorAtItsCell() {
        let url = PackageMaker.make(sheets: [("Thống kê", PackageMaker.sheetXML("<row r=\"37\"><c r=\"B37\" t=\"s\"><v>5</v></c></row>"))],
                                    shared: "<sst><si><t>a</t></si></sst>")
        #expect(refusal(url) == "made.xlsx: Thống kê!B37: points at shared string 5, which the table (1 strings) does not hold")
    }

    @Test func brokenXMLIsRefusedAtItsLineAndColumn() {
        let message = refusal(workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c>\n<row r=\"2\"><c r=\"A2\"><v>2</c></row>"))
        #expect(message.hasPrefix("made.xlsx: part xl/worksheets/sheet1.xml is broken XML at line 2"), "\(message)")
        #expect(message.hasSuffix("the file is damaged"))
    }

    @Test func aPartCutShortIsBrokenXML() {
        let url = PackageMaker.make(sheets: [("S", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>")])
        let message = refusal(url)
        #expect(message.hasPrefix("made.xlsx: part xl/worksheets/sheet1.xml is broken XML"), "\(message)")
    }

    @Test func anEntityDeclarationIsRefusedBeforeParsing() {
        let lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
        let url = PackageMaker.make(sheets: [("S", lol)])
        #expect(refusal(url) == "made.xlsx: part xl/worksheets/sheet1.xml holds a document type declaration, which no workbook part has: refused")
    }

    @Test func cellReferencesOutOfRangeAreRefused() {
        #expect(refusal(workbook("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"))
                == "made.xlsx: Thống kê: cell reference \"XFE1\" is out of range (A1 … XFD1048576) or malformed")
        #expect(refusal(workbook("<row r=\"1048577\"><c><v>1</v></c></row>"))
                == "made.xlsx: Thống kê: row number \"1048577\" is out of range (1 … 1048576)")
        #expect(refusal(workbook("<row r=\"3\"><c r=\"B4\"><v>1</v></c></row>")) == "made.xlsx: Thống kê!B4: cell reference B4 lies outside its row 3")
        #expect(refusal(PackageMaker.make(sheets: [("S", PackageMaker.sheetXML("", merges: "<mergeCells><mergeCell ref=\"A1:ZZZZ9\"/></mergeCells>"))]))
                == "made.xlsx: S: merged range \"A1:ZZZZ9\" is out of range or malformed")
    }

    @Test func aSheetOf16384ColumnsIsRefusedAtTheColumnBound() {
        let cells = (1...16_384).map { "<c r=\"\(CellRef.columnName($0))1\"><v>\($0)</v></c>" }.joined()
        #expect(refusal(workbook("<row r=\"1\">\(cells)</row>"))
                == "made.xlsx: Thống kê!AMK1: more than 1024 columns, the bound of a sheet: not a report")
    }

    @Test func aMillionRowSheetIsRefusedAtTheRowBoundQuickly() {
        let url = PackageMaker.writeLarge(path: "xl/worksheets/sheet1.xml", count: 1_000_000 * 16, unit: "<row><c><v>1</v></c></row>".padding(toLength: 16, withPad: " ", startingAt: 0),
                                          head: "<worksheet><sheetData>", tail: "</sheetData></worksheet>", before: Self.smallParts)
        let started = Date()
        let message = refusal(url)
        #expect(message.contains("more than 100000 rows (row 100001), the bound of a sheet"), "\(message)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func legacyAndEncryptedWorkbooksAreNamedAndToldWhatToDo() {
        let dir = Fixtures.temporaryDirectory("cdsboard-ole")
        var xls = Data(FileSignature.ole2) + Data(count: 1024)
        xls.append(Data("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try? xls.write(to: URL(fileURLWithPath: dir + "/bao-cao.xls"))
        var enc = Data(FileSignature.ole2) + Data(count: 1024)
        enc.append(Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try? enc.write(to: URL(fileURLWithPath: dir + "/mat-khau.xlsx"))
        Fixtures.write("STT,Đơn vị\n", to: dir + "/csv-named.xlsx")
        Fixtures.write("PK\u{3}\u{4}cut short", to: dir + "/cut.xlsx")
        #expect(refusal(URL(fileURLWithPath: dir + "/bao-cao.xls")).hasPrefix("bao-cao.xls: an Excel 97–2003 workbook (.xls, BIFF), which is not read: open it in Excel or LibreOffice and save it as .xlsx"))
        #expect(refusal(URL(fileURLWithPath: dir + "/mat-khau.xlsx")).hasPrefix("mat-khau.xlsx: a password-protected workbook, which cannot be read"))
        #expect(refusal(URL(fileURLWithPath: dir + "/csv-named.xlsx")).hasPrefix("csv-named.xlsx: not an .xlsx workbook (it does not start as a ZIP archive)"))
        #expect(refusal(URL(fileURLWithPath: dir + "/cut.xlsx")).hasPrefix("cut.xlsx: not a readable .xlsx workbook"))
        #expect(refusal(URL(fileURLWithPath: dir + "/missing.xlsx")) == "missing.xlsx: cannot be read (missing, or no permission)")
    }

    @Test func aZipWithoutWorkbookPartIsNotAWorkbook() {
        let url = PackageMaker.write([("content.xml", Data("<office:document/>".utf8))], name: "bang.xlsx")
        #expect(refusal(url).hasPrefix("bang.xlsx: is a ZIP archive without xl/workbook.xml"))
    }
}
