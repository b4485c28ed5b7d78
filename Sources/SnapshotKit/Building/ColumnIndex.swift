/// A table's columns by name, for its parser: `c["lat"]`, never a number, so that reordering a
/// kind's `columns` cannot make its parser read the wrong column. A name the kind does not
/// list is a programming error, found by the first test that parses the kind.
struct ColumnIndex: Sendable {
    private let positions: [String: Int]

    init(_ names: [String]) {
        var p: [String: Int] = [:]
        for (k, n) in names.enumerated() where p[n] == nil { p[n] = k }
        positions = p
    }

    subscript(_ name: String) -> Int {
        guard let k = positions[name] else { preconditionFailure("no column \"\(name)\" in the kind's columns") }
        return k
    }
}
