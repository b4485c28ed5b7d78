import Foundation
import TOMLKit

/// What a report's sheet looks like and what its figures mean, read from a TOML layout file:
/// shipped ones (`ShippedLayouts`), the user's under `$XDG_CONFIG_HOME/cdsboard/layouts/`, or
/// `--layout FILE`. Layouts are data: a vendor's new wording is a new alias, not new code.
///
/// ```toml
/// id = "mot-cua"
/// name = "Thống kê hồ sơ một cửa, cột (1)–(20)"
/// carries = "dossier_totals"                  # the kind of figures (see `Carries`)
/// unit = ["Đơn vị", "Tên đơn vị"]             # the header of the unit-name column
/// code = ["Mã đơn vị"]                        # optional: a column of GSO codes
/// total = ["Tổng số", "Tổng cộng", "Cộng"]    # unit texts of the total row
/// [fields]                                    # field = header aliases, "Parent / Child" (spaces around the slash) for
/// carried_over = ["Nhận giải quyết / Tồn trước", "Từ kỳ trước"]  # merged headers; the end of
/// ```                                         # the header path is enough when it is unique.
public struct Layout: Sendable, Equatable {
    /// The kinds of figures a layout carries.
    public enum Carries: String, Sendable, CaseIterable {
        /// Dossier totals per unit for the report's period (the one-stop statistics, form 06,
        /// the wall screen): no split by channel beyond what the columns give, no field split.
        case dossierTotals = "dossier_totals"
        /// Visitors and revenue per former district (or district) for one month: `tourism.csv`.
        case tourism
        /// The 766 service index as the portal publishes it: six group scores, total, rank
        /// (`5/124`, or a rank column and the count of ranked rows): `index_766.csv`.
        case index766 = "index_766"

        /// Whether the units of a sheet are communes (false: districts, or former districts).
        public var communes: Bool { self != .tourism }
    }

    public var id: String
    public var name: String
    public var carries: Carries
    public var unitAliases: [String]
    public var codeAliases: [String]
    public var totalAliases: [String]
    /// Field → header aliases, in the file's order.
    public var fields: [(field: String, aliases: [String])]
    /// Fields that must all be found for the layout to match a sheet.
    public var required: [String]
    /// Where the layout came from (`shipped`, a path).
    public var source: String

    public static func == (a: Layout, b: Layout) -> Bool {
        a.id == b.id && a.source == b.source && a.fields.map(\.field) == b.fields.map(\.field)
    }

    /// The fields a `Carries` kind may name.
    public static func knownFields(_ c: Carries) -> [String] {
        switch c {
        case .dossierTotals:
            return ["handled", "carried_over", "received", "received_direct", "received_online", "resolved",
                    "resolved_before_due", "resolved_on_due", "resolved_after_due", "returned", "delivered",
                    "not_delivered", "pending", "pending_within_due", "pending_overdue", "supplement", "withdrawn",
                    "on_time_percent", "returned_or_withdrawn"]
        case .tourism:
            return ["domestic_visitors", "international_visitors", "revenue_million_vnd"]
        case .index766:
            return ["transparency", "progress", "online_service", "online_payment", "digitisation", "satisfaction", "total", "rank", "ranked"]
        }
    }

    /// Reads a layout file's text; errors name `source` and the TOML line.
    public static func parse(_ text: String, source: String) throws(ImportError) -> Layout {
        let t: TOMLTable
        do { t = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ImportError(file: source, place: "line \(e.source.begin.line)", "invalid TOML: \(e.description)")
        } catch { throw ImportError(file: source, "invalid TOML") }
        func string(_ key: String) throws(ImportError) -> String {
            guard let s = t[key]?.string, !s.isEmpty else { throw ImportError(file: source, "`\(key)` is missing or not a string") }
            return s
        }
        func strings(_ value: TOMLValueConvertible?, _ key: String) throws(ImportError) -> [String] {
            guard let value else { return [] }
            if let s = value.string { return [s] }
            guard let a = value.array else { throw ImportError(file: source, "`\(key)` is not a list of strings") }
            var out: [String] = []
            for v in a {
                guard let s = v.string else { throw ImportError(file: source, "`\(key)` holds something that is not a string") }
                out.append(s)
            }
            return out
        }
        let carriesText = try string("carries")
        guard let carries = Carries(rawValue: carriesText) else {
            throw ImportError(file: source, "`carries = \"\(carriesText)\"` is not a kind cdsboard imports (\(Carries.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let known = knownFields(carries)
        var fields: [(String, [String])] = []
        guard let table = t["fields"]?.table else { throw ImportError(file: source, "`[fields]` is missing") }
        for key in table.keys {
            guard known.contains(key) else {
                throw ImportError(file: source, "field `\(key)` is not one of \(carries.rawValue)'s: \(known.joined(separator: ", "))")
            }
            let aliases = try strings(table[key], "fields.\(key)")
            if aliases.isEmpty { throw ImportError(file: source, "field `\(key)` has no header alias") }
            fields.append((key, aliases))
        }
        // TOMLKit's keys are not in file order: keep the known order.
        fields.sort { known.firstIndex(of: $0.0)! < known.firstIndex(of: $1.0)! }
        let required = try strings(t["required"], "required")
        for r in required where !fields.contains(where: { $0.0 == r }) {
            throw ImportError(file: source, "`required` names `\(r)`, which `[fields]` does not map")
        }
        let unit = try strings(t["unit"], "unit")
        if unit.isEmpty { throw ImportError(file: source, "`unit` (the header of the unit-name column) is missing") }
        return Layout(id: try string("id"), name: try string("name"), carries: carries, unitAliases: unit,
                      codeAliases: try strings(t["code"], "code"), totalAliases: try strings(t["total"], "total"),
                      fields: fields, required: required.isEmpty ? fields.map(\.0) : required, source: source)
    }
}
