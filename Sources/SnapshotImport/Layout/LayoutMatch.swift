import Foundation

/// How a layout fits a sheet: where its header is, which column holds each field, or why it does
/// not fit. Found from the headers alone (`--dry-run` prints it).
public struct LayoutMatch: Sendable {
    public var layout: Layout
    public var sheetName: String
    /// The header rows (merged parents above their children).
    public var headerRows: ClosedRange<Int>
    public var unitColumn: Int
    public var codeColumn: Int?
    /// Field → column and the header path it was found under.
    public var columns: [(field: String, column: Int, header: String)]
    /// The row of column numbers "(1) (2) …" under the header, if any (skipped).
    public var numbersRow: Int?
    /// The first row of figures.
    public var firstDataRow: Int

    public func column(of field: String) -> Int? { columns.first { $0.field == field }?.column }

    /// Why a layout does not fit a sheet.
    public struct Miss: Error, Sendable, CustomStringConvertible {
        public var layout: String, sheet: String, reason: String
        public var description: String { "layout \(layout) does not fit sheet \(sheet): \(reason)" }
    }

    /// Every layout's miss over every sheet: what a refusal lists.
    public struct Misses: Error, Sendable {
        public var all: [Miss]
    }

    /// The header paths of a sheet's columns over `rows`: the distinct texts shown from top to
    /// bottom (a merged parent over its children), folded, joined with " / ".
    static func headerPaths(_ sheet: Sheet, rows: ClosedRange<Int>) -> [Int: String] {
        var paths: [Int: String] = [:]
        // Without merged ranges (a CSV, a sheet saved without them) a parent header is written
        // once, over its first child: an empty upper header cell with a child below takes the
        // text to its left.
        let fillRight = sheet.merges.isEmpty
        func text(_ r: Int, _ c: Int) -> String {
            if let v = sheet.shown(row: r, column: c) { return v.text }
            guard fillRight, r < rows.upperBound, sheet[r + 1, c] != nil else { return "" }
            var k = c - 1
            while k >= 1 {
                if let v = sheet[r, k] { return sheet[r + 1, k] != nil ? v.text : "" }
                k -= 1
            }
            return ""
        }
        for c in 1...max(1, sheet.columnCount) {
            var parts: [String] = []
            for r in rows {
                let t = Folding.header(text(r, c))
                if !t.isEmpty, parts.last != t { parts.append(t) }
            }
            if !parts.isEmpty { paths[c] = parts.joined(separator: " / ") }
        }
        return paths
    }

    /// An alias as a folded path (`Nhận giải quyết / Tồn trước` → `nhan giai quyet / ton truoc`);
    /// only " / " with spaces separates parent and child (`Trả lại/Rút` is one header).
    static func foldedAlias(_ alias: String) -> String {
        alias.components(separatedBy: " / ").map { Folding.header($0) }.filter { !$0.isEmpty }.joined(separator: " / ")
    }

    static func pathMatches(_ path: String, _ alias: String) -> Bool {
        path == alias || path.hasSuffix(" / " + alias)
    }

    /// Whether a row is the column numbers "(1) (2) …" (or 1 2 3 …): most of its filled cells are so.
    static func isNumbersRow(_ sheet: Sheet, _ row: Int) -> Bool {
        var numbered = 0, filled = 0
        for c in 1...max(1, sheet.columnCount) {
            guard let v = sheet.shown(row: row, column: c) else { continue }
            filled += 1
            let t = v.text.trimmingCharacters(in: .whitespaces)
            let inner = t.hasPrefix("(") && t.hasSuffix(")") ? String(t.dropFirst().dropLast()) : t
            if Int(inner) == c || (t.hasPrefix("(") && Int(inner) != nil) { numbered += 1 }
        }
        return filled >= 3 && numbered * 4 >= filled * 3
    }

    /// Fits `layout` to `sheet`, or says why not.
    public static func fit(_ layout: Layout, to sheet: Sheet) -> Result<LayoutMatch, Miss> {
        func miss(_ reason: String) -> Result<LayoutMatch, Miss> { .failure(Miss(layout: layout.id, sheet: sheet.name, reason: reason)) }
        let unitAliases = Set(layout.unitAliases.map(foldedAlias))
        var found: CellRef?
        search: for r in 1...max(1, min(sheet.rowCount, 40)) {
            for c in 1...max(1, min(sheet.columnCount, 60)) {
                if let v = sheet[r, c], unitAliases.contains(Folding.header(v.text)) { found = CellRef(row: r, column: c); break search }
            }
        }
        guard let unitCell = found else {
            return miss("no unit-name header (\(layout.unitAliases.map { "\"\($0)\"" }.joined(separator: ", "))) in its first 40 rows")
        }
        // The header is as tall as the unit header's merge, else it goes on while rows below hold
        // header texts and no unit name (at most 4 rows).
        var last = unitCell.row
        if let m = sheet.merges.first(where: { $0.first == unitCell }), m.last.row > m.first.row {
            last = m.last.row
        } else {
            while last < unitCell.row + 3, last < sheet.rowCount, sheet.shown(row: last + 1, column: unitCell.column) == nil,
                  !isNumbersRow(sheet, last + 1),
                  (1...max(1, sheet.columnCount)).contains(where: { if case .text = sheet[last + 1, $0] { return true } else { return false } }) {
                last += 1
            }
        }
        let rows = unitCell.row...last
        let paths = headerPaths(sheet, rows: rows)
        var columns: [(String, Int, String)] = []
        var ambiguous: [String] = []
        for (field, aliases) in layout.fields {
            var chosen: Int?
            for alias in aliases.map(foldedAlias) {
                let hits = paths.filter { pathMatches($0.value, alias) }.map(\.key)
                if hits.count == 1 { chosen = hits[0]; break }
                if hits.count > 1 { ambiguous.append("\(field) (\"\(alias)\" heads columns \(hits.sorted().map(CellRef.columnName).joined(separator: ", ")))") }
            }
            if let chosen { columns.append((field, chosen, paths[chosen]!)) }
        }
        let missing = layout.required.filter { f in !columns.contains { $0.0 == f } }
        if !missing.isEmpty {
            let detail = ambiguous.isEmpty ? "" : "; ambiguous: " + ambiguous.joined(separator: "; ")
            return miss("no column for \(missing.joined(separator: ", "))\(detail)")
        }
        let codeAliases = layout.codeAliases.map(foldedAlias)
        let codeColumn = paths.first { p in p.key != unitCell.column && codeAliases.contains { pathMatches(p.value, $0) } }?.key
        var first = last + 1
        var numbers: Int?
        if first <= sheet.rowCount, isNumbersRow(sheet, first) { numbers = first; first += 1 }
        return .success(LayoutMatch(layout: layout, sheetName: sheet.name, headerRows: rows, unitColumn: unitCell.column,
                                    codeColumn: codeColumn, columns: columns, numbersRow: numbers, firstDataRow: first))
    }
}
