import SnapshotKit

/// The figures of one unit for the part of a period the data holds, with the same months of
/// the period before and of a year earlier to compare against.
public struct UnitFigures: Sendable {
    /// What the figures come from: a panel that needs more reads it here.
    public let snapshot: Snapshot
    public let unit: AdminUnit
    /// The months the dossier and asset figures cover (a partial period runs to the data's end).
    public let span: Span
    public var period: Period { span.period }
    public let dossiers: DossierTally
    /// Whether the data holds the span's dossiers: when not, `dossiers` is empty, not zero.
    public let dossiersHeld: Bool
    /// nil when the data does not hold the months to compare with.
    public let dossiersPrevious: DossierTally?
    public let dossiersLastYear: DossierTally?
    /// Active sites commissioned by the end of the span (and of the spans compared with).
    public let sites: Int
    public let sitesPrevious: Int
    public let sitesLastYear: Int
    public let bts: BTSTotals
    /// Villages and their coverage: known as of the export only.
    public let villages: VillageTotals
    /// OCOP products (of the district, or of the province) and those listed by the span's end.
    public let ocop: OCOPTotals
    public let ocopListedByEnd: Int
    public let ocopListedByPreviousEnd: Int
    /// Whether the figures known only as of the export (villages, OCOP products) are shown for
    /// an earlier period: then they say "current figures", not history.
    public let stockIsCurrent: Bool
    /// Whether the period reaches into the data at all: one wholly after the data's end has no
    /// asset figures either (today's would be shown as the future's).
    public var assetsHeld: Bool { !span.isEmpty }
    /// The months tourism covers (its data may end earlier than the dossiers').
    public let tourismSpan: Span?
    /// nil below district level (tourism is reported per district) or when the data holds none.
    public let tourism: TourismTally?
    public let tourismPrevious: TourismTally?
    public let tourismLastYear: TourismTally?

    public init(snapshot s: Snapshot, unit index: Int, period: Period) {
        let u = s.units.units[index]
        snapshot = s
        unit = u
        let dataEnd = s.manifest.periodEnd
        let span = Span(period, dataEnd: dataEnd)
        self.span = span
        dossiersHeld = s.dossiers.covers(span)
        dossiers = s.dossiers.total(unit: index, span: span)
        dossiersPrevious = s.dossiers.covers(span.previous) ? s.dossiers.total(unit: index, span: span.previous) : nil
        dossiersLastYear = s.dossiers.covers(span.sameLastYear) ? s.dossiers.total(unit: index, span: span.sameLastYear) : nil
        let ends = [span.endDay, span.previous.endDay, span.sameLastYear.endDay]
        let days = s.activeSiteDays[index]
        sites = Snapshot.count(days, onOrBefore: ends[0])
        sitesPrevious = Snapshot.count(days, onOrBefore: ends[1])
        sitesLastYear = Snapshot.count(days, onOrBefore: ends[2])
        bts = s.bts[index]
        villages = s.villageTotals[index]
        stockIsCurrent = span.endDay < dataEnd
        let ocopUnit = u.level == .commune ? (u.parent ?? 0) : index
        ocop = s.ocop[ocopUnit]
        ocopListedByEnd = Snapshot.count(s.ocopListedDays[ocopUnit], onOrBefore: ends[0])
        ocopListedByPreviousEnd = Snapshot.count(s.ocopListedDays[ocopUnit], onOrBefore: ends[1])
        let tSpan = s.tourism.lastMonth.map { Span(period, dataEnd: $0.lastDay) }
        tourismSpan = tSpan
        if u.level == .commune || tSpan.map({ !s.tourism.covers($0) }) ?? true {
            tourism = nil; tourismPrevious = nil; tourismLastYear = nil
        } else if let t = tSpan {
            tourism = s.tourism.total(unit: index, span: t)
            tourismPrevious = s.tourism.covers(t.previous) ? s.tourism.total(unit: index, span: t.previous) : nil
            tourismLastYear = s.tourism.covers(t.sameLastYear) ? s.tourism.total(unit: index, span: t.sameLastYear) : nil
        } else {
            tourism = nil; tourismPrevious = nil; tourismLastYear = nil
        }
    }

    /// "số liệu trước 01/07/2025 quy đổi theo địa bàn mới" when the span, or one compared with
    /// it, reaches before the catalogue's change: those figures are re-based onto today's units.
    public static func rebasedNote(_ s: Snapshot, _ span: Span, _ t: Strings, _ f: NumberFormat) -> String? {
        guard let change = s.units.change, Month(index: span.sameLastYear.first).firstDay < change.date else { return nil }
        return "\(t[.rebasedBefore]) \(f.date(change.date)) \(t[.rebasedOnto])"
    }

    /// Form 06 for the span; nil when the data does not hold it (or, for statistics, lacks its columns).
    public var form06: Form06? {
        guard dossiersHeld, snapshot.dossiers.measures.contains(.form06) else { return nil }
        return Form06(dossiers, supplementKnown: snapshot.dossiers.has(.supplement, endingAt: span.lastMonth))
    }

    /// On time as form 06 counts it: (resolved before due + on due) ÷ resolved in the span,
    /// whenever received; nil when the data does not hold it or nothing was resolved.
    public var onTimeShare: Double? { form06?.onTimeShare }
    /// In progress and past due at the span's end (form 06 "đang giải quyết quá hạn"); nil when
    /// the data does not hold it.
    public var overdueInProgress: Int? { form06?.inProgressOverdue }
    /// Resolved after the due date during the span (form 06 "đã giải quyết quá hạn").
    public var resolvedLate: Int? { form06?.resolvedLate }

    /// The portal's published 766 score for exactly this period (a month or a quarter), if the
    /// snapshot has it, and the one of the period before (for the change).
    public var official766: Official766? { snapshot.official766[unit.index]?[period] }
    public var official766Previous: Official766? { snapshot.official766[unit.index]?[period.previous] }

    /// The 766 index's parts estimated from the span's dossiers; nil when the data does not hold it.
    public var estimate766: Estimate766? {
        guard dossiersHeld else { return nil }
        return Estimate766(dossiers, form06: form06 ?? Form06(), measures: snapshot.dossiers.measures)
    }

    /// The online share's change in points (0,033 for 3,3 points) against the same months of
    /// the period before or of a year earlier; nil when either side is unknown.
    public func onlineShareChange(yearOnYear: Bool) -> Double? {
        guard dossiersHeld, let now = dossiers.onlineShare,
              let before = (yearOnYear ? dossiersLastYear : dossiersPrevious)?.onlineShare else { return nil }
        return now - before
    }

    /// The on-time share's change in points (form 06's meaning on both sides).
    public func onTimeShareChange(yearOnYear: Bool) -> Double? {
        guard let now = onTimeShare, let t = yearOnYear ? dossiersLastYear : dossiersPrevious,
              let before = Form06.onTimeShare(t, snapshot.dossiers.measures) else { return nil }
        return now - before
    }

    /// Relative change `now / before − 1`; nil when there is nothing to compare with.
    public static func change(_ now: Int, _ before: Int?) -> Double? {
        guard let b = before, b > 0 else { return nil }
        return Double(now) / Double(b) - 1
    }

}

extension Form06 {
    /// Form 06's on-time share: (before due + on due) ÷ resolved; nil when nothing was resolved.
    /// The one meaning of "đúng hạn" on every screen and in every report.
    public var onTimeShare: Double? {
        resolvedTotal > 0 ? Double(resolvedEarly + resolvedOnDue) / Double(resolvedTotal) : nil
    }

    /// The on-time share of any tally (a field's, a level's) by form 06; nil without its columns.
    public static func onTimeShare(_ t: DossierTally, _ m: DossierMeasures) -> Double? {
        m.contains(.form06) ? Form06(t, supplementKnown: false).onTimeShare : nil
    }
}
