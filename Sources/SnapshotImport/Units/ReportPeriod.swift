import Foundation

/// The period a report covers, as months `YYYY-MM` (first and last): from its title
/// ("Từ ngày 01/11/2026 đến ngày 30/11/2026", "Tháng 11/2026", "Quý IV/2026", "Năm 2026"), its
/// file name (`bao-cao-2026-11.xlsx`, `thang-11-2026`), or `--period`. A span is kept as it is,
/// never spread over months.
public struct ReportPeriod: Equatable, Sendable, CustomStringConvertible {
    public var first: String, last: String
    public init(first: String, last: String) { self.first = first; self.last = last }

    public var isOneMonth: Bool { first == last }
    public var description: String { isOneMonth ? first : "\(first)…\(last)" }

    static func month(_ y: Int, _ m: Int) -> String? {
        guard (1990...2199).contains(y), (1...12).contains(m) else { return nil }
        return String(format: "%04d-%02d", y, m)
    }

    /// `2026-11`, `2026-Q4`, `2026`, or `2026-09..2026-11` (`--period`).
    public init?(option text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: "..") {
            guard let a = ReportPeriod(option: String(t[..<r.lowerBound])), let b = ReportPeriod(option: String(t[r.upperBound...])),
                  a.first <= b.last else { return nil }
            self.init(first: a.first, last: b.last); return
        }
        let p = t.split(separator: "-")
        if p.count == 2, let y = Int(p[0]), p[1].hasPrefix("Q") || p[1].hasPrefix("q"), let q = Int(p[1].dropFirst()), (1...4).contains(q),
           let a = Self.month(y, 3 * q - 2), let b = Self.month(y, 3 * q) {
            self.init(first: a, last: b); return
        }
        if p.count == 2, p[1].count == 2, let y = Int(p[0]), let m = Int(p[1]), let a = Self.month(y, m) { self.init(first: a, last: a); return }
        if p.count == 1, p[0].count == 4, let y = Int(p[0]), let a = Self.month(y, 1), let b = Self.month(y, 12) { self.init(first: a, last: b); return }
        return nil
    }

    static let romans = ["I": 1, "II": 2, "III": 3, "IV": 4]

    /// The period a title states, or nil when it states none.
    public static func fromTitle(_ text: String) -> ReportPeriod? {
        let t = Folding.header(text)
        let dates = matches(#"(\d{1,2})/(\d{1,2})/(\d{4})"#, in: t)
        if t.contains("tu ngay") || t.contains("den ngay") || dates.count >= 2, dates.count >= 2 {
            let a = dates[0], b = dates[dates.count - 1]
            guard let m1 = month(a[3], a[2]), let m2 = month(b[3], b[2]), m1 <= m2 else { return nil }
            return ReportPeriod(first: m1, last: m2)
        }
        if let q = firstMatch(#"quy\s+(iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(\d{4})"#, in: t) {
            let n = romans[q[1].uppercased()] ?? Int(q[1]) ?? 0
            guard let y = Int(q[2]), let a = month(y, 3 * n - 2), let b = month(y, 3 * n) else { return nil }
            return ReportPeriod(first: a, last: b)
        }
        if let m = firstMatch(#"thang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})"#, in: t), let mm = Int(m[1]), let y = Int(m[2]), let a = month(y, mm) {
            return ReportPeriod(first: a, last: a)
        }
        if let y = firstMatch(#"^nam\s+(\d{4})$|\bnam\s+(\d{4})\s*$"#, in: t) {
            let year = Int(y[1]) ?? Int(y[2]) ?? 0
            guard let a = month(year, 1), let b = month(year, 12) else { return nil }
            return ReportPeriod(first: a, last: b)
        }
        return nil
    }

    /// The period a file name states: `…2026-11…`, `…11-2026…`, `…thang-11-2026…`, `…2026-q4…`, `…quy-4-2026…`.
    public static func fromFileName(_ name: String) -> ReportPeriod? {
        let t = Folding.header((name as NSString).deletingPathExtension)
        if let q = firstMatch(#"(\d{4})[-_. ]?q([1-4])"#, in: t), let y = Int(q[1]), let n = Int(q[2]),
           let a = month(y, 3 * n - 2), let b = month(y, 3 * n) { return ReportPeriod(first: a, last: b) }
        if let q = firstMatch(#"(?:quy|q)[-_. ]?([1-4])[-_. ]+(\d{4})"#, in: t), let n = Int(q[1]), let y = Int(q[2]),
           let a = month(y, 3 * n - 2), let b = month(y, 3 * n) { return ReportPeriod(first: a, last: b) }
        if let m = firstMatch(#"(?<!\d)(\d{4})[-_.](\d{2})(?!\d)"#, in: t), let y = Int(m[1]), let mm = Int(m[2]), let a = month(y, mm) {
            return ReportPeriod(first: a, last: a)
        }
        if let m = firstMatch(#"(?<!\d)(\d{1,2})[-_.](\d{4})(?!\d)"#, in: t), let mm = Int(m[1]), let y = Int(m[2]), let a = month(y, mm) {
            return ReportPeriod(first: a, last: a)
        }
        return nil
    }

    private static func matches(_ pattern: String, in text: String) -> [[Int]] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { i in m.range(at: i).location == NSNotFound ? 0 : Int(ns.substring(with: m.range(at: i))) ?? 0 }
        }
    }

    private static func firstMatch(_ pattern: String, in text: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern), let m = re.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) else { return nil }
        let ns = text as NSString
        return (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
    }
}
