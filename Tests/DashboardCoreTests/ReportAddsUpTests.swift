import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The province adds up: its rows and the remainder row (what it received itself, in no khu
/// vực) give the province's figure, on screen and in `report`, in every format (issue 30: the
/// 34.880 received at province level had no row).
@Suite struct ReportAddsUpTests {
    static let q4 = Period.quarter(year: 2026, quarter: 4)

    /// A table of strings per format: header keys or titles, then the rows (province first).
    static func table(_ r: Report, _ format: Report.Format) throws -> (header: [String], rows: [[String]]) {
        let out = r.rendered(as: format, width: 400)
        switch format {
        case .csv:
            let records = NaiveCSV.read(Array(out.dropFirst().utf8)).records
            let lines = records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
            return (lines[0], Array(lines.dropFirst()))
        case .json:
            let root = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            let units = try #require(root["units"] as? [[String: Any]])
            let keys = r.columns.map(\.key)
            return (keys, units.map { u in keys.map { k in (u[k] as? NSNumber)?.stringValue ?? (u[k] as? String) ?? "" } })
        case .markdown:
            // One table per panel, each with the code and unit: put side by side again.
            var tables: [[[String]]] = []
            var inTable = false
            for line in out.components(separatedBy: "\n") {
                guard line.hasPrefix("| ") else { inTable = false; continue }
                if line.hasPrefix("| ---") { continue }
                let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
                if !inTable { tables.append([]); inTable = true }
                tables[tables.count - 1].append(cells)
            }
            let merged = tables[0].indices.map { i in tables[0][i] + tables.dropFirst().flatMap { $0[i].dropFirst(2) } }
            return (merged[0], Array(merged.dropFirst()))
        case .text:
            // One table at this width: the columns' spans from the dashes under the header.
            let lines = out.components(separatedBy: "\n")
            let dash = try #require(lines.firstIndex { $0.hasPrefix("---") })
            var spans: [Range<Int>] = []
            var start: Int?
            for (i, ch) in (Array(lines[dash]) + [" "]).enumerated() {
                if ch == "-", start == nil { start = i }
                if ch == " ", let s = start { spans.append(s..<i); start = nil }
            }
            func cut(_ line: String) -> [String] {
                let chars = Array(line)
                return spans.map { r in String(chars[min(r.lowerBound, chars.count)..<min(r.upperBound, chars.count)]).trimmingCharacters(in: .whitespaces) }
            }
            let rows = lines[(dash + 1)...].prefix { !$0.isEmpty }.map(cut)
            return (cut(lines[dash - 1]), rows)
        }
    }

    static func number(_ s: String, _ format: Report.Format) -> Int? {
        Int(format == .text || format == .markdown ? s.replacingOccurrences(of: ".", with: "") : s)
    }

    @Test(arguments: [Report.Format.text, .csv, .json, .markdown], [Report.Form.dashboard, .form06])
    func theProvinceAddsUp(format: Report.Format, form: Report.Form) throws {
        let s = TwoTierTests.snapshot
        let r = Report(snapshot: s, period: Self.q4, language: .vi, form: form)
        let (header, rows) = try Self.table(r, format)
        #expect(rows.count == 1 + 18 + 1, "province, 18 khu vực, the remainder")
        #expect(rows.last?[1] == "Cấp tỉnh")
        #expect(r.notes.contains("Cấp tỉnh: tiếp nhận, không thuộc khu vực nào"))
        let additive = (form == .form06 ? DossiersPanel.form06Columns : PanelRegistry.standard.shown(for: s).flatMap(\.reportColumns))
            .filter(\.additive)
        #expect(additive.count >= (form == .form06 ? 13 : 3))
        for c in additive where c.key != "awaiting_supplement" {
            let k = try #require(header.firstIndex(of: format == .csv || format == .json ? c.key : c.title(Strings(.vi))), "\(c.key)")
            let values = rows.map { Self.number($0[k], format) }
            let province = try #require(values[0], "\(c.key)")
            let sum = values.dropFirst().reduce(0) { $0 + ($1 ?? 0) }
            #expect(sum == province, "\(format) \(form) \(c.key)")
            #expect(values.dropFirst().allSatisfy { $0 != nil }, "\(format) \(form) \(c.key)")
        }
        if form == .dashboard {
            let k = try #require(header.firstIndex(of: format == .csv || format == .json ? "received" : "Tiếp nhận"))
            #expect(rows.last.map { Self.number($0[k], format) } == 34_880)
        }
    }

    /// On screen: the province's table of khu vực ends with "Cấp tỉnh 34.880", under the received column.
    @Test func theProvinceTableHasItsRemainderRow() throws {
        var s = TwoTierTests.state(size: Size(width: 120, height: 40))
        _ = SampleState.press(&s, "G")
        let lines = render(s).textDump(styles: false).components(separatedBy: "\n")
        let header = try #require(lines.first { $0.contains("Đơn vị") && $0.contains("Tiếp nhận") })
        let row = try #require(lines.first { $0.contains("│  Cấp tỉnh ") })
        #expect(row.contains("34.880") && row.contains("không thuộc khu vực nào"))
        // The figure ends where the received column's title ends.
        let end = { (l: String, s: String) in l.distance(from: l.startIndex, to: l.range(of: s)!.upperBound) }
        #expect(end(row, "34.880") == end(header, "Tiếp nhận"))
    }
}
