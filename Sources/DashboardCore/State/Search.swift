import SnapshotKit

/// One line of the search: a unit of the snapshot, found by its own name or by the name of a
/// unit it was made from before a change of catalogue (the 2025 reform: `dao duc` finds the
/// old Xã Đạo Đức, now part of Xã Vị Xuyên).
public struct SearchHit: Equatable, Sendable {
    /// Where Enter goes: a unit of the current tree.
    public var unit: AdminUnit
    /// The old unit whose name matched; nil when `unit`'s own name did.
    public var former: AdminUnit?
    /// Only part of the old unit went to `unit` (its other parts went elsewhere).
    public var partial = false
    /// The first day of the catalogue `unit` belongs to.
    public var since: Day?

    public init(unit: AdminUnit, former: AdminUnit? = nil, partial: Bool = false, since: Day? = nil) {
        self.unit = unit; self.former = former; self.partial = partial; self.since = since
    }

    /// "Xã Đạo Đức → Xã Vị Xuyên (từ 01/07/2025)" / "… (since 2025-07-01)"; a partial link says
    /// so. `short`: the old unit's short name ("Đạo Đức → …"), where room is scarce.
    public func formerLabel(_ f: NumberFormat, arrow: String, short: Bool = false) -> String? {
        guard let old = former else { return nil }
        let formerName = short ? old.shortName : old.name
        let date = since.map(f.date) ?? ""
        if unit.isGrouping {
            // A district abolished: "Huyện Vị Xuyên (đến 30/06/2025) → khu vực Vị Xuyên (cũ)".
            let until = since.map { f.date(Day(number: $0.number - 1)) } ?? ""
            let name = UnitNames.name(unit, f.language)
            return "\(formerName) (\(f.language == .vi ? "đến" : "until") \(until)) \(arrow) \(name)"
        }
        let note: String
        switch (f.language, partial) {
        case (.vi, false): note = "từ \(date)"
        case (.vi, true): note = "một phần, từ \(date)"
        case (.en, false): note = "since \(date)"
        case (.en, true): note = "in part, since \(date)"
        }
        return "\(formerName) \(arrow) \(UnitNames.name(unit, f.language)) (\(note))"
    }
}

enum Search {
    static let limit = 50

    /// Units whose name matches `query` (diacritics and case ignored), then the old units
    /// whose name matches, each with where it went, unless that unit is listed by its own name.
    static func hits(_ snapshot: Snapshot, query: String) -> [SearchHit] {
        let key = query.searchKey
        let tree = snapshot.units
        var hits = tree.units.dropFirst().filter { $0.searchKey.contains(key) }.prefix(limit).map { SearchHit(unit: $0) }
        guard let change = tree.change, hits.count < limit else { return hits }
        let listed = Set(hits.map(\.unit.index))
        var old: [SearchHit] = []
        for before in change.before {
            for i in before.districtIndexes where before.units[i].searchKey.contains(key) {
                // A former district is shown as the grouping of the same code ("khu vực … (cũ)").
                guard let g = tree.unit(code: before.units[i].code), g.isGrouping else { continue }
                old.append(SearchHit(unit: g, former: before.units[i], since: change.date))
            }
            for i in before.communeIndexes where before.units[i].searchKey.contains(key) {
                guard let n = Int(before.units[i].code), let links = change.links[n] else { continue }
                for link in links {
                    old.append(SearchHit(unit: tree.units[link.unit], former: before.units[i], partial: link.share < 1 - 1e-9,
                                         since: change.date))
                }
            }
        }
        old.sort { ($0.former!.sortKey, $0.former!.code, $0.unit.sortKey) < ($1.former!.sortKey, $1.former!.code, $1.unit.sortKey) }
        for h in old where hits.count < limit && !listed.contains(h.unit.index) {
            hits.append(h)
        }
        return hits
    }
}
