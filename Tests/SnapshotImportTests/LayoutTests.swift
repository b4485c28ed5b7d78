import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotImport

/// Layouts as data: the shipped TOML parses, a layout is found from the headers of a sheet made
/// by LibreOffice, and the rows are read (units, total, skipped rows with their reasons).
@Suite struct LayoutTests {
    static let oneStopFile = URL(fileURLWithPath: PackageMaker.fixtures + "/thong-ke-mot-cua-2026-11.xlsx")

    @Test func shippedLayoutsParse() {
        let c = LayoutCatalog.shipped()
        #expect(c.layouts.map(\.id) == ["mot-cua", "bieu-06", "du-lich", "man-hinh", "chi-so-766"])
        #expect(c.layouts[0].fields.count == 18)
    }

    @Test func theOneStopReportIsFoundFromItsHeadersAndReadColumnByColumn() throws {
        let wb = try Workbook.read(Self.oneStopFile)
        let match = try LayoutCatalog.shipped().detect(in: wb.sheets).get()
        #expect(match.layout.id == "mot-cua")
        #expect(match.sheetName == "Thống kê")
        #expect(match.headerRows == 5...6)
        #expect(match.numbersRow == 7)
        #expect(match.firstDataRow == 8)
        #expect(match.unitColumn == 2)
        // Columns (3)…(20) in the order of the domain brief.
        #expect(match.columns.map(\.column) == Array(3...20))
        #expect(match.columns.first { $0.field == "supplement" }?.header == "tam dung bo sung dieu kien", "a line break inside a header cell")
        #expect(match.columns.first { $0.field == "pending_overdue" }?.header == "dang giai quyet / qua han")

        let reading = try SheetReading.read(wb.sheets[0], match, file: "thong-ke.xlsx")
        #expect(reading.units.count == 3 + 124)
        #expect(reading.skipped.map(\.reason) == ["column numbers", "group heading (no figures)", "group heading (no figures)"])
        #expect(reading.skipped.map(\.text).dropFirst() == ["CẤP TỈNH (SỞ, BAN, NGÀNH)", "CẤP XÃ"])
        let total = try #require(reading.total)
        #expect(total.name == "Tổng cộng")
        for field in ["received", "resolved", "pending", "withdrawn"] {
            #expect(total.figures[field] == reading.units.reduce(0) { $0 + ($1.figures[field] ?? 0) }, "LibreOffice's cached SUM")
        }
        let first = reading.units[0]
        #expect(first.name == "Sở Tư pháp")
        #expect(first.figures["handled"] == (first.figures["carried_over"] ?? -1) + (first.figures["received"] ?? -1))
    }

    @Test func aSheetNoLayoutFitsSaysWhyForEachLayout() throws {
        let wb = try Workbook.read(URL(fileURLWithPath: PackageMaker.fixtures + "/cells.xlsx"))
        guard case .failure(let misses) = LayoutCatalog.shipped().detect(in: wb.sheets) else { Issue.record("fitted"); return }
        #expect(misses.all.count == 2 * LayoutCatalog.shipped().layouts.count, "every layout on both sheets")
        #expect(misses.all[0].description.hasPrefix("layout mot-cua does not fit sheet Ô: no unit-name header (\"Đơn vị\""))
    }

    @Test func aVendorsWordingIsAnAliasAndAMissingColumnIsNamed() throws {
        let rows: [[String]] = [
            ["STT", "Tên đơn vị", "Tiếp nhận", "", "Nhận trong kỳ", "", "", "Đã giải quyết", "", "", "", "Đang giải quyết", "", ""],
            ["", "", "Tổng số", "Kỳ trước", "Tổng số", "Trực tiếp", "Trực tuyến", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"],
            ["1", "Xã Minh Quang", "10", "2", "8", "3", "5", "7", "4", "2", "1", "3", "3", "—"],
        ]
        var cells: [CellRef: CellValue] = [:]
        for (r, row) in rows.enumerated() { for (c, t) in row.enumerated() where !t.isEmpty { cells[CellRef(row: r + 1, column: c + 1)] = .text(t) } }
        let merges = [CellRange(Substring("C1:D1"))!, CellRange(Substring("E1:G1"))!, CellRange(Substring("H1:K1"))!, CellRange(Substring("L1:N1"))!,
                      CellRange(Substring("A1:A2"))!, CellRange(Substring("B1:B2"))!]
        let sheet = Sheet(name: "S", cells: cells, merges: merges)
        let layout = LayoutCatalog.shipped().layouts[0]
        let match = try LayoutMatch.fit(layout, to: sheet).get()
        let reading = try SheetReading.read(sheet, match, file: "f.csv")
        #expect(reading.units.count == 1)
        #expect(reading.units[0].figures["carried_over"] == 2)
        #expect(reading.units[0].figures["received_direct"] == 3)
        #expect(reading.units[0].figures["pending_overdue"] == nil, "— is not reported, not 0")
        var narrower = sheet
        narrower.cells = narrower.cells.filter { $0.key.column != 7 }
        guard case .failure(let miss) = LayoutMatch.fit(layout, to: narrower) else { Issue.record("fitted"); return }
        #expect(miss.description == "layout mot-cua does not fit sheet S: no column for received_online")
    }

    @Test func figuresThatAreNotCountsAreRefusedAtTheirCell() {
        func refusal(_ v: CellValue) -> String {
            do { _ = try SheetReading.figure(v, field: "received", at: "Thống kê!E12", file: "f.xlsx"); return "read" } catch { return "\(error)" }
        }
        #expect(refusal(.formulaWithoutValue("SUM(E8:E11)")).hasPrefix("f.xlsx: Thống kê!E12: a formula (=SUM(E8:E11)) saved without its value"))
        #expect(refusal(.number(2.5)) == "f.xlsx: Thống kê!E12: 2.5 is not a whole count of 0 … 1.000.000.000 (received)")
        #expect(refusal(.text("12 hồ sơ")) == "f.xlsx: Thống kê!E12: \"12 hồ sơ\" is not a number (received)")
        #expect(refusal(.error("#REF!")) == "f.xlsx: Thống kê!E12: an error value #REF! where received should be: correct the sheet")
        #expect(refusal(.text("1.234")) == "read")
    }

    @Test func aUserLayoutIsCheckedWhenRead() {
        func refusal(_ toml: String) -> String {
            do { _ = try Layout.parse(toml, source: "my.toml"); return "read" } catch { return "\(error)" }
        }
        #expect(refusal("id = \"x\"\nname = \"x\"\ncarries = \"bts\"\nunit = \"Đơn vị\"\n[fields]\nreceived = \"Nhận\"\n").hasPrefix("my.toml: `carries = \"bts\"` is not a kind cdsboard imports"))
        #expect(refusal("id = \"x\"\nname = \"x\"\ncarries = \"dossier_totals\"\nunit = \"Đơn vị\"\n[fields]\nrecieved = \"Nhận\"\n").hasPrefix("my.toml: field `recieved` is not one of dossier_totals's"))
        #expect(refusal("id = \"x\"\nname = [\n").hasPrefix("my.toml: line"))
        #expect(refusal("id = \"x\"\nname = \"x\"\ncarries = \"dossier_totals\"\nunit = \"Đơn vị\"\n[fields]\nreceived = \"Nhận\"\n") == "read")
    }

    @Test func aUserLayoutReplacesTheShippedOneOfTheSameIdAndAddsOthers() throws {
        let home = Fixtures.temporaryDirectory("cdsboard-layouts")
        try FileManager.default.createDirectory(atPath: home + "/cdsboard/layouts", withIntermediateDirectories: true)
        let mine = "id = \"mot-cua\"\nname = \"Của tỉnh\"\ncarries = \"dossier_totals\"\nunit = \"Tên xã\"\n[fields]\nreceived = \"Tiếp nhận mới\"\n"
        Fixtures.write(mine, to: home + "/cdsboard/layouts/mot-cua.toml")
        Fixtures.write(mine.replacingOccurrences(of: "mot-cua", with: "rieng"), to: home + "/cdsboard/layouts/rieng.toml")
        Fixtures.write("not a layout", to: home + "/cdsboard/layouts/notes.txt")
        let c = try LayoutCatalog.load(environment: ["XDG_CONFIG_HOME": home])
        #expect(c.layouts.map(\.id) == ["mot-cua", "bieu-06", "du-lich", "man-hinh", "chi-so-766", "rieng"])
        #expect(c.layouts[0].name == "Của tỉnh" && c.layouts[0].source.hasSuffix("/layouts/mot-cua.toml"))
        let only = try LayoutCatalog.load(environment: [:], layoutFile: home + "/cdsboard/layouts/rieng.toml")
        #expect(only.layouts.map(\.id) == ["rieng"])
        Fixtures.write("id = [", to: home + "/cdsboard/layouts/broken.toml")
        #expect(throws: ImportError.self) { try LayoutCatalog.load(environment: ["XDG_CONFIG_HOME": home]) }
    }

    @Test func theSheetOptionChoosesAmongSheets() throws {
        let catalogue = UnitsAndPeriodTests.tuyenQuangUnits()
        #expect(throws: ImportPlan.Refusal.self) {
            try ImportPlan.make(Self.oneStopFile, catalogue: catalogue, layouts: .shipped(), sheet: "Ghi chú")
        }
        do {
            _ = try ImportPlan.make(Self.oneStopFile, catalogue: catalogue, layouts: .shipped(), sheet: "Không có")
        } catch {
            #expect(error.description == "thong-ke-mot-cua-2026-11.xlsx: has no sheet \"Không có\" (its sheets: Thống kê, Ghi chú)")
        }
        #expect(try ImportPlan.make(Self.oneStopFile, catalogue: catalogue, layouts: .shipped(), sheet: "thống kê").units.count == 124)
    }
}
