import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotImport

/// Units by name against the Tuyên Quang catalogue, and the period of a report.
@Suite struct UnitsAndPeriodTests {
    static func tuyenQuangUnits() -> [UnitMatcher.Entry] {
        let data = FileManager.default.contents(atPath: Fixtures.repositoryRoot() + "/SampleData/tuyen-quang/units.json")!
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        let communes = (json["province"] as! [String: Any])["communes"] as! [[String: Any]]
        return communes.map { UnitMatcher.Entry(code: $0["code"] as! String, name: $0["name"] as! String) }
    }

    let matcher = UnitMatcher(units: tuyenQuangUnits())

    func code(_ name: String) -> String? {
        if case .matched(let e, _) = matcher.match(name: name) { return e.code }
        return nil
    }

    @Test func everySpellingOfTheSheetFindsItsCommune() throws {
        let units = Self.tuyenQuangUnits()
        let wb = try Workbook.read(LayoutTests.oneStopFile)
        let match = try LayoutCatalog.shipped().detect(in: wb.sheets).get()
        let reading = try SheetReading.read(wb.sheets[0], match, file: "f.xlsx")
        var codes: [String] = [], agencies = 0, fuzzy = 0
        for row in reading.units {
            switch matcher.match(name: row.name) {
            case .matched(let e, let exact): codes.append(e.code); if !exact { fuzzy += 1 }
            case .agency: agencies += 1
            case let other: Issue.record("\(row.name): \(other)")
            }
        }
        #expect(agencies == 3)
        #expect(codes == units.map(\.code), "every commune once, in the sheet's order")
        #expect(fuzzy > 60 && fuzzy < 124, "most rows are written otherwise than the catalogue: \(fuzzy)")
    }

    @Test func spellings() {
        let thanhThuy = code("Xã Thanh Thủy")
        #expect(thanhThuy != nil)
        for s in ["Xã Thanh Thuỷ", "XÃ THANH THỦY", "thanh thuỷ", "UBND xã Thanh Thủy", "  Xã   Thanh\nThủy ", "X. Thanh Thủy",
                  "Xã Thanh Thủy".decomposedStringWithCanonicalMapping, "Ủy ban nhân dân xã Thanh Thuỷ"] {
            #expect(code(s) == thanhThuy, "\(s)")
        }
        #expect(code("Thuận Hoà") == code("Xã Thuận Hòa"))
        #expect(code("P. Hà Giang 1") == code("Phường Hà Giang 1"))
        #expect(code("Thanh Thúy") == nil, "a different tone is a different name")
    }

    @Test func anUnknownNameGivesTheNearestAndAnAmbiguousOneItsCandidates() {
        guard case .unknown(let nearest) = matcher.match(name: "Xã Thanh Thuỵ") else { Issue.record("matched"); return }
        #expect(nearest.first?.name == "Xã Thanh Thủy")
        #expect(nearest.count == 3)
        let two = UnitMatcher(units: [.init(code: "00001", name: "Xã Tân An"), .init(code: "00002", name: "Phường Tân An")])
        #expect(two.match(name: "Tân An") == .ambiguous([.init(code: "00001", name: "Xã Tân An"), .init(code: "00002", name: "Phường Tân An")]))
        if case .matched(let e, _) = two.match(name: "phường Tân An") { #expect(e.code == "00002") } else { Issue.record("no match") }
        #expect(two.match(name: "x", code: "00001") == .matched(.init(code: "00001", name: "Xã Tân An"), exact: true))
        #expect(matcher.match(name: "Sở Tư pháp") == .agency)
    }

    @Test func periodsFromTitlesFileNamesAndTheOption() {
        #expect(ReportPeriod.fromTitle("Từ ngày 01/11/2026 đến ngày 30/11/2026") == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(ReportPeriod.fromTitle("(Từ ngày 01/09/2026 đến ngày 30/11/2026)") == ReportPeriod(first: "2026-09", last: "2026-11"))
        #expect(ReportPeriod.fromTitle("BÁO CÁO THÁNG 11/2026") == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(ReportPeriod.fromTitle("Tháng 6 năm 2024") == ReportPeriod(first: "2024-06", last: "2024-06"))
        #expect(ReportPeriod.fromTitle("Quý IV/2026") == ReportPeriod(first: "2026-10", last: "2026-12"))
        #expect(ReportPeriod.fromTitle("QUÝ II NĂM 2024") == ReportPeriod(first: "2024-04", last: "2024-06"))
        #expect(ReportPeriod.fromTitle("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG") == nil)
        #expect(ReportPeriod.fromTitle("Tháng 13/2026") == nil)
        #expect(ReportPeriod.fromFileName("thong-ke-mot-cua-2026-11.xlsx") == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(ReportPeriod.fromFileName("bao-cao-thang-11-2026.xlsx") == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(ReportPeriod.fromFileName("bieu06_2026_Q4.xlsx") == ReportPeriod(first: "2026-10", last: "2026-12"))
        #expect(ReportPeriod.fromFileName("bieu-06-quy-4-2026.xlsx") == ReportPeriod(first: "2026-10", last: "2026-12"), "not April: the 4 is the quarter's")
        #expect(ReportPeriod.fromFileName("bao-cao.xlsx") == nil)
        #expect(ReportPeriod(option: "2026-11") == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(ReportPeriod(option: "2026-Q4") == ReportPeriod(first: "2026-10", last: "2026-12"))
        #expect(ReportPeriod(option: "2026-09..2026-11") == ReportPeriod(first: "2026-09", last: "2026-11"))
        #expect(ReportPeriod(option: "2026-13") == nil)
        #expect(ReportPeriod(option: "11/2026") == nil)
    }
}
