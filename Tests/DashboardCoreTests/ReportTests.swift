import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The report for the minutes: fits the page, exact money, fields for machines, stale flagged.
@Suite struct ReportTests {
    let snap = SampleState.snapshot
    let q2 = Period.quarter(year: 2024, quarter: 2)

    @Test(arguments: [80, 100, 160])
    func textFitsTheWidthAndPutsTheRestBelow(width: Int) {
        let text = Report(snapshot: snap, period: q2, language: .vi).rendered(as: .text, width: width)
        for line in text.split(separator: "\n") where !line.hasPrefix("Tỉnh") && !line.hasPrefix("Dữ liệu") && !line.hasPrefix("so kỳ") {
            #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
        }
        // Every column is somewhere, each table starting with the code and the unit.
        for title in ["Tiếp nhận", "Thôn trắng sóng", "Doanh thu (triệu đồng)"] { #expect(text.contains(title)) }
        #expect(text.components(separatedBy: "Mã   Đơn vị").count - 1 >= 2)
        #expect(Report(snapshot: snap, period: q2, language: .vi).rendered(as: .text, width: 1000).components(separatedBy: "Mã   Đơn vị").count == 2)
    }

    @Test func revenueIsExactAndTheArticleFiguresHold() {
        let r = Report(snapshot: snap, period: q2, language: .vi)
        let text = r.rendered(as: .text, width: 400)
        #expect(text.contains("143.218") && text.contains("87,3%") && text.contains("2.942") && text.contains("98,89%"))
        #expect(text.contains("1.676.696"))
    }

    @Test func csvOpensInExcelWithVietnameseIntact() {
        let csv = Report(snapshot: snap, period: q2, language: .vi).rendered(as: .csv)
        #expect(csv.hasPrefix("\u{FEFF}code,unit,"))
        #expect(csv.contains("Huyện Hoàng Su Phì"))
    }

    @Test func jsonCarriesThePeriodAndTheDataTimeAsFields() throws {
        let json = Report(snapshot: snap, period: .year(2024), language: .en).rendered(as: .json)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let p = try #require(o["period"] as? [String: Any])
        #expect(p["partial"] as? Bool == true && p["last_month"] as? String == "2024-06" && p["name"] as? String == "Jan–Jun 2024")
        #expect(o["data_time"] as? String == "2024-07-05T01:00:00Z" && o["data_to"] as? String == "2024-06-30")
        #expect(o["has_data"] as? Bool == true)
    }

    @Test func aStaleSnapshotIsFlaggedInEveryFormat() {
        let later = snap.manifest.generatedAt.addingTimeInterval(100 * 86400)
        let r = Report(snapshot: snap, period: q2, language: .vi, now: later)
        #expect(r.staleDays == 100)
        for format in [Report.Format.text, .markdown] { #expect(r.rendered(as: format).contains("DỮ LIỆU CŨ: 100 ngày")) }
        #expect(r.rendered(as: .json).contains("\"stale_days\" : 100"))
        let fresh = Report(snapshot: snap, period: q2, language: .vi, now: snap.manifest.generatedAt)
        #expect(fresh.staleDays == nil && !fresh.rendered(as: .text).contains("DỮ LIỆU CŨ"))
    }

    /// 2022: no dossiers, but the sample's 2.258.400 visitors: a period has data when any panel
    /// holds figures for it (stocks known only as of the export do not count).
    @Test func aPeriodWithTourismOnlyHasData() throws {
        let r = Report(snapshot: snap, period: .year(2022), language: .vi)
        #expect(r.hasData)
        #expect(!r.rendered(as: .text).contains("KHÔNG CÓ SỐ LIỆU"))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.rendered(as: .json).utf8)) as? [String: Any])
        let province = try #require((o["units"] as? [[String: Any]])?.first)
        #expect(o["has_data"] as? Bool == true && province["visitors"] as? Int == 2_258_400 && province["received"] is NSNull)
        // 2021: nothing but stocks (sites by commissioning date, villages, products) — no data.
        #expect(!Report(snapshot: snap, period: .year(2021), language: .vi).hasData)
        #expect(!Report(snapshot: snap, period: .year(2022), language: .vi, form: .form06).hasData)
    }

    @Test func aPeriodWithoutDataSaysSo() {
        let r = Report(snapshot: snap, period: .quarter(year: 2025, quarter: 1), language: .vi)
        #expect(!r.hasData)
        #expect(r.rendered(as: .text).contains("KHÔNG CÓ SỐ LIỆU"))
        #expect(r.rendered(as: .json).contains("\"has_data\" : false"))
    }

    /// `report --form 06`: the form's columns in its order and wording, in every format.
    @Test(arguments: Report.Format.allCases)
    func form06MatchesItsGolden(_ format: Report.Format) {
        let r = Report(snapshot: snap, period: q2, language: .vi, form: .form06, now: snap.manifest.generatedAt)
        let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"][format.rawValue]!
        let path = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Reports/form06-2024-Q2-vi.\(ext)"
        let problem = Golden.compare(r.rendered(as: format, width: 100), to: path)
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }

    @Test func form06BalancesAndKeepsTheArticleFigures() throws {
        let r = Report(snapshot: snap, period: q2, language: .vi, form: .form06)
        let keys = r.columns.map(\.key)
        #expect(keys == ["code", "unit", "received_total", "received_online", "received_direct_postal", "carried_over",
                         "resolved_total", "resolved_before_due", "resolved_on_due", "resolved_overdue", "in_progress_total",
                         "in_progress_within_due", "in_progress_overdue", "awaiting_supplement", "returned", "withdrawn"])
        for row in r.rawRows {
            let v = row.dropFirst(2).map { Int($0)! }
            #expect(v[0] == v[1] + v[2] + v[3])                       // received = in period + carried over
            #expect(v[4] == v[5] + v[6] + v[7] && v[8] == v[9] + v[10])
            #expect(v[0] == v[4] + v[8] + v[12] + v[13])              // = resolved + in progress + returned + withdrawn
        }
        #expect(r.rawRows[0][3] == "125029" && Int(r.rawRows[0][3])! + Int(r.rawRows[0][4])! == 143_218)
        #expect(r.rendered(as: .csv).hasPrefix("\u{FEFF}code,unit,received_total"))
    }
}
