import DashboardTestSupport
import Foundation
import Testing

/// Issue 30, done-when: on the default sample, the commands a secretary runs agree. For the
/// province, the khu vực of three communes (Vị Xuyên, Sủng Máng's Mèo Vạc, Minh Ngọc's Bắc Mê)
/// and all their communes, in a month, a whole and a partial quarter and a partial year,
/// `cdsboard report`'s received, on-time share and overdue are `cdsboard report --form 06`'s by
/// the definitions in help: received = online + direct/postal (without carried over), on time
/// = (before due + on due) / resolved, overdue = in progress past due at the period's end.
/// (OneMeaningTests checks the screens against the same figures in process.)
@Suite struct Form06CommandTests {
    let bin = Fixtures.binary

    /// The report's rows by unit code ("" for the remainder row), as JSON objects.
    func rows(_ args: [String]) throws -> [String: [String: Any]] {
        let r = Fixtures.run(bin, ["report", "--format", "json"] + args)
        #expect(r.status == 0, "\(args): \(r.output.prefix(300))")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any], "\(args)")
        let units = try #require(root["units"] as? [[String: Any]])
        return Dictionary(units.map { (($0["code"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test(arguments: ["2026-09", "2026-Q3", "2026-Q4", "2026"])
    func theDashboardsFiguresAreForm06s(period: String) throws {
        var compared = 0
        for scope in [[], ["--district", "030"], ["--district", "027"], ["--district", "031"]] {
            let dash = try rows(["--period", period] + scope)
            let f06 = try rows(["--period", period, "--form", "06"] + scope)
            #expect(Set(dash.keys) == Set(f06.keys), "\(period) \(scope)")
            for (code, d) in dash {
                let f = try #require(f06[code])
                func n(_ k: String) -> Int? { (f[k] as? NSNumber)?.intValue }
                let what = "\(period) \(code.isEmpty ? "remainder of \(scope)" : code)"
                let received = try #require(n("received_online")) + (try #require(n("received_direct_postal")))
                #expect((d["received"] as? NSNumber)?.intValue == received, "\(what)")
                #expect((d["in_progress_overdue"] as? NSNumber)?.intValue == n("in_progress_overdue"), "\(what)")
                #expect((d["resolved_overdue"] as? NSNumber)?.intValue == n("resolved_overdue"), "\(what)")
                let resolved = try #require(n("resolved_total"))
                if resolved > 0 {
                    let onTime = Double(try #require(n("resolved_before_due")) + (try #require(n("resolved_on_due")))) / Double(resolved)
                    let shown = try #require((d["on_time_share"] as? NSNumber)?.doubleValue, "\(what)")
                    #expect(abs(shown - onTime) < 0.5e-6, "\(what): \(shown) against \(onTime)")
                } else {
                    #expect(d["on_time_share"] is NSNull, "\(what): no dossier resolved, no share")
                }
                compared += 1
            }
        }
        // The province, 18 khu vực, the remainder; three khu vực with their communes.
        #expect(compared >= 1 + 18 + 1 + 3 + 10, "\(compared) rows compared")
    }

    /// The screen a member sees says the same as form 06 for Minh Ngọc (its panel said
    /// `Quá hạn 0` beside a form 06 box of 27 resolved late).
    @Test func minhNgocsScreenSaysWhatForm06Says() throws {
        let f = try #require(try rows(["--period", "2026-Q4", "--form", "06", "--district", "031"])["00994"])
        let screen = Fixtures.run(bin, ["render", "--size", "200x60", "--view", "commune:00994", "--period", "2026-Q4"]).output
        func n(_ k: String) -> Int { (f[k] as? NSNumber)?.intValue ?? -1 }
        let line = { (label: String) in screen.components(separatedBy: "\n").first { $0.contains("│ \(label) ") } ?? "" }
        let received = n("received_online") + n("received_direct_postal")
        #expect(line("Tiếp nhận").contains(" \(Self.vi(received)) "), "\(line("Tiếp nhận"))")
        #expect(line("Đang giải quyết quá hạn").contains(" \(Self.vi(n("in_progress_overdue"))) "))
        let share = Double(n("resolved_before_due") + n("resolved_on_due")) / Double(n("resolved_total")) * 100
        #expect(line("Đúng hạn").contains(String(format: "%.1f%%", share).replacingOccurrences(of: ".", with: ",")),
                "\(line("Đúng hạn"))")
    }

    /// 1234 → "1.234".
    static func vi(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out += "." }
            out.append(ch)
        }
        return out
    }
}
