import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part: its cells (shared and inline strings, numbers, booleans, errors, dates by
/// style, cached formula results) and merged ranges, within the row, column and cell bounds.
final class SheetParser: PartParser {
    let sheetName: String
    private let shared: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private let limits: WorkbookLimits

    private(set) var cells: [CellRef: CellValue] = [:]
    private(set) var merges: [CellRange] = []

    private var row = 0, column = 0
    private var type = "n", style = 0
    private var value: String?, formula: String?, inline: String?
    private var capture: Capture = .none
    private var inInline = false, phonetic = 0
    private enum Capture { case none, value, formula, inlineText }

    init(file: String, part: String, sheetName: String, shared: [String], dateStyles: Set<Int>, date1904: Bool, limits: WorkbookLimits) {
        self.sheetName = sheetName
        self.shared = shared
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.limits = limits
        super.init(file: file, part: part)
    }

    private func failAt(_ ref: CellRef?, _ message: String) {
        fail(ImportError(file: file, place: ref.map { "\(sheetName)!\($0)" } ?? sheetName, message))
    }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "row":
            if let r = attributes["r"] {
                guard let n = Int(r), (1...CellRef.maxRow).contains(n) else {
                    return failAt(nil, "row number \"\(r.prefix(20))\" is out of range (1 … \(CellRef.maxRow))")
                }
                row = n
            } else {
                row += 1
            }
            if row > limits.maxRows {
                return failAt(nil, "more than \(limits.maxRows) rows (row \(row)), the bound of a sheet: not a report")
            }
            column = 0
        case "c":
            if let r = attributes["r"] {
                guard let ref = CellRef(Substring(r)) else {
                    return failAt(nil, "cell reference \"\(r.prefix(20))\" is out of range (A1 … XFD1048576) or malformed")
                }
                if ref.row != row, row > 0 {
                    return failAt(ref, "cell reference \(ref) lies outside its row \(row)")
                }
                row = ref.row; column = ref.column
            } else {
                column += 1
            }
            if column > limits.maxColumns {
                return failAt(CellRef(row: row, column: min(column, CellRef.maxColumn)), "more than \(limits.maxColumns) columns, the bound of a sheet: not a report")
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil; formula = nil; inline = nil
        case "v": capture = .value; value = value ?? ""
        case "f": capture = .formula; formula = formula ?? ""
        case "is": inInline = true; inline = inline ?? ""
        case "rPh": phonetic += 1
        case "t" where inInline && phonetic == 0: capture = .inlineText
        case "mergeCell":
            guard let text = attributes["ref"], let range = CellRange(Substring(text)) else {
                return failAt(nil, "merged range \"\(attributes["ref"]?.prefix(30) ?? "")\" is out of range or malformed")
            }
            merges.append(range)
            if merges.count > limits.maxCells { return failAt(nil, "more than \(limits.maxCells) merged ranges: refused") }
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "v", "f": capture = .none
        case "t": if capture == .inlineText { capture = .none }
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c": finishCell()
        default: break
        }
    }

    override func text(_ string: String) {
        switch capture {
        case .value: value! += string
        case .formula: formula! += string
        case .inlineText: inline! += string
        case .none: break
        }
    }

    private func finishCell() {
        let ref = CellRef(row: row, column: column)
        guard let v = cellValue(ref) else { return }
        if cells.count >= limits.maxCells {
            return failAt(ref, "more than \(limits.maxCells) cells holding a value, the bound of a sheet: refused")
        }
        cells[ref] = v
    }

    private func cellValue(_ ref: CellRef) -> CellValue? {
        switch type {
        case "s":
            guard let v = value else { return nil }
            guard let i = Int(v.trimmingCharacters(in: .whitespaces)), shared.indices.contains(i) else {
                failAt(ref, "points at shared string \(v.prefix(20)), which the table (\(shared.count) strings) does not hold")
                return nil
            }
            return .text(shared[i])
        case "inlineStr": return inline.map { .text($0) }
        case "str": return value.map { .text($0) } ?? formula.map { .formulaWithoutValue($0) }
        case "b":
            guard let v = value else { return formula.map { .formulaWithoutValue($0) } }
            return .bool(v.trimmingCharacters(in: .whitespaces) == "1" || v.lowercased() == "true")
        case "e": return value.map { .error($0) }
        case "d":
            guard let v = value else { return nil }
            let p = v.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard p.count == 3 else { failAt(ref, "date \"\(v.prefix(30))\" is not YYYY-MM-DD"); return nil }
            return .date(SheetDate(year: p[0], month: p[1], day: p[2]))
        default:
            guard let v = value, !v.isEmpty else { return formula.map { .formulaWithoutValue($0) } }
            guard let d = Double(v.trimmingCharacters(in: .whitespaces)), d.isFinite else {
                failAt(ref, "number \"\(v.prefix(30))\" cannot be read")
                return nil
            }
            if dateStyles.contains(style), let date = SheetDate(serial: d, date1904: date1904) { return .date(date) }
            return .number(d)
        }
    }
}
