import Foundation

/// One cell's value as a workbook stores it (the cached value of a formula, not the formula).
public enum CellValue: Equatable, Sendable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A number shown with a date format, converted with the workbook's date system.
    case date(SheetDate)
    /// An error value such as `#DIV/0!` or `#REF!`.
    case error(String)
    /// A formula saved without its result (written by a program, never opened in Excel):
    /// there is no figure to read, and nothing is computed here.
    case formulaWithoutValue(String)

    /// The text a header or a name is read from: text as it is, a number without a trailing `.0`.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.description
        case .error(let e): return e
        case .formulaWithoutValue: return ""
        }
    }
}

/// A calendar date (and time of day) from a spreadsheet serial number.
public struct SheetDate: Equatable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    /// Seconds since midnight (rounded to the second).
    public var seconds: Int

    public init(year: Int, month: Int, day: Int, seconds: Int = 0) {
        self.year = year; self.month = month; self.day = day; self.seconds = seconds
    }

    /// `YYYY-MM-DD`, with ` HH:MM:SS` when the time is not midnight.
    public var description: String {
        let d = String(format: "%04d-%02d-%02d", year, month, day)
        guard seconds > 0 else { return d }
        return d + String(format: " %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The date of a serial number: in the 1900 system serial 1 is 1900-01-01 and serial 60 the
    /// 29 February 1900 Lotus invented (kept as 1900-02-29 would not exist: it is refused, nil);
    /// in the 1904 system serial 0 is 1904-01-01. Nil outside 1900 … 9999 or for serial 60.
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var secs = Int(((serial - Double(days)) * 86_400).rounded())
        if secs >= 86_400 { days += 1; secs -= 86_400 }
        let dayNumber: Int  // days since 1970-01-01
        if date1904 {
            dayNumber = days - 24_107  // 1904-01-01 is day −24107 of the Unix epoch
        } else {
            if days == 60 { return nil }
            if days == 0 { return nil }
            dayNumber = days < 60 ? days - 25_568 : days - 25_569
        }
        let (y, m, d) = Self.civil(fromDays: dayNumber)
        guard (1900...9999).contains(y) else { return nil }
        self.init(year: y, month: m, day: d, seconds: secs)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// A cell's place: row and column counted from 1 (A1 is row 1, column 1).
public struct CellRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int, column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }

    /// The largest sheet a spreadsheet program makes: 1.048.576 rows, 16.384 columns (XFD).
    public static let maxRow = 1_048_576, maxColumn = 16_384

    /// `B37`.
    public var description: String { Self.columnName(column) + String(row) }

    /// `A`, `Z`, `AA`, … `XFD`.
    public static func columnName(_ column: Int) -> String {
        var n = column, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// Reads `B37` (also `$B$37`); nil when it is not a reference or lies outside the largest sheet.
    public init?(_ text: Substring) {
        var column = 0, row = 0, i = text.startIndex, letters = 0, digits = 0
        while i < text.endIndex, text[i] == "$" { i = text.index(after: i) }
        while i < text.endIndex, let a = text[i].asciiValue, (65...90).contains(a) || (97...122).contains(a) {
            column = column * 26 + Int((a & 0xDF) - 64); letters += 1
            if letters > 3 { return nil }
            i = text.index(after: i)
        }
        if i < text.endIndex, text[i] == "$" { i = text.index(after: i) }
        while i < text.endIndex, let a = text[i].asciiValue, (48...57).contains(a) {
            row = row * 10 + Int(a - 48); digits += 1
            if digits > 7 { return nil }
            i = text.index(after: i)
        }
        guard i == text.endIndex, letters > 0, digits > 0, (1...Self.maxColumn).contains(column), (1...Self.maxRow).contains(row) else {
            return nil
        }
        self.init(row: row, column: column)
    }

    public static func < (a: CellRef, b: CellRef) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells, such as a merged range `A1:C2`.
public struct CellRange: Equatable, Sendable, CustomStringConvertible {
    public var first: CellRef, last: CellRef
    public init(first: CellRef, last: CellRef) { self.first = first; self.last = last }
    public init?(_ text: Substring) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellRef(parts[0]), let b = CellRef(parts.last!) else { return nil }
        first = CellRef(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellRef(row: max(a.row, b.row), column: max(a.column, b.column))
    }
    public func contains(_ c: CellRef) -> Bool {
        (first.row...last.row).contains(c.row) && (first.column...last.column).contains(c.column)
    }
    public var description: String { "\(first):\(last)" }
}

/// One sheet of a workbook (or a CSV file read as one): its cells by place, and its merged ranges.
public struct Sheet: Sendable {
    public var name: String
    /// Cells that hold a value; an absent cell is empty.
    public var cells: [CellRef: CellValue]
    public var merges: [CellRange]
    /// The last row and column holding a value (0 for an empty sheet).
    public private(set) var rowCount: Int, columnCount: Int

    public init(name: String, cells: [CellRef: CellValue] = [:], merges: [CellRange] = []) {
        self.name = name; self.cells = cells; self.merges = merges
        rowCount = cells.keys.map(\.row).max() ?? 0
        columnCount = cells.keys.map(\.column).max() ?? 0
    }

    /// The value stored at `ref` itself (nil inside a merged range but not at its top-left).
    public subscript(_ ref: CellRef) -> CellValue? { cells[ref] }
    public subscript(row: Int, column: Int) -> CellValue? { cells[CellRef(row: row, column: column)] }

    /// The value shown at `ref`: a merged range shows its top-left cell's value in all its cells
    /// (how a header spanning three columns reads over each of them).
    public func shown(row: Int, column: Int) -> CellValue? {
        let ref = CellRef(row: row, column: column)
        if let v = cells[ref] { return v }
        for m in merges where m.contains(ref) { return cells[m.first] }
        return nil
    }

    /// `Thống kê!B37`: how an error names a cell.
    public func place(_ ref: CellRef) -> String { "\(name)!\(ref)" }
}
