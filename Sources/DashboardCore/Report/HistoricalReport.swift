import Foundation
import SnapshotKit

/// `report --structure historical`: the dossier figures of a period before the catalogue's
/// change by the old provinces, districts and communes, exactly as reported then (not
/// re-based), so that a secretary can hold the re-basing against an old report. It is the
/// dashboard's report (every format, form 06, one district) made from each old province's
/// figures as a snapshot of its own: a figure the data does not hold is "—", never 0.
public struct HistoricalReport: Sendable {
    public let report: Report
    /// Whether the old catalogue holds any figure of the period.
    public var hasData: Bool { report.hasData }

    /// Why a historical report cannot be made.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The snapshot carries no change of catalogue with figures before it.
        case noChange
        /// `--district` names no district of the old catalogue.
        case noDistrict(String)

        public var description: String {
            switch self {
            case .noChange:
                return "--structure historical: this snapshot carries no change of units (units_before.json) with statistics before it"
            case .noDistrict(let code):
                return "--district: no district \"\(code.prefix(60))\" in the old catalogue (units_before.json)"
            }
        }
    }

    /// `district`: an old district's code (its communes are listed), else every old province
    /// with its districts and communes.
    public init(snapshot s: Snapshot, period: Period, language: Language, form: Report.Form = .dashboard,
                district: String? = nil, now: Date? = nil, staleAfter: TimeInterval = Staleness.defaultAfter) throws(Refusal) {
        guard let change = s.units.change, !s.history.isEmpty else { throw .noChange }
        var manifest = s.manifest
        manifest.periodEnd = Day(number: change.date.number - 1)
        var places: [(HistoricalProvince, Int)] = s.history.map { ($0, 0) }
        if let district {
            guard let found = s.history.lazy.compactMap({ h in
                h.units.unit(code: district).flatMap { $0.level == .district ? (h, $0.index) : nil }
            }).first else { throw .noDistrict(district) }
            places = [found]
        }
        let parts = places.map { h, unit in
            let old = Snapshot(manifest: manifest, units: h.units, targets: s.targets, dossierForm: .stats, dossiers: h.dossiers,
                               btsSites: [], villages: [], ocopProducts: [], tourismRows: [], warnings: [])
            return Report(snapshot: old, period: period, unit: unit, language: language, panels: PanelRegistry([.dossiers]),
                          form: form, now: now, staleAfter: staleAfter, tree: true)
        }
        let t = Strings(language), f = NumberFormat(language)
        let heading = "\(t[.historicalTitle]) \(f.date(change.date))"
        let form06 = form == .form06 ? t[.form06Title] + " — " : ""
        report = Report(combining: parts, title: "\(form06)\(heading) — \(f.span(parts[0].span))")
    }

    public func rendered(as format: Report.Format, width: Int = 100) -> String { report.rendered(as: format, width: width) }
}
