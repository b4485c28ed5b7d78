/// What a dossier's status column may say.
enum DossierStatus { case pending, supplement, resolved, returned, withdrawn }

/// A `dossiers.csv` row decoded, by the fused scanner or by the row reader, but not yet judged:
/// each value is well formed (a known word, a date of the window, a code of the catalogue); whether
/// they agree with each other is `DossierRule`'s to say.
struct DossierValues {
    /// The row names a commune (its `commune_code` is not empty).
    var hasCommune: Bool
    var level: DossierLevel
    var received: Day
    var due: Day
    /// The resolved date, when the column is not empty.
    var left: Day?
    var channel: Channel
    var status: DossierStatus
    /// The yes/no columns as 0 or 1, in `TableKind.flagColumns`' order.
    var flags: SIMD8<Int32>
    /// The table has the `fee_required` column (without it, paid_online is not checked against it).
    var hasFeeColumn: Bool
}

/// The rules a dossier's values must keep together: the only place they are written. The row
/// reader reports the first broken one at its `file:line:column`; the fused scanner, which
/// never reports, leaves any row that breaks one to the row reader. So the two paths cannot
/// disagree on what they accept, only on how fast (issue 25, and the review's d.1).
enum DossierRule: CaseIterable {
    case communeLevelNeedsCommune
    case dueBeforeReceived
    case resolvedBeforeReceived
    case resolvedNeedsDate
    case paidOnlineNeedsFee
    case fullOnlineNeedsOnline
    case eResultNeedsResolved

    /// The first rule `v` breaks, in the order of the columns they are reported on.
    @inline(__always)
    static func firstBroken(_ v: DossierValues) -> DossierRule? {
        if v.level == .commune, !v.hasCommune { return .communeLevelNeedsCommune }
        if v.due < v.received { return .dueBeforeReceived }
        if let r = v.left, r < v.received { return .resolvedBeforeReceived }
        if v.status == .resolved, v.left == nil { return .resolvedNeedsDate }
        if v.flags[1] == 1, v.hasFeeColumn, v.flags[0] == 0 { return .paidOnlineNeedsFee }
        if v.flags[2] == 1, v.channel != .online { return .fullOnlineNeedsOnline }
        if v.flags[4] == 1, v.status != .resolved { return .eResultNeedsResolved }
        return nil
    }

    /// The read column (`TableKind.dossiers.readColumns`' order) the problem is reported on.
    var column: Int {
        switch self {
        case .communeLevelNeedsCommune: return 2
        case .dueBeforeReceived: return 6
        case .resolvedBeforeReceived, .resolvedNeedsDate: return 7
        case .paidOnlineNeedsFee: return 12
        case .fullOnlineNeedsOnline: return 13
        case .eResultNeedsResolved: return 15
        }
    }

    func message(_ v: DossierValues) -> String {
        switch self {
        case .communeLevelNeedsCommune: return "commune_code is empty for a commune-level dossier"
        case .dueBeforeReceived: return "due_date \(v.due) is before received_date \(v.received)"
        case .resolvedBeforeReceived: return "resolved_date \(v.left ?? v.received) is before received_date \(v.received)"
        case .resolvedNeedsDate: return "resolved_date is empty for a resolved dossier"
        case .paidOnlineNeedsFee: return "paid_online is yes for a dossier without fee_required"
        case .fullOnlineNeedsOnline: return "full_online is yes for a dossier not submitted online"
        case .eResultNeedsResolved: return "e_result is yes for a dossier that is not resolved"
        }
    }
}

/// Where a dossier of a catalogue without a dated change counts, from its codes as numbers:
/// the one decision both dossier paths take (the row reader turns a fault into its message).
enum CurrentPlacement {
    enum Fault: Error { case unknownDistrict, unknownCommune, communeNotInDistrict }

    /// The district and the unit (the commune when given, else the district).
    @inline(__always)
    static func place(district code: Int, commune: Int?, _ units: UnitTree) -> Result<(district: Int, unit: Int), Fault> {
        guard let d = units.district(numericCode: code) else { return .failure(.unknownDistrict) }
        guard let commune else { return .success((d, d)) }
        guard let c = units.commune(numericCode: commune) else { return .failure(.unknownCommune) }
        guard units.parent(of: c) == d else { return .failure(.communeNotInDistrict) }
        return .success((d, c))
    }
}

/// Bytes no data field may hold: C0 controls and DEL (a NUL once passed as the end of a word).
enum ControlBytes {
    /// The first control byte of `p[0..<n]`, eight bytes at a time.
    @inline(__always)
    static func first(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8? {
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let del = x ^ 0x7F7F_7F7F_7F7F_7F7F
            // A byte below 0x20, or a byte equal to 0x7F, sets its lane's top bit (exact for existence).
            if (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 != 0
                || (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b < 0x20 || b == 0x7F { return b }
            i += 1
        }
        return nil
    }

    /// How a message names the byte: `U+0000`.
    static func name(_ b: UInt8) -> String {
        let hex = String(b, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
