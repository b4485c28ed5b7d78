import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/workbook.xml`: the sheets in their order (name and relationship id) and the date system.
final class WorkbookXMLParser: PartParser {
    private(set) var sheets: [(name: String, relationship: String)] = []
    private(set) var date1904 = false

    init(file: String) { super.init(file: file, part: "xl/workbook.xml") }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        case "sheet":
            let rid = attributes.first { Self.local($0.key) == "id" && $0.key != "sheetId" }?.value
            guard let n = attributes["name"], let rid else {
                return fail(ImportError(file: file, "xl/workbook.xml lists a sheet without a name or a relationship"))
            }
            sheets.append((n, rid))
        default: break
        }
    }
}

/// A `.rels` part: relationship id → target path, and the targets by type (`…/sharedStrings`).
final class RelationshipsParser: PartParser {
    private(set) var targets: [String: String] = [:]
    private(set) var byType: [String: String] = [:]

    override func start(_ name: Substring, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        if let type = attributes["Type"], let last = type.split(separator: "/").last { byType[String(last)] = target }
    }

    /// A target as a package path: `worksheets/sheet1.xml` beside `xl/`, `/xl/…` from the root.
    static func resolve(_ target: String, base: String = "xl/") -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }
}

/// `xl/styles.xml`: which cell styles show a number as a date (built-in formats 14–22 and 45–47,
/// or a custom format with day, month or year codes outside quotes and brackets).
final class StylesParser: PartParser {
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellXfs = false

    init(file: String) { super.init(file: file, part: "xl/styles.xml") }

    /// The style indexes (`s` of a cell) whose format is a date.
    var dateStyles: Set<Int> {
        Set(formatOfStyle.indices.filter { Self.isDate(formatOfStyle[$0], custom: customFormats[formatOfStyle[$0]]) })
    }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            formatOfStyle.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func end(_ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }

    static func isDate(_ id: Int, custom: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code = custom else { return false }
        var quoted = false, bracket = false
        for ch in code.lowercased() {
            switch ch {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "d", "m", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}
