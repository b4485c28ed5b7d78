import Foundation

/// Numbers as offices write them: a cell holding a number, or text in Vietnamese style
/// (`1.234` thousands, `87,3` decimal, `87,3%`, `1.234,5`), or in English style when both marks
/// are present the other way round (`1,234.5`). A dot followed by exactly three digits (and no
/// comma after it) is a thousands separator; other single dots are decimal points (`87.3`, how
/// a CSV written in an English locale holds it).
public struct VietnameseNumber: Equatable, Sendable {
    public var value: Double
    /// Written with `%` (the value is as written: 87,3% → 87.3).
    public var percent: Bool

    public init(value: Double, percent: Bool = false) { self.value = value; self.percent = percent }

    /// Marks that mean "nothing reported" in a report's cell: empty, `-`, `–`, `—`, `x`.
    public static func isBlank(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}")))
        return t.isEmpty || ["-", "–", "—", "x", "X"].contains(t)
    }

    /// Parses `text`; nil when it is not a number.
    public init?(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}")))
        t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        var percent = false
        if t.hasSuffix("%") { percent = true; t.removeLast() }
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("−") { negative = true; t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              t.first!.isNumber, t.last!.isNumber else { return nil }
        let dots = t.filter { $0 == "." }.count, commas = t.filter { $0 == "," }.count
        var plain: String
        if dots > 0, commas > 0 {
            let lastDot = t.lastIndex(of: ".")!, lastComma = t.lastIndex(of: ",")!
            if lastComma > lastDot {  // 1.234,5
                guard commas == 1, Self.grouped(t[..<lastComma], by: ".") else { return nil }
                plain = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else {  // 1,234.5
                guard dots == 1, Self.grouped(t[..<lastDot], by: ",") else { return nil }
                plain = t.replacingOccurrences(of: ",", with: "")
            }
        } else if commas > 0 {
            guard commas == 1 else { return nil }  // 1,234,567 is neither style
            plain = t.replacingOccurrences(of: ",", with: ".")
        } else if dots > 1 || (dots == 1 && t.split(separator: ".").last!.count == 3) {
            guard Self.grouped(Substring(t), by: ".") else { return nil }
            plain = t.replacingOccurrences(of: ".", with: "")
        } else {
            plain = t
        }
        guard let v = Double(plain), v.isFinite else { return nil }
        self.init(value: negative ? -v : v, percent: percent)
    }

    /// Whether `s` is digit groups of three after a first group of one to three.
    private static func grouped(_ s: Substring, by mark: Character) -> Bool {
        let groups = s.split(separator: mark, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
