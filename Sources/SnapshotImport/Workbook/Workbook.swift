import Foundation

/// An .xlsx workbook read into its sheets' cell values (Office Open XML, SpreadsheetML): what
/// Excel, LibreOffice and the one-stop systems' "Xuất Excel" write. Formulas are not computed:
/// the value a program saved with them is read, and a formula saved without one says so.
/// `.xls` (BIFF) and password-protected workbooks are refused with what to do.
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    /// Whether dates count from 1904-01-01 (the `date1904` flag of old Mac workbooks).
    public var date1904: Bool

    public init(sheets: [Sheet], date1904: Bool = false) {
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// The sheet named `name` (compared as written, then ignoring case).
    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Reads the workbook at `url`, naming it `file` in errors; within `limits` whatever the file.
    public static func read(_ url: URL, file: String? = nil, limits: WorkbookLimits = .standard) throws(ImportError) -> Workbook {
        let file = file ?? url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else { throw ImportError(file: file, "cannot be read (missing, or no permission)") }
        if size > limits.maxFileBytes {
            throw ImportError(file: file, "is \(size) bytes, over the bound of \(limits.maxFileBytes) bytes for a workbook: not a report")
        }
        let signature = FileSignature.of(url)
        if let refusal = FileSignature.refusal(signature, file: file) { throw refusal }
        let parts = try PackageParts(url: url, file: file, limits: limits)

        guard let workbookXML = try parts.read("xl/workbook.xml") else {
            throw ImportError(file: file, "is a ZIP archive without xl/workbook.xml: not an .xlsx workbook (an .ods or .docx saved under another name?)")
        }
        let wb = WorkbookXMLParser(file: file)
        try wb.run(workbookXML)
        if wb.sheets.count > limits.maxSheets {
            throw ImportError(file: file, "has \(wb.sheets.count) sheets, over the bound of \(limits.maxSheets)")
        }
        let rels = RelationshipsParser(file: file, part: "xl/_rels/workbook.xml.rels")
        if let data = try parts.read("xl/_rels/workbook.xml.rels") { try rels.run(data) }

        var shared: [String] = []
        let sharedPath = rels.byType["sharedStrings"].map { RelationshipsParser.resolve($0) } ?? "xl/sharedStrings.xml"
        if let data = try parts.read(sharedPath) {
            let p = SharedStringsParser(file: file, limit: limits.maxSharedStrings)
            try p.run(data)
            shared = p.strings
        }
        var dateStyles: Set<Int> = []
        let stylesPath = rels.byType["styles"].map { RelationshipsParser.resolve($0) } ?? "xl/styles.xml"
        if let data = try parts.read(stylesPath) {
            let p = StylesParser(file: file)
            try p.run(data)
            dateStyles = p.dateStyles
        }

        var sheets: [Sheet] = []
        for (k, entry) in wb.sheets.enumerated() {
            let path = rels.targets[entry.relationship].map { RelationshipsParser.resolve($0) } ?? "xl/worksheets/sheet\(k + 1).xml"
            guard let data = try parts.read(path) else {
                throw ImportError(file: file, place: entry.name, "its part \(path) is missing from the package")
            }
            if !parts.isWorksheet(path) { continue }  // a chart sheet holds no cells
            let p = SheetParser(file: file, part: path, sheetName: entry.name, shared: shared, dateStyles: dateStyles,
                                date1904: wb.date1904, limits: limits)
            try p.run(data)
            sheets.append(Sheet(name: entry.name, cells: p.cells, merges: p.merges))
        }
        if sheets.isEmpty { throw ImportError(file: file, "has no worksheet") }
        return Workbook(sheets: sheets, date1904: wb.date1904)
    }
}

extension PackageParts {
    /// Chart sheets live under `xl/chartsheets/`.
    func isWorksheet(_ path: String) -> Bool { !path.contains("chartsheets/") }
}
