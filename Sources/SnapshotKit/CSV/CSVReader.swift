import Foundation

/// One field of the current record, as a byte range of the file.
public struct FieldSpan: Sendable {
    public var start: Int
    public var end: Int
    /// The field was quoted and contains a doubled quote that must be unescaped.
    public var hasEscapedQuote: Bool
}

/// An RFC 4180 reader that works on bytes.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a UTF-8 byte-order mark is
/// skipped; CRLF and LF both end a record. A record is a reusable array of `FieldSpan`s, so
/// reading a row allocates nothing; a field becomes a `String` only when a parser keeps it.
public struct CSVReader: Sendable {
    public let buffer: ByteBuffer
    public let file: String
    private var position: Int
    private var nextLine: Int
    /// Byte offset of the next record, and its line number.
    public var offset: Int { position }
    public var upcomingLine: Int { nextLine }
    public var endOffset: Int { end }

    /// Physical line (1-based) on which the current record starts.
    public private(set) var recordLine: Int = 0
    private let end: Int

    public init(buffer: ByteBuffer, file: String, range: Range<Int>? = nil, firstLine: Int = 1, skipBOM: Bool = true) {
        self.buffer = buffer
        self.file = file
        let r = range ?? 0..<buffer.count
        position = r.lowerBound
        end = r.upperBound
        nextLine = firstLine
        if skipBOM, position == 0, end >= 3, buffer.base[0] == 0xEF, buffer.base[1] == 0xBB, buffer.base[2] == 0xBF {
            position = 3
        }
    }

    /// Reads the next record into `fields`. Returns false at the end of the input.
    /// Blank lines are skipped.
    public mutating func next(into fields: inout [FieldSpan]) throws(SnapshotIssue) -> Bool {
        let p = buffer.base
        while true {
            fields.removeAll(keepingCapacity: true)
            guard position < end else { return false }
            recordLine = nextLine
            // Blank line?
            if p[position] == 0x0A { position += 1; nextLine += 1; continue }
            if p[position] == 0x0D {
                position += 1
                if position < end, p[position] == 0x0A { position += 1 }
                nextLine += 1
                continue
            }
            var i = position
            while true {
                if i < end, p[i] == 0x22 { // quoted field
                    let start = i + 1
                    var j = start
                    var escaped = false
                    var closed = false
                    while j < end {
                        let b = p[j]
                        if b == 0x22 {
                            if j + 1 < end, p[j + 1] == 0x22 { escaped = true; j += 2; continue }
                            closed = true
                            break
                        }
                        if b == 0x0A { nextLine += 1 }
                        j += 1
                    }
                    guard closed else {
                        throw SnapshotIssue(file: file, line: recordLine, column: fields.count + 1,
                                            message: "unterminated quoted field (opened here, never closed)")
                    }
                    fields.append(FieldSpan(start: start, end: j, hasEscapedQuote: escaped))
                    i = j + 1
                    guard i < end else { position = end; nextLine += 1; return true }
                    let b = p[i]
                    if b == 0x2C { i += 1; continue }
                    if b == 0x0A { position = i + 1; nextLine += 1; return true }
                    if b == 0x0D {
                        position = i + 1
                        if position < end, p[position] == 0x0A { position += 1 }
                        nextLine += 1
                        return true
                    }
                    throw SnapshotIssue(file: file, line: nextLine, column: fields.count,
                                        message: "unexpected character after closing quote")
                }
                let start = i
                while i < end {
                    let b = p[i]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    if b == 0x22 {
                        throw SnapshotIssue(file: file, line: recordLine, column: fields.count + 1,
                                            message: "quote inside an unquoted field")
                    }
                    i += 1
                }
                fields.append(FieldSpan(start: start, end: i, hasEscapedQuote: false))
                if i >= end { position = end; nextLine += 1; return true }
                let b = p[i]
                if b == 0x2C { i += 1; if i >= end { fields.append(FieldSpan(start: i, end: i, hasEscapedQuote: false)); position = end; nextLine += 1; return true }; continue }
                if b == 0x0A { position = i + 1; nextLine += 1; return true }
                // CR
                position = i + 1
                if position < end, p[position] == 0x0A { position += 1 }
                nextLine += 1
                return true
            }
        }
    }

    /// Reads fields of the current record without holding a reference to the buffer, so
    /// that rows handed to parsers cost no reference counting (which two cores would fight
    /// over).
    public var fieldReader: FieldReader { FieldReader(base: buffer.base, file: file, recordLine: recordLine) }

    public func string(_ f: FieldSpan, column: Int) throws(SnapshotIssue) -> String { try fieldReader.string(f, column: column) }
    public func isEmpty(_ f: FieldSpan) -> Bool { f.end == f.start }
    public func equals(_ f: FieldSpan, _ ascii: StaticString) -> Bool { fieldReader.equals(f, ascii) }
    public func integer(_ f: FieldSpan) -> Int? { fieldReader.integer(f) }
    public func decimal(_ f: FieldSpan) -> Double? { fieldReader.decimal(f) }
    public func date(_ f: FieldSpan) -> Day? { fieldReader.date(f) }
    public func month(_ f: FieldSpan) -> Month? { fieldReader.month(f) }
    public func hash(_ f: FieldSpan) -> UInt64 { fieldReader.hash(f) }
}

/// Typed access to the fields of one record, by byte range. Valid while the file's
/// `ByteBuffer` lives (its owner, the `CSVReader`, outlives every row it hands out).
public struct FieldReader {
    public let base: UnsafeMutablePointer<UInt8>
    public let file: String
    public let recordLine: Int

    /// The field as text; throws on invalid UTF-8.
    public func string(_ f: FieldSpan, column: Int) throws(SnapshotIssue) -> String {
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard let s = String(validating: raw, as: UTF8.self) else {
            throw SnapshotIssue(file: file, line: recordLine, column: column, message: "invalid UTF-8")
        }
        return f.hasEscapedQuote ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    public func isEmpty(_ f: FieldSpan) -> Bool { f.end == f.start }

    /// Compares the field with ASCII text without making a String.
    public func equals(_ f: FieldSpan, _ ascii: StaticString) -> Bool {
        let n = ascii.utf8CodeUnitCount
        guard f.end - f.start == n else { return false }
        let a = ascii.utf8Start
        for k in 0..<n where base[f.start + k] != a[k] { return false }
        return true
    }

    /// A non-negative decimal integer, or nil.
    public func integer(_ f: FieldSpan) -> Int? {
        var i = f.start
        let e = f.end
        guard i < e, e - i <= 18 else { return nil }
        var v = 0
        let p = base
        while i < e {
            let d = Int(p[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v &* 10 &+ d
            i += 1
        }
        return v
    }

    /// A signed decimal number (`-3`, `22.8231`), or nil.
    public func decimal(_ f: FieldSpan) -> Double? {
        guard f.end > f.start, f.end - f.start < 40 else { return nil }
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard let s = String(validating: raw, as: UTF8.self) else { return nil }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(s)
    }

    /// A `YYYY-MM-DD` date as a day number, or nil.
    public func date(_ f: FieldSpan) -> Day? {
        guard f.end - f.start == 10 else { return nil }
        let p = base + f.start
        guard p[4] == 0x2D, p[7] == 0x2D else { return nil }
        guard let y = digits(p, 0, 4), let m = digits(p, 5, 2), let d = digits(p, 8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// A `YYYY-MM` month, or nil.
    public func month(_ f: FieldSpan) -> Month? {
        guard f.end - f.start == 7 else { return nil }
        let p = base + f.start
        guard p[4] == 0x2D, let y = digits(p, 0, 4), let m = digits(p, 5, 2), (1...12).contains(m) else { return nil }
        return Month(year: y, month: m)
    }

    /// Hash of the field's bytes (FNV-1a, 64 bit), for duplicate detection without Strings.
    public func hash(_ f: FieldSpan) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = f.start
        let p = base
        while i < f.end {
            h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3
            i += 1
        }
        return h
    }

    private func digits(_ p: UnsafeMutablePointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        var v = 0
        for k in 0..<n {
            let d = Int(p[at + k]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
