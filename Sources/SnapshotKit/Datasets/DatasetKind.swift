/// Names a kind of data a snapshot may hold (`society`): in the cache's records and in messages.
public struct DatasetID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// Whether an export must carry a kind's file.
public enum Presence: Sendable, Equatable {
    /// Without the file the export is refused ("file not found").
    case required
    /// May be left out; without it the snapshot has no value of the kind, and `check` gives
    /// `warning` when there is one.
    case optional(warning: String?)
}

/// One kind of data a snapshot holds, as one value: its file and columns, whether an export
/// must carry it, how its rows are checked (each problem at its `file:line:column`), what a
/// snapshot keeps of them, and how that is cached. A `DatasetRegistry` lists the kinds; the
/// builder, the loader, the cache and `Snapshot`'s equality go through it instead of naming
/// kinds, so a new kind is one file that conforms and one line in the registry (or, in a test,
/// a registry of its own in `SnapshotBuilder.Options.datasets`).
///
/// The kinds move behind it one at a time (issue 26): society and tourism so far; the others
/// are still `TableKind` cases with their own builder storage.
protocol DatasetKind: Sendable {
    /// One checked row (or whatever a row adds up to before aggregation).
    associatedtype Row: Sendable
    /// What a snapshot holds of the kind.
    associatedtype Value: Sendable & Equatable

    static var id: DatasetID { get }
    static var fileName: String { get }
    /// The columns the table must have, by name (the parser reads them in this order).
    static var columns: [String] { get }
    /// Columns read when the table has them (after `columns`, in this order); a row's
    /// `has(_:)` says whether one is there.
    static var optionalColumns: [String] { get }
    static var presence: Presence { get }
    /// Bumped when the cache layout of the kind changes, so that an entry of another layout is not read.
    static var codecVersion: Int { get }

    /// The rows of one table checked against the units and the window; each problem goes to
    /// `issues` at its `file:line:column`.
    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [Row]
    /// The checked rows against those of the other kinds (by id): a value naming an indicator
    /// that `indicators.csv` lacks. Each problem goes to `issues` at its file and line; what is
    /// returned is kept. By default every row is kept.
    static func check(_ rows: [Row], others: [DatasetID: any Sendable], _ issues: inout IssueCollector) -> [Row]
    /// What the snapshot keeps of the checked rows (of every table of the kind, in order).
    static func aggregate(_ rows: [Row], units: UnitTree) -> Value

    static func encode(_ value: Value, to w: inout CacheWriter)
    /// A value read back from a cache entry, checked against `units` (an entry made by
    /// something else must not make a viewer read out of range).
    static func decode(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> Value

    /// The indicators the kind's figures give (targets may name them; a ranking reads them).
    static var indicators: [Indicator] { get }
}

extension DatasetKind {
    static var indicators: [Indicator] { [] }
    static var optionalColumns: [String] { [] }
    static func check(_ rows: [Row], others: [DatasetID: any Sendable], _ issues: inout IssueCollector) -> [Row] { rows }
}

/// A kind whose value is cached as it is (a cube: its cells are mapped, not copied).
protocol CachedAsAggregated: DatasetKind where Value: CacheCodable {
    /// Whether a value read back fits `units`.
    static func fits(_ value: Value, _ units: UnitTree) -> Bool
}

extension CachedAsAggregated {
    static func encode(_ value: Value, to w: inout CacheWriter) { w.put(value) }

    static func decode(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> Value {
        let value: Value = try r.get()
        guard fits(value, units) else { throw CacheReader.Malformed(description: "\(id): an index outside the unit tree") }
        return value
    }
}

/// A kind whose value is made from its records (sites, villages, products): the records are
/// cached and the totals made again on reading, which costs less than reading them.
protocol CachedAsRecords: DatasetKind where Row: CacheCodable {
    /// The records a value was made from, in order.
    static func records(_ value: Value) -> [Row]
    /// Whether every unit index `row` names lies below `unitCount`.
    static func fits(_ row: Row, unitCount: Int) -> Bool
}

extension CachedAsRecords {
    static func encode(_ value: Value, to w: inout CacheWriter) { w.put(records(value)) }

    static func decode(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> Value {
        let rows: [Row] = try r.get()
        let n = units.units.count
        guard rows.allSatisfy({ fits($0, unitCount: n) }) else {
            throw CacheReader.Malformed(description: "\(id): an index outside the unit tree")
        }
        return aggregate(rows, units: units)
    }
}
