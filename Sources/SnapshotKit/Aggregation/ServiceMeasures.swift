/// Form 06 (Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP): the periodic report of
/// administrative-procedure handling, for one unit and span.
///
/// Received = carried over + received in the period (online; direct and postal). Resolved in the
/// period = before due + on due + overdue (by `resolved_date` against `due_date`, whenever
/// received). In progress at the period's end = within due + overdue (due before the end).
/// Returned and withdrawn (wall screens) leave the form's balance:
/// received = resolved + in progress + returned + withdrawn.
public struct Form06: Equatable, Sendable {
    public var carriedOver = 0
    public var receivedOnline = 0
    public var receivedDirectPostal = 0
    public var resolvedEarly = 0
    public var resolvedOnDue = 0
    public var resolvedLate = 0
    public var inProgressWithinDue = 0
    public var inProgressOverdue = 0
    /// Awaiting supplement at the end (in progress too); nil when the data does not say.
    public var supplement: Int?
    public var returned = 0
    public var withdrawn = 0

    public var receivedInPeriod: Int { receivedOnline + receivedDirectPostal }
    public var receivedTotal: Int { carriedOver + receivedInPeriod }
    public var resolvedTotal: Int { resolvedEarly + resolvedOnDue + resolvedLate }
    public var inProgressTotal: Int { inProgressWithinDue + inProgressOverdue }

    /// Form 06 of a span's tally (`DossierCube.total(unit:span:)`).
    public init(_ t: DossierTally, supplementKnown: Bool) {
        carriedOver = t.openStart
        receivedOnline = t.online
        receivedDirectPostal = t.received - t.online
        resolvedEarly = t.doneEarly; resolvedOnDue = t.doneOnDue; resolvedLate = t.doneLate
        inProgressOverdue = t.overdueEnd
        inProgressWithinDue = t.openEnd - t.overdueEnd
        supplement = supplementKnown ? t.supplementEnd : nil
        returned = t.doneReturned; withdrawn = t.doneWithdrawn
    }
    public init() {}
}

/// The parts of the service index of Decision 766/QĐ-TTg (2022) that dossier data can give,
/// as rates and points: an estimate ("ước tính theo công thức 766"), never the portal's score.
///
/// - progress (20 points) = 20 × (resolved before or on due + in progress within due)
///   ÷ (resolved + in progress), form 06's counts for the span;
/// - online service (12 points): 6 × min(1, online received ÷ received ÷ 50%) for the share
///   submitted online, and 6 × the full-process online share (full_online ÷ received);
/// - online payment (6 of its 10 points) = 6 × paid online ÷ with a fee;
/// - digitisation (22 points): the digitised-components share (digitized ÷ received) and the
///   electronic-result share (e_result ÷ resolved) each weigh a third (22/3 points; the third,
///   re-use of digitised data, is not in dossier data). The split in thirds is this program's
///   assumption: the annex's split was not found.
/// A part whose column is missing is nil, and counts neither in `points` nor in `maximum`.
public struct Estimate766: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var rate: Double
        public var points: Double
        public var maximum: Double
    }
    public var progress: Part?
    public var onlineShare: Part?
    public var fullOnline: Part?
    public var payment: Part?
    public var digitized: Part?
    public var eResult: Part?

    /// Every part that could be estimated, in the order above.
    public var parts: [Part] { [progress, onlineShare, fullOnline, payment, digitized, eResult].compactMap { $0 } }
    public var points: Double { parts.reduce(0) { $0 + $1.points } }
    public var maximum: Double { parts.reduce(0) { $0 + $1.maximum } }
    /// The online service group (12): both its parts, or nil.
    public var onlineGroup: Double? { onlineShare.flatMap { a in fullOnline.map { a.points + $0.points } } }
    /// The digitisation group's estimated parts (of 22), or nil when neither is known.
    public var digitisationParts: Double? {
        digitized == nil && eResult == nil ? nil : (digitized?.points ?? 0) + (eResult?.points ?? 0)
    }

    public init(_ t: DossierTally, form06 f: Form06, measures: DossierMeasures) {
        func part(_ n: Int, _ d: Int, _ max: Double) -> Part? {
            d > 0 ? Part(rate: Double(n) / Double(d), points: max * Double(n) / Double(d), maximum: max) : nil
        }
        if measures.contains(.form06) {
            progress = part(f.resolvedEarly + f.resolvedOnDue + f.inProgressWithinDue, f.resolvedTotal + f.inProgressTotal, 20)
        }
        if let s = t.onlineShare { onlineShare = Part(rate: s, points: 6 * min(1, s / 0.5), maximum: 6) }
        if measures.contains(.fullOnline) { fullOnline = part(t.fullOnline, t.received, 6) }
        if measures.contains(.feeRequired), measures.contains(.paidOnline) { payment = part(t.paidOnline, t.feeRequired, 6) }
        if measures.contains(.digitized) { digitized = part(t.digitized, t.received, 22.0 / 3) }
        if measures.contains(.eResult) { eResult = part(t.eResult, t.resolved, 22.0 / 3) }
    }
}
