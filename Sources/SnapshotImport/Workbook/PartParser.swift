import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The streaming (SAX) parse every part goes through: Foundation's XMLParser, events only, no
/// tree. A part holding a DTD is refused before parsing (an OOXML part never has one; an entity
/// defined in it could expand without bound), external entities are never resolved, and a
/// handler's refusal stops the parse at once.
class PartParser: NSObject, XMLParserDelegate {
    let file: String
    let part: String
    /// The first refusal of a handler; it stops the parse.
    var failure: ImportError?
    private(set) weak var parser: XMLParser?
    private var depth = 0, sawRoot = false

    init(file: String, part: String) {
        self.file = file
        self.part = part
    }

    /// Parses `data`, calling the element handlers; throws the handlers' refusal, or the XML
    /// parser's error at its line and column.
    func run(_ data: Data) throws(ImportError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw ImportError(file: file, "part \(part) holds a document type declaration, which no workbook part has: refused")
        }
        let p = XMLParser(data: data)
        p.shouldResolveExternalEntities = false
        p.shouldProcessNamespaces = false
        p.delegate = self
        parser = p
        let ok = p.parse()
        if let failure { throw failure }
        // Linux's XMLParser may return true with an error set, and says nothing of a document
        // cut short: both are checked here.
        if !ok || p.parserError != nil {
            let code = p.parserError.map { " (XML error \(($0 as NSError).code))" } ?? ""
            throw ImportError(file: file, "part \(part) is broken XML at line \(p.lineNumber), column \(p.columnNumber)\(code): the file is damaged")
        }
        if depth != 0 || !sawRoot {
            throw ImportError(file: file, "part \(part) is broken XML: it ends with \(depth) element(s) still open (cut short): the file is damaged")
        }
    }

    /// Stops the parse with `error` (the first one is kept).
    func fail(_ error: ImportError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    // The delegate's methods live here, forwarding to the hooks below: on Linux XMLParserDelegate
    // is a Swift protocol whose witnesses are fixed where the class conforms, so a subclass's own
    // delegate methods would never be called.
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        start(Self.local(name), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        end(Self.local(name))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    /// An element opens (local name, attributes as written).
    func start(_ name: Substring, _ attributes: [String: String]) {}
    /// An element closes.
    func end(_ name: Substring) {}
    /// Character data.
    func text(_ string: String) {}

    /// The local name of an element (`x:row` → `row`): some writers prefix the main namespace.
    static func local(_ name: String) -> Substring {
        if let i = name.lastIndex(of: ":") { return name[name.index(after: i)...] }
        return Substring(name)
    }
}
