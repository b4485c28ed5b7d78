import CByteScan

/// `dossiers.csv` read straight from the bytes: the field boundaries of a record come from a
/// SIMD mask of its special bytes (`cds_csv_record`), and only the columns cdsboard keeps are
/// decoded, in place, with no `String`, no row value and no call per field.
///
/// It takes a record only when it can vouch for all of it: every field unquoted or simply
/// quoted (a read column never quoted), one line, the header's field count, and every value
/// valid. Anything else (a doubled quote, a line break in a field, an error, a name not seen
/// yet that cannot be interned, a code the catalogue does not place on the row's date) is left
/// to the general path, `RawRowReader.row`, which checks it and reports its `file:line:column` exactly as
/// before. Both end in `RawRowReader.count`, so the figures are the same either way.
struct FusedDossierScanner: RecordScanner {
    var rows: RawRowReader<DossierParsers.RowSink>
    /// Problems of the rows left to the general path.
    var issues = IssueCollector()
    private let tables: Tables
    /// False when every record goes the general way (see the type's note).
    private let enabled: Bool
    private let fieldCount: UInt32
    /// Bit k: file column k is read (a quoted one goes the general way).
    private let readMask: UInt64
    /// The flag columns the table has (what the general path sets on its first row).
    private let measures: DossierMeasures
    private let firstMonth: Int
    private let monthCount: Int
    private let periodEnd: Day

    /// Buffers sized once per table: field ends, the column map and the window's months.
    private final class Tables {
        let ends: UnsafeMutablePointer<UInt32>
        /// File column of each read column (`TableKind.dossiers.readColumns`' order), -1 when absent.
        let column: UnsafeMutablePointer<Int>
        /// Per month of the date window: its first day's number and its length in days.
        let monthStart: UnsafeMutablePointer<Int>
        let monthDays: UnsafeMutablePointer<Int>
        let columns: Int, fields: Int, months: Int

        init(fields: Int, index: [Int], window: DateWindow, months: Int) {
            self.fields = max(fields, 1)
            columns = index.count
            self.months = months
            ends = .allocate(capacity: self.fields)
            ends.initialize(repeating: 0, count: self.fields)
            column = .allocate(capacity: columns)
            column.initialize(from: index, count: columns)
            monthStart = .allocate(capacity: months)
            monthDays = .allocate(capacity: months)
            for k in 0..<months {
                let m = Month(index: window.first.index + k)
                monthStart[k] = m.firstDay.number
                monthDays[k] = Day.daysIn(year: m.year, month: m.month)
            }
        }

        deinit {
            ends.deallocate()
            column.deallocate()
            monthStart.deallocate()
            monthDays.deallocate()
        }
    }

    /// Months of date window the scanner tabulates at most; a wider window goes the general way.
    static let maximumMonths = 1 << 16

    /// Rows counted here (the others went the general way).
    private(set) var taken = 0

    init(_ rows: RawRowReader<DossierParsers.RowSink>, table: CSVTable, enabled wanted: Bool = true) {
        self.rows = rows
        let window = rows.window
        let months = window.last.index - window.first.index + 1
        let index = table.index
        var mask: UInt64 = 0
        for k in index where k >= 0 && k < 64 { mask |= 1 << UInt64(k) }
        enabled = wanted && months > 0 && months <= Self.maximumMonths
            && index.count == TableKind.dossiers.readColumns.count && index.allSatisfy { $0 < 64 } && table.fieldCount >= 2
        tables = Tables(fields: table.fieldCount, index: index, window: window, months: enabled ? months : 0)
        fieldCount = UInt32(truncatingIfNeeded: table.fieldCount)
        readMask = mask
        var m: DossierMeasures = []
        for (k, f) in DossierMeasures.flags.enumerated() where index[11 + k] >= 0 { m.insert(f) }
        measures = m
        firstMonth = window.first.index
        monthCount = months
        periodEnd = rows.periodEnd
    }

    mutating func row(_ row: inout TableRow) throws(SnapshotIssue) {
        do throws(SnapshotIssue) { try rows.row(&row) } catch { try issues.keep(error, of: row) }
    }

    mutating func scan(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> (offset: Int, records: Int) {
        guard enabled, from < end else { return (from, 0) }
        var cursor = cds_csv_cursor()
        cds_csv_seek(&cursor, base, from, end)
        var at = from
        var records = 0
        let ends = tables.ends
        while at < end {
            var quoted: UInt64 = 0
            let next = cds_csv_record(&cursor, at, fieldCount, ends, &quoted)
            guard next >= 0, quoted & readMask == 0, take(base, at, end) else { break }
            at = next
            records += 1
        }
        taken += records
        return (at, records)
    }

    /// Bytes of read column `c` of the record at `at`.
    @inline(__always)
    private func span(_ c: Int, _ at: Int) -> (start: Int, end: Int) {
        let k = tables.column[c]
        return (k == 0 ? at : Int(tables.ends[k - 1]) &+ 1, Int(tables.ends[k]))
    }

    /// Counts the record at `at` when every value is valid; false (nothing changed but the
    /// names interned, as the general path would have) to leave it to the general path. It
    /// only decodes: whether the values agree is `DossierRule`'s, asked as the row reader asks.
    @inline(__always)
    private mutating func take(_ p: UnsafePointer<UInt8>, _ at: Int, _ limit: Int) -> Bool {
        typealias K = DossierParsers.Keyword
        let id = span(0, at)
        guard DossierParsers.idFault(p + id.start, id.end - id.start) == nil else { return false }
        // Units: a district of three digits or none, a commune of five or none (anything else
        // goes the general way), placed by their date as the row reader places them.
        guard let received = date(p, span(5, at)) else { return false }
        let dc = span(1, at)
        var district = DatedPlacement.Code.empty
        if dc.end > dc.start {
            guard dc.end - dc.start == 3, let n = Self.digits(p + dc.start, 3) else { return false }
            district = .number(n)
        }
        let cc = span(2, at)
        var commune = DatedPlacement.Code.empty
        if cc.end > cc.start {
            guard cc.end - cc.start == 5, let n = Self.digits(p + cc.start, 5) else { return false }
            commune = .number(n)
        }
        guard case .success(let place) = DatedPlacement.place(district: district, commune: commune,
                                                               on: Day(number: received.day), rows.units) else { return false }
        let lw = Self.word(p, span(3, at), limit)
        let level: DossierLevel
        if lw == K.commune { level = .commune } else if lw == K.district { level = .district }
        else if lw == K.province { level = .province } else { return false }
        let fs = span(4, at)
        guard let field = rows.cache.intern(p + fs.start, fs.end - fs.start, &rows.acc) else { return false }
        guard let due = date(p, span(6, at)) else { return false }
        let rs = span(7, at)
        var left: (day: Day, month: Month)? = nil
        if rs.end > rs.start {
            guard let r = date(p, rs) else { return false }
            left = (Day(number: r.day), Month(index: r.month))
        }
        let cw = Self.word(p, span(8, at), limit)
        let channel: Channel
        if cw == K.online { channel = .online } else if cw == K.direct { channel = .direct }
        else if cw == K.postal { channel = .postal } else { return false }
        let ss = span(9, at)
        let sw = Self.word(p, ss, limit)
        let status: DossierStatus
        if sw == K.resolved { status = .resolved }
        else if sw == K.pending { status = .pending }
        else if sw == K.returned { status = .returned }
        else if Self.equals(p, ss, "supplement") { status = .supplement }
        else if Self.equals(p, ss, "withdrawn") { status = .withdrawn }
        else { return false }
        if tables.column[10] >= 0 {
            let pc = span(10, at)
            guard DossierParsers.isProcedureCode(p + pc.start, pc.end - pc.start) else { return false }
        }
        var flags = SIMD8<Int32>()
        for k in 0..<6 where tables.column[11 + k] >= 0 {
            let f = span(11 + k, at)
            let n = f.end - f.start
            if n == 3, p[f.start] == 0x79, p[f.start + 1] == 0x65, p[f.start + 2] == 0x73 { flags[k] = 1 }   // yes
            else if n != 0, !(n == 2 && p[f.start] == 0x6E && p[f.start + 1] == 0x6F) { return false }      // no
        }
        let values = DossierValues(hasCommune: commune != .empty, level: level, received: Day(number: received.day),
                                   due: Day(number: due.day), left: left?.day, channel: channel, status: status,
                                   flags: flags, hasFeeColumn: tables.column[11] >= 0)
        guard DossierRule.firstBroken(values) == nil else { return false }
        if !rows.measured { rows.measured = true; rows.acc.measures.formUnion(measures) }
        let key = DossierKey(month: Month(index: received.month), unit: place.unit, level: level, field: field, channel: channel)
        let hash = rows.ids.see(hash: FieldReader.hash(p + id.start, id.end - id.start))
        rows.count(id: hash, key: key, received: values.received, due: values.due,
                   dueMonth: Month(index: due.month), left: left, status: status, flags: flags)
        return true
    }

    /// A `YYYY-MM-DD` date of the window: its day number and month index, as
    /// `TableRow.dateAndMonth` reads it; nil for anything it would refuse.
    @inline(__always)
    private func date(_ p: UnsafePointer<UInt8>, _ s: (start: Int, end: Int)) -> (day: Int, month: Int)? {
        guard s.end - s.start == 10 else { return nil }
        let q = p + s.start
        guard q[4] == 0x2D, q[7] == 0x2D, let y = Self.digits(q, 4), let mo = Self.digits(q + 5, 2),
              let d = Self.digits(q + 8, 2), mo >= 1, mo <= 12 else { return nil }
        let k = y &* 12 &+ mo &- 1 &- firstMonth
        guard k >= 0, k < monthCount, d >= 1, d <= tables.monthDays[k] else { return nil }
        return (tables.monthStart[k] &+ d &- 1, firstMonth &+ k)
    }

    /// `n` decimal digits as a number; nil when any is not a digit.
    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var v = 0
        for k in 0..<n {
            let d = p[k] &- 0x30
            guard d <= 9 else { return nil }
            v = v &* 10 &+ Int(d)
        }
        return v
    }

    /// `FieldReader.word` of a span: its bytes as a little-endian integer when 1 to 8 long, else 0.
    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>, _ s: (start: Int, end: Int), _ limit: Int) -> UInt64 {
        let n = s.end - s.start
        guard n >= 1, n <= 8, p[s.end - 1] != 0 else { return 0 }   // as FieldReader.word: `pending\0` is no word
        if s.start + 8 <= limit {
            let w = UnsafeRawPointer(p + s.start).loadUnaligned(as: UInt64.self)
            return n == 8 ? w : w & ((1 << (8 * UInt64(n))) - 1)
        }
        var w: UInt64 = 0
        for k in 0..<n { w |= UInt64(p[s.start + k]) << (8 * UInt64(k)) }
        return w
    }

    @inline(__always)
    private static func equals(_ p: UnsafePointer<UInt8>, _ s: (start: Int, end: Int), _ ascii: StaticString) -> Bool {
        s.end - s.start == ascii.utf8CodeUnitCount && memcmp(p + s.start, ascii.utf8Start, ascii.utf8CodeUnitCount) == 0
    }
}
