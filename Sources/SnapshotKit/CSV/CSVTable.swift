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
    public init(directory: String, name: String, columns: [String], optional: [String] = [],
                streamingThreshold: Int = CSVTable.streamingThreshold, window: Int = 8 << 20) throws(SnapshotIssue) {
        let path = directory + "/" + name
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > streamingThreshold {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SnapshotIssue(file: name, line: nil, message: ByteBuffer.describe(errno: errno)) }
            let stream = ChunkStream(fd: fd, file: name, size: Int(st.st_size), window: window)
            try stream.refill(keepingFrom: 0)
            while true {
                var reader = CSVReader(buffer: stream.view, file: name, range: 0..<stream.limit)
                switch try CSVTable.readHeader(&reader) {
                case .fields(let header):
                    try self.init(reader: reader, header: header, columns: columns, optional: optional, byteCount: Int(st.st_size))
                    self.stream = stream
                    return
                case .incomplete(let issue):
                    // The header ran past the window (a quoted line break in it, or blank lines
                    // before it): read on. Both found by fuzzing.
                    guard !stream.eof else { throw issue }
                    try stream.refill(keepingFrom: 0, needMoreThan: stream.filled)
                }
            }
        }
        let buffer: ByteBuffer
        do { buffer = try ByteBuffer(contentsOf: path, displayName: name) } catch let e as SnapshotIssue {
            throw e
        } catch { throw SnapshotIssue(file: name, line: nil, message: "\(error)") }
        try self.init(buffer: buffer, file: name, columns: columns, optional: optional)
    }

    /// A part of the same file as `header`: the records in bytes `range`, which must start at
    /// a record boundary after the header. Line numbers count from 1 at the start of the part;
    /// the caller adds the lines before it. A quoted field still open at the end of the part
    /// is reported as unterminated, which tells the caller the part did not end on a record
    /// boundary.
    public init(directory: String, part range: Range<Int>, of header: CSVTable, window: Int = 2 << 20) throws(SnapshotIssue) {
        let name = header.file
        let fd = open(directory + "/" + name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SnapshotIssue(file: name, line: nil, message: ByteBuffer.describe(errno: errno)) }
        let stream = ChunkStream(fd: fd, file: name, size: header.byteCount, range: range, window: window)
        try stream.refill(keepingFrom: 0)
        reader = CSVReader(buffer: stream.view, file: name, range: 0..<stream.limit, firstLine: 1, skipBOM: false)
        index = header.index
        fieldCount = header.fieldCount
        byteCount = header.byteCount
        self.stream = stream
    }

    /// Byte offset in the file of the first data record (just after the header), for a table
    /// just opened.
    public var dataStart: Int { reader.offset + (stream?.consumedBeforeWindow ?? 0) }

    public init(buffer: ByteBuffer, file: String, columns: [String], optional: [String] = []) throws(SnapshotIssue) {
        var reader = CSVReader(buffer: buffer, file: file)
        switch try CSVTable.readHeader(&reader) {
        case .fields(let header):
            try self.init(reader: reader, header: header, columns: columns, optional: optional, byteCount: buffer.count)
        case .incomplete(let issue): throw issue
        }
    }

    /// The header record, or why the bytes at hand hold none.
    private enum Header {
        case fields([FieldSpan])
        /// More bytes could complete it (a quoted field still open, or no record yet): a
        /// streamed table reads on; at the end of the file, `issue` is the error.
        case incomplete(SnapshotIssue)
    }

    private static func readHeader(_ reader: inout CSVReader) throws(SnapshotIssue) -> Header {
        let file = reader.file
        let b = reader.buffer
        if b.count >= 2, (b.base[0] == 0xFF && b.base[1] == 0xFE) || (b.base[0] == 0xFE && b.base[1] == 0xFF) {
            throw SnapshotIssue(file: file, line: 1, message: "the file is UTF-16; export it as UTF-8")
        }
        if b.count >= 2, b.base[0] == 0 || b.base[1] == 0 {
            throw SnapshotIssue(file: file, line: 1, message: "the file holds NUL bytes: UTF-16 without a byte-order mark, or not text at all")
        }
        var header: [FieldSpan] = []
        do {
            if try reader.next(into: &header) { return .fields(header) }
        } catch {
            if case .unterminatedQuote = error { return .incomplete(error.issue(file: file)) }
            throw error.issue(file: file)
        }
        return .incomplete(SnapshotIssue(file: file, line: 1, message: "empty file: a header row is required"))
    }

    private init(reader: CSVReader, header: [FieldSpan], columns: [String], optional: [String],
                 byteCount: Int) throws(SnapshotIssue) {
        let file = reader.file
        self.byteCount = byteCount
        var names: [String] = []
        for (k, f) in header.enumerated() {
            let name = try reader.string(f, column: k + 1).trimmingASCIIWhitespace().lowercased()
            names.append(name)
        }
        if names.count == 1, columns.count > 1, let only = names.first, only.contains(";") {
            throw SnapshotIssue(file: file, line: 1, message: "header has one column holding ';': the file must be comma-separated")
        }
        let idx = try TableHeader.indexes(of: columns, in: names, file: file, optional: optional)
        self.reader = reader
        self.index = idx
        self.fieldCount = names.count
    }

    /// True when every record of the file (or part) has been read.
    public var finished: Bool { reader.offset >= reader.endOffset && (stream?.eof ?? true) }

    /// Records in the whole file, estimated from the line breaks in what is in memory now
    /// (up to 1 MB of the first window), generously: it sizes the duplicate-ID set.
    public func estimatedRecordCount() -> Int {
        let p = reader.buffer.base
        let from = reader.offset, to = min(reader.endOffset, reader.offset + (1 << 20))
        guard to > from else { return 1024 }
        var breaks = 0
        for i in from..<to where p[i] == 0x0A { breaks += 1 }
        let perRecord = Double(to - from) / Double(max(breaks, 1))
        return Int(Double(byteCount - dataStart) / max(perRecord, 1) * 1.25) + 1024
    }

    /// Byte offsets that cut the data records into `parts` ranges of about equal size, each
    /// cut just after a line break (which a quoted field may contain: see `finished`). The
    /// first is `dataStart`, the last the file size; fewer parts when lines are very long.
    public func cutPoints(directory: String, parts: Int) -> [Int] {
        let start = dataStart
        guard parts > 1, byteCount > start else { return [start, byteCount] }
        let fd = open(directory + "/" + file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [start, byteCount] }
        defer { close(fd) }
        var cuts = [start]
        var probe = [UInt8](repeating: 0, count: 1 << 16)
        for k in 1..<parts {
            let nominal = start + (byteCount - start) / parts * k
            guard nominal > cuts.last! else { continue }
            let n = probe.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(nominal)) }
            guard n > 0, let nl = probe[0..<n].firstIndex(of: 0x0A), nominal + nl + 1 < byteCount else { continue }
            cuts.append(nominal + nl + 1)
        }
        cuts.append(byteCount)
        return cuts
    }

    /// Calls `body` for each data row with the fields of the row; checks the field count.
    public mutating func forEachRow(_ body: (inout Row) throws(SnapshotIssue) -> Void) throws(SnapshotIssue) {
        try withoutActuallyEscaping(body) { (body) throws(SnapshotIssue) in
            var each = EachRow(body: body)
            try forEachRow(scanner: &each)
        }
    }

    /// Every record through `scanner`: each window's bytes to its `scan`, then the record where
    /// it stopped to its `row` (read by the general reader, field count checked), and so on.
    public mutating func forEachRow(scanner: inout some RecordScanner) throws(SnapshotIssue) {
        var fields: [FieldSpan] = []
        fields.reserveCapacity(fieldCount)
        while true {
            let cut = try rows(&fields, &scanner)
            guard let stream, !stream.eof else { return }
            let keep = reader.offset
            let line = cut ? reader.recordLine : reader.upcomingLine
            try stream.refill(keepingFrom: keep, needMoreThan: stream.filled - keep)
            reader = CSVReader(buffer: stream.view, file: reader.file, range: 0..<stream.limit, firstLine: line, skipBOM: false)
        }
    }

    /// Reads the records in memory; true when they end inside a quoted field of a window that
    /// is not the file's last (the record is then read again from the start, in the next window).
    private mutating func rows(_ fields: inout [FieldSpan], _ scanner: inout some RecordScanner) throws(SnapshotIssue) -> Bool {
        // Rows point into these arrays rather than share them: no reference counting per row.
        try index.withUnsafeBufferPointer { (index) throws(SnapshotIssue) -> Bool in
            while true {
                let (offset, records) = scanner.scan(UnsafePointer(reader.buffer.base), from: reader.offset, end: reader.endOffset)
                reader.skip(to: offset, lines: records)
                do throws(CSVSyntaxError) {
                    guard try reader.next(into: &fields) else { return false }
                } catch {
                    if case .unterminatedQuote = error, let stream, !stream.eof { return true }
                    throw error.issue(file: reader.file)
                }
                guard fields.count == fieldCount else {
                    throw SnapshotIssue(file: reader.file, line: reader.recordLine,
                                        message: "expected \(fieldCount) fields, found \(fields.count)")
                }
                let fieldReader = reader.fieldReader
                try fields.withUnsafeBufferPointer { (fields) throws(SnapshotIssue) in
                    var row = Row(reader: fieldReader, fields: fields, index: index)
                    try scanner.row(&row)
                }
            }
        }
    }

    /// One data row: fields are addressed by the position of their column in the `columns`
    /// list given to the table.
    public struct Row {
        public let reader: FieldReader
        /// Valid only inside the `forEachRow` call that made the row.
        let fields: UnsafeBufferPointer<FieldSpan>
        let index: UnsafeBufferPointer<Int>
        public var line: Int { reader.recordLine }
        public var file: String { reader.file }

        public func span(_ c: Int) -> FieldSpan { fields[index[c]] }
        /// Whether the table has column `c` (an optional column may be missing: then `span(c)` must not be read).
        public func has(_ c: Int) -> Bool { c < index.count && index[c] >= 0 }
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
    }
}

extension Substring {
    /// Without leading and trailing white space (Foundation's `trimmingCharacters` cost a
    /// tenth of loading the sample, through NSString).
    func trimmingWhitespace() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
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
