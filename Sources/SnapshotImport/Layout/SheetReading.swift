import Foundation

/// The rows of a sheet read through a fitted layout: one per unit with its figures, the total
/// row, and every row skipped with the reason (nothing is dropped silently).
public struct SheetReading: Sendable {
    /// A row naming a unit (or the total row), with the figures its cells hold; a blank cell is
    /// absent ("not reported"), never 0.
    public struct Row: Sendable, Equatable {
        public var row: Int
        public var name: String
        public var nameCell: CellRef
        public var code: String?
        public var figures: [String: Double]
    }

    public struct Skipped: Sendable, Equatable {
        public var row: Int, text: String, reason: String
    }

    public var match: LayoutMatch
    public var units: [Row]
    public var total: Row?
    public var skipped: [Skipped]

    /// Fields read as any number (percentages, scores); every other field is a count.
    static let percentFields: Set<String> = ["on_time_percent", "transparency", "progress", "online_service", "online_payment",
                                             "digitisation", "satisfaction", "total"]

    /// Reads the rows under the header. A figure that is not a whole non-negative count (or a
    /// formula saved without its value, an error value) refuses the file at its cell.
    public static func read(_ sheet: Sheet, _ match: LayoutMatch, file: String) throws(ImportError) -> SheetReading {
        let totals = Set(match.layout.totalAliases.map(Folding.header))
        var units: [Row] = [], skipped: [Skipped] = [], total: Row?
        let rankColumn = match.column(of: "rank")
        guard match.firstDataRow <= sheet.rowCount else { return SheetReading(match: match, units: [], total: nil, skipped: []) }
        if let n = match.numbersRow { skipped.append(Skipped(row: n, text: "(1) (2) …", reason: "column numbers")) }
        for r in match.firstDataRow...sheet.rowCount {
            let nameCell = CellRef(row: r, column: match.unitColumn)
            let name = Folding.collapse(sheet.shown(row: r, column: match.unitColumn)?.text ?? "")
            var figures: [String: Double] = [:]
            for (field, column, _) in match.columns {
                let ref = CellRef(row: r, column: column)
                guard let v = sheet[ref] else { continue }
                // `ranked` shares the rank's column only as "5/124"; a plain rank leaves it absent.
                if field == "ranked", column == rankColumn {
                    guard case .text(let t) = v, t.contains("/") else { continue }
                }
                if let n = try figure(v, field: field, at: sheet.place(ref), file: file) { figures[field] = n }
            }
            let code = match.codeColumn.flatMap { sheet[r, $0]?.text }.map(Folding.collapse).flatMap { $0.isEmpty ? nil : $0 }
            let row = Row(row: r, name: name, nameCell: nameCell, code: code, figures: figures)
            if name.isEmpty {
                if figures.isEmpty { continue }
                if total == nil, r == sheet.rowCount || units.count > 0, Self.restIsEmpty(sheet, after: r, match) {
                    total = row  // a total row whose label sits in a merged STT cell
                    continue
                }
                throw ImportError(file: file, place: sheet.place(nameCell), "figures without a unit name")
            }
            if totals.contains(Folding.header(name)) {
                if total != nil { throw ImportError(file: file, place: sheet.place(nameCell), "a second total row") }
                total = row
                continue
            }
            if figures.isEmpty {
                skipped.append(Skipped(row: r, text: name, reason: "group heading (no figures)"))
                continue
            }
            units.append(row)
        }
        return SheetReading(match: match, units: units, total: total, skipped: skipped)
    }

    static func restIsEmpty(_ sheet: Sheet, after r: Int, _ match: LayoutMatch) -> Bool {
        guard r < sheet.rowCount else { return true }
        for rr in (r + 1)...sheet.rowCount where sheet.shown(row: rr, column: match.unitColumn) != nil { return false }
        return true
    }

    /// A cell's figure: nil when blank ("—", empty); an error when it is not a figure.
    static func figure(_ v: CellValue, field: String, at place: String, file: String) throws(ImportError) -> Double? {
        let percent = percentFields.contains(field)
        let value: Double
        switch v {
        case .number(let d): value = d
        case .text(let t) where (field == "rank" || field == "ranked") && t.contains("/"):
            // "5/124": the rank, and how many were ranked.
            let parts = t.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
                throw ImportError(file: file, place: place, "\"\(t.prefix(40))\" is not a rank such as 5/124 (\(field))")
            }
            value = Double(field == "rank" ? a : b)
        case .text(let t):
            if VietnameseNumber.isBlank(t) { return nil }
            guard let n = VietnameseNumber(t) else {
                throw ImportError(file: file, place: place, "\"\(t.prefix(40))\" is not a number (\(field))")
            }
            value = n.value
        case .formulaWithoutValue(let f):
            throw ImportError(file: file, place: place, "a formula (=\(f.prefix(40))) saved without its value: open the file in Excel or LibreOffice and save it, so that the values are stored")
        case .error(let e):
            throw ImportError(file: file, place: place, "an error value \(e) where \(field) should be: correct the sheet")
        case .bool, .date:
            throw ImportError(file: file, place: place, "\(v.text) is not a count (\(field))")
        }
        if percent { return value }
        guard value >= 0, value == value.rounded(), value <= 1_000_000_000 else {
            throw ImportError(file: file, place: place, "\(v.text) is not a whole count of 0 … 1.000.000.000 (\(field))")
        }
        return value
    }
}
