#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A CSV file whose columns are found by header name, once.
///
/// Columns not named in `columns` are never looked at again: personal data such as
/// `applicant_name` is dropped here, at parse time. Column order is free.
public struct CSVTable: Sendable {
    public private(set) var reader: CSVReader
    /// For each requested column, its index in the record.
    public let index: [Int]
    public let fieldCount: Int
    public var file: String { reader.file }
    public var line: Int { reader.recordLine }
    /// The file's size in bytes.
    public let byteCount: Int
    /// Set for a large file read a window at a time.
    private var stream: ChunkStream?
    /// Files larger than this are streamed rather than read whole.
    public static let streamingThreshold = 16 << 20

    /// Opens `name` in `directory` and checks that every column in `columns` is present.
    public init(directory: String, name: String, columns: [String], streamingThreshold: Int = CSVTable.streamingThreshold,
                window: Int = 8 << 20) throws(SnapshotIssue) {
        let path = directory + "/" + name
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > streamingThreshold {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SnapshotIssue(file: name, line: nil, message: ByteBuffer.describe(errno: errno)) }
            let stream = ChunkStream(fd: fd, file: name, size: Int(st.st_size), window: window)
            try stream.refill(keepingFrom: 0)
            try self.init(reader: CSVReader(buffer: stream.view, file: name, range: 0..<stream.limit), columns: columns,
                          byteCount: Int(st.st_size))
            self.stream = stream
            return
        }
        let buffer: ByteBuffer
        do { buffer = try ByteBuffer(contentsOf: path, displayName: name) } catch let e as SnapshotIssue {
            throw e
        } catch { throw SnapshotIssue(file: name, line: nil, message: "\(error)") }
        try self.init(buffer: buffer, file: name, columns: columns)
    }

    public init(buffer: ByteBuffer, file: String, columns: [String]) throws(SnapshotIssue) {
        try self.init(reader: CSVReader(buffer: buffer, file: file), columns: columns, byteCount: buffer.count)
    }

    private init(reader r: CSVReader, columns: [String], byteCount: Int) throws(SnapshotIssue) {
        var reader = r
        let file = r.file
        self.byteCount = byteCount
        let b = r.buffer
        if b.count >= 2, (b.base[0] == 0xFF && b.base[1] == 0xFE) || (b.base[0] == 0xFE && b.base[1] == 0xFF) {
            throw SnapshotIssue(file: file, line: 1, message: "the file is UTF-16; export it as UTF-8")
        }
        if b.count >= 2, b.base[0] == 0 || b.base[1] == 0 {
            throw SnapshotIssue(file: file, line: 1, message: "the file holds NUL bytes: UTF-16 without a byte-order mark, or not text at all")
        }
        var header: [FieldSpan] = []
        guard try reader.next(into: &header) else {
            throw SnapshotIssue(file: file, line: 1, message: "empty file: a header row is required")
        }
        var names: [String] = []
        for (k, f) in header.enumerated() {
            let name = try reader.string(f, column: k + 1).trimmingASCIIWhitespace().lowercased()
            names.append(name)
        }
        if names.count == 1, columns.count > 1, let only = names.first, only.contains(";") {
            throw SnapshotIssue(file: file, line: 1, message: "header has one column holding ';': the file must be comma-separated")
        }
        var idx: [Int] = []
        var missing: [String] = []
        for c in columns {
            if let k = names.firstIndex(of: c) { idx.append(k) } else { missing.append(c) }
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
        self.reader = reader
        self.index = idx
        self.fieldCount = names.count
    }

    /// Calls `body` for each data row with the fields of the row; checks the field count.
    public mutating func forEachRow(_ body: (inout Row) throws(SnapshotIssue) -> Void) throws(SnapshotIssue) {
        var fields: [FieldSpan] = []
        fields.reserveCapacity(fieldCount)
        while true {
            var cut = false
            do {
                try rows(&fields, body)
            } catch let e where stream != nil && stream?.eof == false && e.message.hasPrefix("unterminated quoted field") {
                // The window ended inside a quoted field: read on from the start of that record.
                cut = true
            }
            guard let stream, !stream.eof else { return }
            let keep = reader.offset
            let line = cut ? reader.recordLine : reader.upcomingLine
            try stream.refill(keepingFrom: keep, needMoreThan: stream.filled - keep)
            reader = CSVReader(buffer: stream.view, file: reader.file, range: 0..<stream.limit, firstLine: line, skipBOM: false)
        }
    }

    private mutating func rows(_ fields: inout [FieldSpan], _ body: (inout Row) throws(SnapshotIssue) -> Void) throws(SnapshotIssue) {
        while try reader.next(into: &fields) {
            guard fields.count == fieldCount else {
                throw SnapshotIssue(file: reader.file, line: reader.recordLine,
                                    message: "expected \(fieldCount) fields, found \(fields.count)")
            }
            var row = Row(reader: reader.fieldReader, fields: fields, index: index)
            try body(&row)
        }
    }

    /// One data row: fields are addressed by the position of their column in the `columns`
    /// list given to the table.
    public struct Row {
        public let reader: FieldReader
        public let fields: [FieldSpan]
        let index: [Int]
        public var line: Int { reader.recordLine }
        public var file: String { reader.file }

        public func span(_ c: Int) -> FieldSpan { fields[index[c]] }
        public func isEmpty(_ c: Int) -> Bool { reader.isEmpty(span(c)) }
        public func string(_ c: Int) throws(SnapshotIssue) -> String {
            try reader.string(span(c), column: index[c] + 1)
        }
        public func raw(_ c: Int) -> String {
            let f = span(c)
            let bytes = UnsafeBufferPointer(start: reader.base + f.start, count: min(f.end - f.start, 40))
            return String(decoding: bytes, as: UTF8.self)
        }
        public func fail(_ c: Int, _ message: String) -> SnapshotIssue {
            SnapshotIssue(file: reader.file, line: reader.recordLine, column: index[c] + 1, message: message)
        }
        public func fail(_ message: String) -> SnapshotIssue {
            SnapshotIssue(file: reader.file, line: reader.recordLine, message: message)
        }

        public func count(_ c: Int, _ name: String) throws(SnapshotIssue) -> Int {
            guard let v = reader.integer(span(c)) else {
                let text = raw(c)
                if text.hasPrefix("-") { throw fail(c, "\(name) is negative (\(text))") }
                if text.contains(".") || text.contains(",") {
                    throw fail(c, "\(name) must be a whole number without thousands separators (found \"\(text)\")")
                }
                throw fail(c, "\(name) is not a whole number (\"\(text)\")")
            }
            return v
        }

        public func date(_ c: Int, _ name: String) throws(SnapshotIssue) -> Day {
            guard let d = reader.date(span(c)) else { throw dateError(c, name) }
            return d
        }

        public func optionalDate(_ c: Int, _ name: String) throws(SnapshotIssue) -> Day? {
            if isEmpty(c) { return nil }
            return try date(c, name)
        }

        func dateError(_ c: Int, _ name: String) -> SnapshotIssue {
            let text = raw(c)
            if text.isEmpty { return fail(c, "\(name) is empty") }
            if text.contains("/") { return fail(c, "\(name) \"\(text)\" is not YYYY-MM-DD (dd/mm/yyyy is not accepted)") }
            if text.allSatisfy({ $0.isNumber }) { return fail(c, "\(name) \"\(text)\" is not YYYY-MM-DD (a spreadsheet serial number?)") }
            return fail(c, "\(name) \"\(text)\" is not a valid YYYY-MM-DD date")
        }

        public func month(_ c: Int) throws(SnapshotIssue) -> Month {
            guard let m = reader.month(span(c)) else { throw fail(c, "month \"\(raw(c))\" is not YYYY-MM") }
            return m
        }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
