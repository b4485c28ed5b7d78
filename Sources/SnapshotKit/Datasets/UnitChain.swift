/// A unit and its ancestors up to the province: the units a record's figures count in.
enum UnitChain {
    /// `start` and its parents; empty for no unit. Indexes come from validated rows; a record
    /// made elsewhere with a bad one counts nowhere.
    static func of(_ start: Int?, in units: UnitTree) -> [Int] {
        let n = units.units.count
        var out: [Int] = []
        var u = start
        while let k = u, k >= 0, k < n { out.append(k); u = units.units[k].parent }
        return out
    }

    /// Whether `index` (none is fine) lies in a tree of `unitCount` units.
    static func inTree(_ index: Int?, _ unitCount: Int) -> Bool { index.map { $0 >= 0 && $0 < unitCount } ?? true }

    /// Per unit, the sorted day numbers of `items` counted in it and its ancestors (an item
    /// without a date counts as always there): "how many as of a day" is a binary search.
    static func sortedDays<T>(_ items: [T], units: UnitTree, unit: (T) -> Int?, day: (T) -> Day?) -> [[Int]] {
        var days = Array(repeating: [Int](), count: units.units.count)
        for item in items {
            for u in of(unit(item), in: units) { days[u].append(day(item)?.number ?? Int.min) }
        }
        return days.map { $0.sorted() }
    }
}
