import Foundation

/// A CSV file read as one sheet of text cells: UTF-8 with or without a byte-order mark, comma
/// or semicolon (Excel in a Vietnamese locale writes semicolons; the delimiter is the one that
/// splits the first lines more often outside quotes), quoted fields with doubled quotes and line
/// breaks (RFC 4180), CRLF or LF. Within the same bounds as a workbook's sheet.
public enum DelimitedSheet {
    public static func read(_ url: URL, file: String? = nil, limits: WorkbookLimits = .standard) throws(ImportError) -> Sheet {
        let file = file ?? url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size, let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: file, "cannot be read (missing, or no permission)")
        }
        if size > limits.maxFileBytes {
            throw ImportError(file: file, "is \(size) bytes, over the bound of \(limits.maxFileBytes) bytes for a report")
        }
        if data.starts(with: FileSignature.ole2) || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError(file: file, "is a workbook, not a CSV file: name it .xlsx (or .xls: save it as .xlsx)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError(file: file, "is UTF-16 text (Excel's \"Unicode Text\"): save it as \"CSV UTF-8 (Comma delimited)\"")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidLine(bytes)
            throw ImportError(file: file, place: "line \(line)", "is not UTF-8 text (a Windows code page or TCVN3/VNI?): save it as \"CSV UTF-8 (Comma delimited)\"")
        }
        let delimiter = Self.delimiter(of: text)
        return try parse(text, delimiter: delimiter, file: file, limits: limits)
    }

    /// `;` when the first 20 lines hold more semicolons than commas outside quotes, else `,`.
    static func delimiter(of text: String) -> Character {
        var commas = 0, semicolons = 0, quoted = false, lines = 0
        for ch in text {
            if ch == "\"" { quoted.toggle() }
            if quoted { continue }
            if ch == "," { commas += 1 } else if ch == ";" { semicolons += 1 } else if ch == "\n" {
                lines += 1
                if lines == 20 { break }
            }
        }
        return semicolons > commas ? ";" : ","
    }

    static func parse(_ text: String, delimiter: Character, file: String, limits: WorkbookLimits) throws(ImportError) -> Sheet {
        var cells: [CellRef: CellValue] = [:]
        var row = 1, column = 1, field = "", quoted = false, wasQuoted = false, quoteLine = 1, line = 1
        func flush() throws(ImportError) {
            if column > limits.maxColumns {
                throw ImportError(file: file, place: "line \(line)", "more than \(limits.maxColumns) columns, the bound of a sheet: not a report")
            }
            if !field.isEmpty { cells[CellRef(row: row, column: column)] = .text(field) }
            field = ""; wasQuoted = false
        }
        var it = text.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? it.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = it.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true; wasQuoted = true; quoteLine = line
            case delimiter:
                try flush(); column += 1
            case "\n", "\r\n", "\r":
                try flush(); row += 1; column = 1; line += 1
                if row > limits.maxRows + 1 {
                    throw ImportError(file: file, place: "line \(line)", "more than \(limits.maxRows) rows, the bound of a sheet: not a report")
                }
            default:
                field.append(ch)
            }
        }
        if quoted { throw ImportError(file: file, place: "line \(quoteLine)", "a quoted field opened here is never closed") }
        try flush()
        if cells.count > limits.maxCells {
            throw ImportError(file: file, "more than \(limits.maxCells) cells holding a value, the bound of a sheet: refused")
        }
        let name = (file as NSString).deletingPathExtension
        return Sheet(name: name, cells: cells)
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var start = 0, line = 1
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            start = i + 1; line += 1
        }
        return line
    }
}
