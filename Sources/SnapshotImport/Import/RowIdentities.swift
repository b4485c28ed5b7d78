/// Form 06's identities, checked on each row whose layout carries every term: a row that does
/// not add up is a warning naming the row and both sides (vendors define "tồn trước" and
/// "từ chối" differently, so it is not refused, but nobody should publish it unread).
enum RowIdentities {
    /// `whole = parts…`, by field names.
    static let all: [(whole: String, parts: [String])] = [
        ("handled", ["carried_over", "received"]),
        ("received", ["received_direct", "received_online"]),
        ("resolved", ["resolved_before_due", "resolved_on_due", "resolved_after_due"]),
        ("pending", ["pending_within_due", "pending_overdue"]),
        ("handled", ["resolved", "returned", "pending", "withdrawn"]),
        ("resolved", ["delivered", "not_delivered"]),
        ("handled", ["resolved_before_due", "resolved_on_due", "resolved_after_due", "returned_or_withdrawn", "pending_within_due", "pending_overdue"]),
    ]

    /// The identities `figures` breaks, as `place: handled 120 ≠ carried_over + received = 118`.
    static func broken(_ figures: [String: Double], place: String) -> [String] {
        var out: [String] = []
        for (whole, parts) in all {
            guard let w = figures[whole] else { continue }
            let values = parts.compactMap { figures[$0] }
            guard values.count == parts.count else { continue }
            let sum = values.reduce(0, +)
            if sum != w {
                out.append("\(place): \(whole) \(Int(w)) ≠ \(parts.joined(separator: " + ")) = \(Int(sum))")
            }
        }
        return out
    }
}
