/// A table handed to `SnapshotBuilder`: the rows of one kind (`TableKind`), each with the
/// name of its source and its line (or row number) there, so that every problem is reported
/// as `source:line`.
///
/// A CSV file (`CSVTable`) is one; a database query, a sheet of an `.xlsx` export or an HTTP
/// response is another, through `TextTable`. Rows present their fields in the order of the
/// kind's `columns`, whatever order the source had.
public protocol SnapshotTable {
    /// The name problems are reported under: `bts.csv`, `sheet BTS`, `db:bts`.
    var source: String { get }
    /// Calls `body` for each row. A thrown issue ends the table (a structural error).
    mutating func forEachRow(_ body: (inout TableRow) throws(SnapshotIssue) -> Void) throws(SnapshotIssue)
}

/// One row of a `SnapshotTable`: its fields as bytes, with typed readers (`integer`, `date` …),
/// its line and its source. Valid only inside the `forEachRow` call that made it.
public typealias TableRow = CSVTable.Row

extension CSVTable: SnapshotTable {
    public var source: String { file }
}

/// One row of text from any source: its fields in the order of the table's header, and the
/// line or row number it is reported under.
public struct TextRow: Sendable {
    public var fields: [String]
    public var line: Int
    public init(_ fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// A table of text rows (a database cursor, a spreadsheet, a list in memory): a header and a
/// sequence of rows, read once. The rows may be produced lazily, so a large source need not
/// be held in memory.
public struct TextTable<Rows: Sequence>: SnapshotTable where Rows.Element == TextRow {
    public let source: String
    private let index: [Int]
    private let fieldCount: Int
    private let rows: Rows

    /// Finds `columns` in `header` by name (case and surrounding blanks ignored; extra columns are
    /// dropped); a missing or repeated column is reported at `source:1`.
    public init(source: String, header: [String], rows: Rows, columns: [String],
                optional: [String] = []) throws(SnapshotIssue) {
        self.source = source
        index = try TableHeader.indexes(of: columns, in: header.map { $0.trimmingASCIIWhitespace().lowercased() },
                                        file: source, optional: optional)
        fieldCount = header.count
        self.rows = rows
    }

    /// A table of the kind's columns.
    public init(_ kind: TableKind, source: String? = nil, header: [String], rows: Rows) throws(SnapshotIssue) {
        try self.init(source: source ?? kind.fileName, header: header, rows: rows, columns: kind.readColumns,
                      optional: kind.optionalColumns)
    }

    public mutating func forEachRow(_ body: (inout TableRow) throws(SnapshotIssue) -> Void) throws(SnapshotIssue) {
        let name = FileName(source)
        var bytes: [UInt8] = []
        var spans: [FieldSpan] = []
        try withExtendedLifetime(name) { () throws(SnapshotIssue) in
            try index.withUnsafeBufferPointer { (index) throws(SnapshotIssue) in
                for row in rows {
                    guard row.fields.count == fieldCount else {
                        throw SnapshotIssue(file: source, line: row.line,
                                            message: "expected \(fieldCount) fields, found \(row.fields.count)")
                    }
                    bytes.removeAll(keepingCapacity: true)
                    spans.removeAll(keepingCapacity: true)
                    for f in row.fields {
                        let start = bytes.count
                        bytes.append(contentsOf: f.utf8)
                        spans.append(FieldSpan(start: start, end: bytes.count, hasEscapedQuote: false))
                    }
                    bytes.append(0)   // never empty, so there is a base address
                    try bytes.withUnsafeMutableBufferPointer { (buffer) throws(SnapshotIssue) in
                        let reader = FieldReader(base: buffer.baseAddress!, name: name, recordLine: row.line)
                        try spans.withUnsafeBufferPointer { (fields) throws(SnapshotIssue) in
                            var r = TableRow(reader: reader, fields: fields, index: index)
                            try body(&r)
                        }
                    }
                }
            }
        }
    }
}

/// Where the requested columns are in a header.
enum TableHeader {
    /// For each of `columns`, its position in `names` (−1 for a missing one of `optional`);
    /// throws when a required one is missing or any is repeated.
    static func indexes(of columns: [String], in names: [String], file: String,
                        optional: [String] = []) throws(SnapshotIssue) -> [Int] {
        var idx: [Int] = []
        var missing: [String] = []
        for c in columns {
            if let k = names.firstIndex(of: c) { idx.append(k) } else if optional.contains(c) { idx.append(-1) } else { missing.append(c) }
        }
        guard missing.isEmpty else {
            let plural = missing.count > 1 ? "columns" : "column"
            throw SnapshotIssue(file: file, line: 1, message: "missing required \(plural) \(missing.joined(separator: ", "))")
        }
        var seen = Set<String>()
        for n in names where columns.contains(n) {
            guard seen.insert(n).inserted else {
                throw SnapshotIssue(file: file, line: 1, message: "column \(n) appears twice in the header")
            }
        }
        return idx
    }
}

extension SnapshotTable {
    /// Like `forEachRow`, but a row-level error is recorded and the next row is read; a
    /// structural error (unterminated quote, wrong field count) ends the table.
    mutating func forEachRow(collecting issues: inout IssueCollector,
                             _ body: (inout TableRow) throws(SnapshotIssue) -> Void) {
        do throws(SnapshotIssue) {
            try forEachRow { (row: inout TableRow) throws(SnapshotIssue) in
                do throws(SnapshotIssue) { try body(&row) } catch { try issues.keep(error, of: row) }
            }
        } catch { issues.add(error) }
    }
}

extension IssueCollector {
    /// Records a row-level error; throws (a structural error, which ends the table) once the
    /// row's file has too many.
    mutating func keep(_ error: SnapshotIssue, of row: TableRow) throws(SnapshotIssue) {
        add(error)
        if errorCount(in: row.file) > 10 * IssueCollector.perFileLimit {
            throw SnapshotIssue(file: row.file, line: row.line, message: "too many errors; stopped reading")
        }
    }
}
