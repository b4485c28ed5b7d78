import Foundation
#if !CDSBOARD_FUZZ
import SnapshotKit
#endif

/// Where to look, as one value, independent of the terminal's size: the place, the period,
/// the list (flat or by former district), the focused panel and whether it is expanded, the
/// map or the sites, the sort, and the selected row's unit. One text form serves `--view`,
/// the kiosk playlist and the log:
/// `district:030,period:2026-Q1,panel:bts,expanded,sort:-online_share,select:00793`.
/// Followers of a presenter follow its route, never its keys (what a key does depends on the
/// size of the terminal it is pressed in).
public struct Route: Equatable, Sendable, Codable, CustomStringConvertible {
    /// `province`, or a district's or commune's official code.
    public var place: RoutePlace = .province
    /// The period shown; nil: the latest of the kind shown.
    public var period: Period?
    /// A two-tier province's flat list of communes.
    public var flat = false
    /// The focused panel; nil: the unit table.
    public var panel: String?
    public var expanded = false
    public var map = false
    public var sites = false
    /// Column id and direction; nil: by name, ascending.
    public var sort: RouteSort?
    /// The code of the unit selected in the table.
    public var selected: String?

    public init() {}

    /// The canonical text form (what `parse` reads back to the same route).
    public var description: String {
        var parts: [String] = [place.text]
        if let period { parts.append("period:\(period)") }
        if flat { parts.append("flat") }
        if let panel { parts.append("panel:\(panel)") }
        if expanded { parts.append("expanded") }
        if map { parts.append("map") }
        if sites { parts.append("sites") }
        if let sort { parts.append("sort:" + (sort.descending ? "-" : "") + sort.column) }
        if let selected { parts.append("select:\(selected)") }
        return parts.joined(separator: ",")
    }

    /// What the text form may hold (for messages).
    public static let grammar = "province, district:CODE, commune:CODE, period:2026-Q1|2026-03|2026, flat, panel:NAME, "
        + "expanded, map, sites, sort:[-]COLUMN, select:CODE"

    /// Reads the text form; parts may come in any order, later ones win.
    public static func parse(_ text: String) -> Result<Route, RouteError> {
        var r = Route()
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = raw.trimmingCharacters(in: .whitespaces)
            let kv = part.split(separator: ":", maxSplits: 1).map(String.init)
            let value = kv.count > 1 ? kv[1] : nil
            switch (kv.first ?? "", value) {
            case ("province", nil): r.place = .province
            case ("district", let code?) where isCode(code): r.place = .district(code)
            case ("commune", let code?) where isCode(code): r.place = .commune(code)
            case ("period", let p?):
                guard let period = Period(parsing: p) else { return .failure(RouteError(part: part)) }
                r.period = period
            case ("flat", nil): r.flat = true
            case ("panel", let name?) where isName(name): r.panel = name
            case ("expanded", nil): r.expanded = true
            case ("map", nil): r.map = true
            case ("sites", nil): r.sites = true
            case ("sort", let s?):
                let descending = s.hasPrefix("-")
                let column = descending ? String(s.dropFirst()) : s
                guard isName(column) else { return .failure(RouteError(part: part)) }
                r.sort = RouteSort(column: column, descending: descending)
            case ("select", let code?) where isCode(code): r.selected = code
            default: return .failure(RouteError(part: part))
            }
        }
        return .success(r)
    }

    /// Coded as its text form: one string on the wire, as on the command line.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch Route.parse(text) {
        case .success(let r): self = r
        case .failure(let e): throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: e.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    private static func isCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    private static func isName(_ s: String) -> Bool { isCode(s) }
}

/// A route's place, by official code (so it survives a new snapshot).
public enum RoutePlace: Equatable, Sendable {
    case province
    case district(String)
    case commune(String)

    var text: String {
        switch self {
        case .province: return "province"
        case .district(let c): return "district:\(c)"
        case .commune(let c): return "commune:\(c)"
        }
    }
}

/// A route's sort: a column id of the unit table and its direction.
public struct RouteSort: Equatable, Sendable {
    public var column: String
    public var descending: Bool
    public init(column: String, descending: Bool) { self.column = column; self.descending = descending }
}

/// A part of a route's text that cannot be read.
public struct RouteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let part: String
    public var description: String { "cannot read \"\(part)\" (\(Route.grammar))" }
}

/// Why a route cannot be followed on a snapshot (a place or panel it does not have).
public struct RouteMismatch: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
}
