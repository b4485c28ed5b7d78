/// Names a kind of data a snapshot may hold (`society`): in the cache's records and in messages.
public struct DatasetID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// Whether an export must carry a kind's file.
public enum Presence: Sendable, Equatable {
    case required
    /// May be left out; without it the snapshot has no value of the kind, and `check` gives
    /// `warning` when there is one.
    case optional(warning: String?)
}

/// One kind of data a snapshot holds, as one value: its file and columns, whether an export
/// must carry it, how its rows are checked (each problem at its `file:line:column`), what a
/// snapshot keeps of them, and how that is cached. `DatasetRegistry.kinds` lists the kinds; the
/// builder, the loader, the cache and `Snapshot`'s equality go through that list instead of
/// naming kinds, so a new kind is one file that conforms and one line in the registry.
///
/// The kinds move behind it one at a time, society first (issue 26); the others are still
/// `TableKind` cases with their own builder storage.
protocol DatasetKind: Sendable {
    /// What the checked rows of one or more tables add up to before aggregation.
    associatedtype Rows: Sendable
    /// What a snapshot holds of the kind.
    associatedtype Value: Sendable & Equatable

    static var id: DatasetID { get }
    static var fileName: String { get }
    /// The columns the table must have, by name (the parser reads them in this order).
    static var columns: [String] { get }
    static var presence: Presence { get }
    /// Bumped when `write`/`read` change, so that a cache entry of another layout is not read.
    static var codecVersion: Int { get }

    /// Checks the rows of one table against the units and the window, adding them to `rows`.
    static func read<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, into rows: inout Rows?, _ issues: inout IssueCollector)
    /// What the snapshot keeps of the checked rows.
    static func aggregate(_ rows: Rows, units: UnitTree) -> Value

    static func write(_ value: Value, to w: inout CacheWriter)
    /// A value read back from a cache entry, checked against the units it must fit (an entry
    /// made by something else must not make a viewer read out of range).
    static func read(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> Value
}
