import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// A minutes-ready report (issue 30): Markdown in tables that paste, CSV and JSON that say what
/// they are, and the last complete quarter by name.
@Suite struct MinutesReportTests {
    let q4 = Period.quarter(year: 2026, quarter: 4)

    /// The tables of a Markdown report: (heading above it or "", header cells, row count).
    func tables(_ md: String) -> [(heading: String, header: [String], rows: Int)] {
        var out: [(String, [String], Int)] = []
        var heading = ""
        var inTable = false
        for line in md.components(separatedBy: "\n") {
            if line.hasPrefix("### ") { heading = String(line.dropFirst(4)) }
            guard line.hasPrefix("| ") else { inTable = false; continue }
            if line.hasPrefix("| ---") { continue }
            if !inTable {
                out.append((heading, line.dropFirst(2).dropLast(2).components(separatedBy: " | "), 0))
                inTable = true
            } else {
                out[out.count - 1].2 += 1
            }
        }
        return out
    }

    @Test(arguments: [80, 100, 160])
    func markdownGivesEachPanelItsOwnTablesThatFit(width: Int) {
        let r = Report(snapshot: TwoTierTests.snapshot, period: q4, language: .vi)
        let md = r.rendered(as: .markdown, width: width)
        let ts = tables(md)
        #expect(ts.count >= r.groups.count && ts.count > 1)
        // Every figure column exactly once, each table starting with the code and the unit.
        let figures = ts.flatMap { $0.header.dropFirst(2) }
        #expect(figures == r.columns.dropFirst(2).map(\.title))
        for t in ts {
            #expect(Array(t.header.prefix(2)) == ["Mã", "Đơn vị"])
            #expect(t.rows == 1 + 18 + 1)
        }
        // Each table fits the width as the text format counts it (a column as wide as its widest
        // cell or the longest word of its title, two spaces between); a single figure may not.
        let index = Dictionary(r.columns.enumerated().map { ($1.title, $0) }, uniquingKeysWith: { a, _ in a })
        for t in ts where t.header.count > 3 {
            let used = t.header.compactMap { index[$0] }.map { c in
                max(r.columns[c].title.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0,
                    r.rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) + 2
            }.reduce(0, +)
            #expect(used <= width, "\(t.heading): \(used) columns wide")
        }
        // Headings name the panel: no table mixes two panels.
        for g in r.groups {
            let titles = Set(g.columns.map { r.columns[$0].title })
            let holding = ts.filter { !titles.isDisjoint(with: $0.header) }
            #expect(holding.allSatisfy { $0.heading.hasPrefix(g.title) && Set($0.header.dropFirst(2)).isSubset(of: titles) })
        }
        #expect(md.contains("### Hồ sơ TTHC") && md.contains("### Hạ tầng số (BTS)"))
    }

    /// A row taken out of the CSV still says its period, the data's time and the report's title.
    @Test func csvRowsCarryThePeriodTheDataTimeAndTheTitle() throws {
        let r = Report(snapshot: TwoTierTests.snapshot, period: q4, language: .vi)
        let records = NaiveCSV.read(Array(r.rendered(as: .csv).dropFirst().utf8)).records
        let lines = records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
        let header = lines[0]
        #expect(Array(header.suffix(6)) == ["period", "period_name", "period_first_month", "period_end", "generated_at", "title"])
        #expect(header.prefix(2) == ["code", "unit"])
        for row in lines.dropFirst() {
            #expect(row.count == header.count)
            #expect(Array(row.suffix(6)) == ["2026-Q4", "Quý IV/2026 (lũy kế đến 31/10/2026)", "2026-10", "2026-10-31",
                                             "2026-11-05T01:00:00Z", "Tỉnh Tuyên Quang — Quý IV/2026 (lũy kế đến 31/10/2026)"])
        }
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.rendered(as: .json).utf8)) as? [String: Any])
        #expect(o["generated_at"] as? String == "2026-11-05T01:00:00Z")
        #expect(o["title"] as? String == r.title && (o["period"] as? [String: Any])?["code"] as? String == "2026-Q4")
    }

    @Test func lastCompletePeriods() {
        let oct31 = Day(year: 2026, month: 10, day: 31)!
        #expect(ReportPeriod(parsing: "last-quarter")?.resolve(dataEnd: oct31) == .quarter(year: 2026, quarter: 3))
        #expect(ReportPeriod(parsing: "last-month")?.resolve(dataEnd: oct31) == .month(Month(year: 2026, month: 10)))
        #expect(ReportPeriod(parsing: "last-year")?.resolve(dataEnd: oct31) == .year(2025))
        let jun30 = Day(year: 2024, month: 6, day: 30)!
        #expect(ReportPeriod(parsing: "last-quarter")?.resolve(dataEnd: jun30) == .quarter(year: 2024, quarter: 2))
        let jul5 = Day(year: 2024, month: 7, day: 5)!
        #expect(ReportPeriod(parsing: "last-month")?.resolve(dataEnd: jul5) == .month(Month(year: 2024, month: 6)))
        #expect(ReportPeriod(parsing: "last-quarter")?.resolve(dataEnd: Day(year: 2025, month: 1, day: 15)!) == .quarter(year: 2024, quarter: 4))
        #expect(ReportPeriod(parsing: "2024-Q2") == .given(.quarter(year: 2024, quarter: 2)))
        #expect(ReportPeriod(parsing: "last-week") == nil)
    }
}
