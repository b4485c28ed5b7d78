import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/sharedStrings.xml`: the strings cells of type `s` point at, in order. Rich text runs are
/// joined; phonetic runs (`rPh`) are left out. The declared count and the strings found are both
/// held to `WorkbookLimits.maxSharedStrings`.
final class SharedStringsParser: PartParser {
    private(set) var strings: [String] = []
    private let limit: Int
    private var inItem = false, inText = false, phonetic = 0
    private var current = ""

    init(file: String, limit: Int) {
        self.limit = limit
        super.init(file: file, part: "xl/sharedStrings.xml")
    }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "sst":
            for key in ["uniqueCount", "count"] {
                if let n = attributes[key].flatMap({ Int($0) }), n > limit, key == "uniqueCount" {
                    return fail(ImportError(file: file, "the shared-strings table declares \(n) strings, over the bound of \(limit): refused before reading them"))
                }
            }
        case "si": inItem = true; current = ""
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "si":
            inItem = false
            if strings.count == limit {
                return fail(ImportError(file: file, "the shared-strings table holds more than \(limit) strings, the bound: refused"))
            }
            strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current += string }
    }
}
