/// Reads a CSV table's records two ways: straight from the bytes of a window, for the records
/// it can vouch for, and the others one by one as rows from the general reader (which checks
/// and reports their structure). `CSVTable.forEachRow(scanner:)` alternates the two, so that
/// a fast reader of a common shape of record never has to handle the unusual ones.
public protocol RecordScanner {
    /// Reads the records of `base[from..<end]` it takes, from the first on; returns the offset
    /// where it stopped (the start of a record it leaves to `row`, or `end`) and how many records
    /// it read, each of them one line.
    mutating func scan(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> (offset: Int, records: Int)

    /// The record where `scan` stopped, read by the general reader.
    mutating func row(_ row: inout CSVTable.Row) throws(SnapshotIssue)
}

/// Every record as a row (what `forEachRow(_:)` is): a scanner that takes none.
struct EachRow: RecordScanner {
    let body: (inout CSVTable.Row) throws(SnapshotIssue) -> Void

    @inline(__always)
    func scan(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> (offset: Int, records: Int) { (from, 0) }

    @inline(__always)
    func row(_ row: inout CSVTable.Row) throws(SnapshotIssue) { try body(&row) }
}
