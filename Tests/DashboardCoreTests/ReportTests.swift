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
        #expect(Report(snapshot: snap, period: q2, language: .vi).rendered(as: .text, width: 400).components(separatedBy: "Mã   Đơn vị").count == 2)
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

    @Test func aPeriodWithoutDataSaysSo() {
        let r = Report(snapshot: snap, period: .quarter(year: 2025, quarter: 1), language: .vi)
        #expect(!r.hasData)
        #expect(r.rendered(as: .text).contains("KHÔNG CÓ SỐ LIỆU"))
        #expect(r.rendered(as: .json).contains("\"has_data\" : false"))
    }
}
