import DashboardTestSupport
import Foundation
import ZIPFoundation

/// Hand-made SpreadsheetML packages (written here with ZIPFoundation, not by a spreadsheet
/// program): for what LibreOffice never writes (inline strings, `t="b"`, the 1904 flag, a formula
/// without its value) and for hostile files. The real-software fixtures are under `Fixtures/`.
enum PackageMaker {
    static var fixtures: String { Fixtures.repositoryRoot() + "/Tests/SnapshotImportTests/Fixtures" }

    static func workbookXML(sheets: [String], date1904: Bool = false) -> String {
        let list = sheets.enumerated().map { "<sheet name=\"\($0.element)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <workbookPr date1904="\(date1904 ? "1" : "0")"/><sheets>\(list)</sheets></workbook>
        """
    }

    static func rels(sheets: Int) -> String {
        let list = (1...sheets).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(list)</Relationships>"
    }

    static func sheetXML(_ rows: String, merges: String = "") -> String {
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>\(merges)</worksheet>"
    }

    /// A package of one or more sheets (their XML), with optional shared strings and styles.
    static func make(sheets: [(name: String, xml: String)], shared: String? = nil, styles: String? = nil, date1904: Bool = false,
                     extra: [(String, Data)] = []) -> URL {
        var parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(workbookXML(sheets: sheets.map(\.name), date1904: date1904).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(rels(sheets: sheets.count).utf8)),
        ]
        for (k, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", Data(s.xml.utf8))) }
        if let shared { parts.append(("xl/sharedStrings.xml", Data(shared.utf8))) }
        if let styles { parts.append(("xl/styles.xml", Data(styles.utf8))) }
        return write(parts + extra)
    }

    /// Writes `parts` (deflated) into a new .xlsx in a scratch directory.
    static func write(_ parts: [(String, Data)], name: String = "made.xlsx") -> URL {
        let url = URL(fileURLWithPath: Fixtures.temporaryDirectory("cdsboard-xlsx") + "/" + name)
        let archive = try! Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return url
    }

    /// A part of `count` bytes produced chunk by chunk (never held whole): `unit` repeated.
    static func writeLarge(path: String, count: Int64, unit: String, head: String = "", tail: String = "",
                           before: [(String, Data)]) -> URL {
        let url = URL(fileURLWithPath: Fixtures.temporaryDirectory("cdsboard-xlsx") + "/large.xlsx")
        let archive = try! Archive(url: url, accessMode: .create)
        for (p, data) in before {
            try! archive.addEntry(with: p, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        let headBytes = Array(head.utf8), tailBytes = Array(tail.utf8), unitBytes = Array(unit.utf8)
        let total = Int64(headBytes.count) + count + Int64(tailBytes.count)
        let h = Int64(headBytes.count)
        // The body, unit after unit, long enough to slice any chunk of it.
        let body = Array([[UInt8]](repeating: unitBytes, count: (2 << 20) / unitBytes.count + 2).joined())
        try! archive.addEntry(with: path, type: .file, uncompressedSize: total, compressionMethod: .deflate, bufferSize: 1 << 20) { pos, size in
            if pos >= h, pos + Int64(size) <= h + count {
                let offset = Int((pos - h) % Int64(unitBytes.count))
                return Data(body[offset..<(offset + size)])
            }
            var out = [UInt8]()
            for p in pos..<(pos + Int64(size)) {
                if p < h { out.append(headBytes[Int(p)]) }
                else if p < h + count { out.append(unitBytes[Int((p - h) % Int64(unitBytes.count))]) }
                else { out.append(tailBytes[Int(p - h - count)]) }
            }
            return Data(out)
        }
        return url
    }
}
