import ArgumentParser
import Foundation
import SnapshotKit

/// A command that cannot do what it was asked: its message is printed as `Error: …` and the
/// exit status is 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Arguments echoed in messages, cut to a readable length.
enum Echo {
    static let limit = 60

    /// `text`, or its first `limit` characters and `…`.
    static func cut(_ text: String, limit: Int = limit) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// `message` with every quoted part ('…' or "…") longer than `limit` cut: argument-parser's
    /// own messages ("The value '…' is invalid for '--period'") echo a value in full.
    static func cutQuoted(_ message: String) -> String {
        var out = ""
        var quote: Character? = nil
        var inside = ""
        for ch in message {
            if let q = quote {
                if ch == q {
                    out += cut(inside) + String(ch)
                    quote = nil
                    inside = ""
                } else {
                    inside.append(ch)
                }
            } else {
                out.append(ch)
                if ch == "'" || ch == "\"" { quote = ch }
            }
        }
        return out + cut(inside)
    }

    /// The periods a command accepts: those a snapshot may hold.
    static func check(_ period: Period?) throws {
        guard let period else { return }
        let o = SnapshotBuilder.Options()
        guard period.months.lowerBound >= o.earliest.index, period.months.upperBound <= o.latestPeriodEnd.index else {
            throw ValidationError("--period \(cut(period.description)) is outside \(o.earliest.year)…\(o.latestPeriodEnd.year)")
        }
    }
}

extension SnapshotFailure {
    /// Every error, the warnings and the count of errors not shown, one per line, then `REFUSED`.
    func printed(source: String) -> String {
        let lines = errors.map(\.description) + warnings.map(\.description) + suppressed
        return (lines + ["\(Echo.cut(source)): REFUSED — \(countLine)"]).joined(separator: "\n")
    }

    /// "503 errors (50 listed), 0 warnings": the true totals, and how many of them are listed.
    var countLine: String {
        func count(_ listed: Int, _ total: Int, _ word: String) -> String {
            "\(total) \(word)\(total == 1 ? "" : "s")" + (total > listed ? " (\(listed) listed)" : "")
        }
        return count(errors.count, errorTotal, "error") + ", " + count(warnings.count, warningTotal, "warning")
    }
}
