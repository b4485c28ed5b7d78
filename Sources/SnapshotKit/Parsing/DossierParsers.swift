import Foundation

/// Parsers for the dossier tables: one row per dossier (`dossiers.csv`) or statistics
/// (`dossier_stats.csv`).
enum DossierParsers {
    /// Resolves district and commune codes of a row to the unit the row counts under
    /// (`CurrentPlacement` decides; this gives its fault a message).
    static func unit(_ row: TableRow, _ dc: Int, _ cc: Int, _ units: UnitTree,
                     communeRequired: Bool) throws(SnapshotIssue) -> (district: Int, unit: Int) {
        let district = row.span(dc).end - row.span(dc).start == 3 ? row.reader.integer(row.span(dc)) : nil
        var commune: Int? = nil
        if !row.isEmpty(cc) {
            commune = row.span(cc).end - row.span(cc).start == 5 ? row.reader.integer(row.span(cc)) : nil
            if commune == nil, district != nil { commune = -1 }
        }
        let placed = district.map { CurrentPlacement.place(district: $0, commune: commune, units) } ?? .failure(CurrentPlacement.Fault.unknownDistrict)
        switch placed {
        case .success(let p):
            if communeRequired, row.isEmpty(cc) { throw row.fail(cc, "commune_code is empty") }
            return p
        case .failure(.unknownDistrict):
            if row.isEmpty(dc) { throw row.fail(dc, "district_code is empty") }
            throw row.fail(dc, "unknown district_code \"\(row.raw(dc))\" (not in units.json)")
        case .failure(.unknownCommune):
            throw row.fail(cc, "unknown commune_code \"\(row.raw(cc))\" (not in units.json)")
        case .failure(.communeNotInDistrict):
            throw row.fail(cc, "commune \(row.raw(cc)) is not in district \(row.raw(dc))")
        }
    }

    /// Where a row counts, read by its codes and its date: a unit of the current tree or, for
    /// a row dated before the catalogue's change (in the old codes), the links of its old unit.
    struct Placement {
        /// The current tree's district (or grouping) of `unit`, 0 when none.
        var district: Int
        /// The unit the row counts under (a pre-change row: its largest link).
        var unit: Int
        /// A pre-change row: where its figures go, by share; nil for a current row.
        var links: [UnitChange.Link]? = nil
        /// A pre-change row: its old unit.
        var old: UnitChange.Ref? = nil
    }

    /// A code column decoded as `DatedPlacement` takes it: all digits of `length`, or not.
    @inline(__always)
    static func code(_ row: TableRow, _ k: Int, length: Int) -> DatedPlacement.Code {
        if row.isEmpty(k) { return .empty }
        let s = row.span(k)
        guard s.end - s.start == length, let n = row.reader.integer(s) else { return .other }
        return .number(n)
    }

    /// `DatedPlacement.place` of the row's codes, its faults told at their column.
    static func place(_ row: TableRow, _ dc: Int, _ cc: Int, _ units: UnitTree, on day: Day,
                      communeRequired: Bool) throws(SnapshotIssue) -> Placement {
        guard units.twoTier || units.change.map({ day < $0.date }) == true else {
            let (d, u) = try unit(row, dc, cc, units, communeRequired: communeRequired)
            return Placement(district: d, unit: u)
        }
        let placed = DatedPlacement.place(district: code(row, dc, length: 3), commune: code(row, cc, length: 5), on: day,
                                          units, communeRequired: communeRequired)
        switch placed {
        case .success(let p):
            guard let change = units.change, let old = p.old else { return Placement(district: p.district, unit: p.unit) }
            let links = row.isEmpty(cc) ? [UnitChange.Link(unit: p.unit, share: 1)]
                : row.reader.integer(row.span(cc)).flatMap { change.links[$0] } ?? []
            return Placement(district: p.district, unit: p.unit, links: links, old: old)
        case .failure(let f):
            throw fault(f, row, dc, cc, units)
        }
    }

    /// The message of a placement's fault, at its column.
    static func fault(_ f: DatedPlacement.Fault, _ row: TableRow, _ dc: Int, _ cc: Int, _ units: UnitTree) -> SnapshotIssue {
        let date = units.change.map { "\($0.date)" } ?? ""
        switch f {
        case .current(.unknownDistrict):
            if row.isEmpty(dc) { return row.fail(dc, "district_code is empty") }
            return row.fail(dc, "unknown district_code \"\(row.raw(dc))\" (not in units.json)")
        case .current(.unknownCommune):
            return row.fail(cc, "unknown commune_code \"\(row.raw(cc))\" (not in units.json)")
        case .current(.communeNotInDistrict):
            return row.fail(cc, "commune \(row.raw(cc)) is not in district \(row.raw(dc))")
        case .communeRequired:
            return row.fail(cc, "commune_code is empty")
        case .unknownGrouping:
            return row.fail(dc, "unknown district_code \"\(row.raw(dc))\" (\(units.province.shortName) has no districts; "
                            + "leave it empty or give a former district of units.json)")
        case .unknownCommune:
            if let change = units.change, let n = row.reader.integer(row.span(cc)), let links = change.links[n] {
                let to = links.map { units.units[$0.unit].code }.joined(separator: " and ")
                return row.fail(cc, "commune_code \(row.raw(cc)) was merged on \(date) into \(to); a row dated "
                                + "from then on uses the new codes")
            }
            return row.fail(cc, "unknown commune_code \"\(row.raw(cc))\" (not in units.json)")
        case .unknownOldDistrict:
            if row.isEmpty(dc) { return row.fail(dc, "district_code is empty (a row dated before \(date) names its old district)") }
            return row.fail(dc, "unknown district_code \"\(row.raw(dc))\" (not in units_before.json, the catalogue before \(date))")
        case .unknownOldCommune:
            if let n = row.reader.integer(row.span(cc)), let c = units.commune(numericCode: n) {
                return row.fail(cc, "commune_code \(row.raw(cc)) (\(units.units[c].name)) exists only from \(date); "
                                + "a row dated before uses the old codes")
            }
            return row.fail(cc, "unknown commune_code \"\(row.raw(cc))\" (not in units_before.json, the catalogue before \(date))")
        case .oldCommuneNotInDistrict:
            return row.fail(cc, "commune \(row.raw(cc)) was not in district \(row.raw(dc))")
        case .unmappedOldCommune:
            return row.fail(cc, "commune \(row.raw(cc)) has no mapping onto units.json")
        }
    }

    /// The keywords of the dossier files as `FieldReader.word` integers.
    enum Keyword {
        static let commune = FieldReader.word("commune"), district = FieldReader.word("district")
        static let province = FieldReader.word("province")
        static let online = FieldReader.word("online"), direct = FieldReader.word("direct"), postal = FieldReader.word("postal")
        static let resolved = FieldReader.word("resolved"), pending = FieldReader.word("pending")
        static let returned = FieldReader.word("returned")
        static let yes = FieldReader.word("yes"), no = FieldReader.word("no")
    }

    /// The flag columns present, from column `first` on (`TableKind.flagColumns`' order).
    static func flagMeasures(_ row: TableRow, from first: Int) -> DossierMeasures {
        var m: DossierMeasures = []
        for (k, f) in DossierMeasures.flags.enumerated() where row.has(first + k) { m.insert(f) }
        return m
    }

    /// The yes/no flags of one dossier (empty: no) as 0 or 1; how they agree with the status
    /// and the channel is `DossierRule`'s.
    static func flags(_ row: TableRow, from first: Int) throws(SnapshotIssue) -> SIMD8<Int32> {
        var v = SIMD8<Int32>()             // no allocation per row
        for k in 0..<6 where row.has(first + k) {
            let f = row.span(first + k)
            if f.end == f.start { continue }
            let w = row.reader.word(f)
            if w == Keyword.yes { v[k] = 1 } else if w != Keyword.no {
                throw row.fail(first + k, "\(TableKind.flagColumns[k]) \"\(row.raw(first + k))\" must be yes, no or empty")
            }
        }
        return v
    }

    @inline(__always)
    static func status(_ row: TableRow, _ c: Int) throws(SnapshotIssue) -> DossierStatus {
        let st = row.span(c)
        let w = row.reader.word(st)
        if w == Keyword.resolved { return .resolved }
        if w == Keyword.pending { return .pending }
        if w == Keyword.returned { return .returned }
        if row.reader.equals(st, "supplement") { return .supplement }
        if row.reader.equals(st, "withdrawn") { return .withdrawn }
        throw row.fail(c, "unknown status \"\(row.raw(c))\" (expected pending, supplement, resolved, returned or withdrawn)")
    }

    /// A procedure code as the national catalogue writes them (`1.001234`, `2.002156.000.00.00.H12`):
    /// up to 40 letters, digits, dots, dashes and underscores; empty when unknown.
    static func procedureCode(_ row: TableRow, _ c: Int) throws(SnapshotIssue) {
        let f = row.span(c)
        if f.hasEscapedQuote || !isProcedureCode(row.reader.base + f.start, f.end - f.start) { throw row.fail(c, "procedure_code \"\(row.raw(c))\" is not a procedure code (letters, digits and dots)") }
    }

    /// Up to 40 letters, digits, dots, dashes and underscores (both dossier paths ask this).
    @inline(__always)
    static func isProcedureCode(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n <= 40 else { return false }
        for i in 0..<n {
            let b = p[i]
            if !((b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b == 46 || b == 45 || b == 95) { return false }
        }
        return true
    }

    @inline(__always)
    static func level(_ row: TableRow, _ c: Int) throws(SnapshotIssue) -> DossierLevel {
        let w = row.reader.word(row.span(c))
        if w == Keyword.commune { return .commune }
        if w == Keyword.district { return .district }
        if w == Keyword.province { return .province }
        throw row.fail(c, "unknown level \"\(row.raw(c))\" (expected province, district or commune)")
    }

    @inline(__always)
    static func channel(_ row: TableRow, _ c: Int) throws(SnapshotIssue) -> Channel {
        let w = row.reader.word(row.span(c))
        if w == Keyword.online { return .online }
        if w == Keyword.direct { return .direct }
        if w == Keyword.postal { return .postal }
        throw row.fail(c, "unknown channel \"\(row.raw(c))\" (expected online, direct or postal)")
    }

    /// Interns the `field` column: a cache of the names seen, by their bytes, avoids making a
    /// String per row (exports carry a few dozen distinct fields).
    struct FieldCache {
        var names: [[UInt8]] = []
        var ids: [Int] = []
        /// Index in `names` by the low bits of the bytes' hash (-1: none), checked against the bytes.
        private var memo = [Int32](repeating: -1, count: 256)

        mutating func lookup(_ row: TableRow, _ c: Int, _ acc: inout DossierAccumulator) throws(SnapshotIssue) -> Int {
            let f = row.span(c)
            let p = row.reader.base + f.start
            if !f.hasEscapedQuote, let id = find(p, f.end - f.start) { return id }
            let s = try row.string(c).precomposedForm
            guard !s.isEmpty else { throw row.fail(c, "field is empty") }
            if let b = ControlBytes.first(p, f.end - f.start) {
                throw row.fail(c, "field holds the control character \(ControlBytes.name(b))")
            }
            // Keys hold a field in 16 bits; real exports have a few dozen.
            guard acc.fields.count < DossierAccumulator.maximumFields else {
                throw row.fail(c, "more than \(DossierAccumulator.maximumFields) distinct fields: is this the field column?")
            }
            let id = acc.field(s)
            if !f.hasEscapedQuote { remember(p, f.end - f.start, id) }
            return id
        }

        /// `lookup` for the unquoted bytes `p[0..<n]`, without a row: nil when the name would be
        /// refused (invalid UTF-8, empty, one field too many), which `lookup` then reports.
        @inline(__always)
        mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, _ acc: inout DossierAccumulator) -> Int? {
            if let id = find(p, n) { return id }
            guard ControlBytes.first(p, n) == nil, let s = String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)?.precomposedForm,
                  !s.isEmpty, acc.fields.count < DossierAccumulator.maximumFields else { return nil }
            let id = acc.field(s)
            remember(p, n, id)
            return id
        }

        /// The id of the name whose bytes are `p[0..<n]`, if seen.
        @inline(__always)
        mutating func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
            let slot = Int(truncatingIfNeeded: FieldReader.hash(p, n) & 255)
            let k = Int(memo[slot])
            if k >= 0, Self.same(names[k], p, n) { return ids[k] }
            for (k, name) in names.enumerated() where Self.same(name, p, n) {
                memo[slot] = Int32(k)
                return ids[k]
            }
            return nil
        }

        private mutating func remember(_ p: UnsafePointer<UInt8>, _ n: Int, _ id: Int) {
            guard names.count < 256 else { return }
            names.append(Array(UnsafeBufferPointer(start: p, count: n)))
            ids.append(id)
        }

        @inline(__always)
        private static func same(_ name: [UInt8], _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            name.count == n && name.withUnsafeBufferPointer { memcmp($0.baseAddress!, p, n) == 0 }
        }
    }

    /// `history`: per old province of the catalogue's change, the pre-change rows in the old units.
    static func stats(_ table: inout some SnapshotTable, _ ctx: RowContext, into acc: inout DossierAccumulator,
                      issues: inout IssueCollector) {
        var none: [DossierAccumulator] = []
        stats(&table, ctx, into: &acc, history: &none, issues: &issues)
    }

    static func stats(_ table: inout some SnapshotTable, _ ctx: RowContext, into acc: inout DossierAccumulator,
                      history: inout [DossierAccumulator], issues: inout IssueCollector) {
        let units = ctx.units
        var cache = FieldCache()
        var lines: [UInt64: Int] = [:]
        var measured = false
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            if !measured {
                measured = true
                acc.measures.formUnion(flagMeasures(row, from: 21))
                if row.has(13) { acc.measures.insert(.form06) }
                if row.has(20) { acc.measures.insert(.supplement) }
            }
            let month = try row.month(0, in: ctx.window)
            let place = try place(row, 1, 2, units, on: month.firstDay, communeRequired: false)
            let unit = place.unit
            let level = try level(row, 3)
            if level == .commune, row.isEmpty(2) { throw row.fail(2, "commune_code is empty for commune-level dossiers") }
            let field = try cache.lookup(row, 4, &acc)
            let channel = try channel(row, 5)
            var t = DossierTally()
            t.received = try row.count(6, "received")
            t.resolved = try row.count(7, "resolved")
            t.resolvedOnTime = try row.count(8, "resolved_on_time")
            t.returned = try row.count(9, "returned")
            t.withdrawn = try row.count(10, "withdrawn")
            t.pending = try row.count(11, "pending")
            t.pendingOverdue = try row.count(12, "pending_overdue")
            t.online = channel == .online ? t.received : 0
            if t.resolvedOnTime > t.resolved {
                throw row.fail(8, "resolved_on_time (\(t.resolvedOnTime)) is greater than resolved (\(t.resolved))")
            }
            if t.pendingOverdue > t.pending {
                throw row.fail(12, "pending_overdue (\(t.pendingOverdue)) is greater than pending (\(t.pending))")
            }
            let outcomes = t.resolved + t.returned + t.withdrawn + t.pending
            if outcomes > t.received {
                throw row.fail(6, "received (\(t.received)) is less than resolved + returned + withdrawn + pending (\(outcomes))")
            }
            if row.has(13) { try form06(row, from: 13, &t) }
            if row.has(20) {
                t.supplementEnd = try row.count(20, "supplement")
                if row.has(13), t.supplementEnd > t.openEnd {
                    throw row.fail(20, "supplement (\(t.supplementEnd)) is greater than the dossiers in progress at the month's end (\(t.openEnd))")
                }
            }
            try flagCounts(row, from: 21, channel, &t)
            var key = DossierKey(month: month, unit: unit, level: level, field: field, channel: channel)
            // A pre-change row is told apart by its old unit: two old communes share a new one.
            var seenKey = DossierAccumulator.pack(key)
            if let old = place.old {
                var k = key
                k.unit = old.index
                seenKey = DossierAccumulator.pack(k) | UInt64(old.tree + 1) << 58
            }
            if let first = lines[seenKey] {
                throw row.fail("duplicate row for \(month) / \(row.raw(2).isEmpty ? row.raw(1) : row.raw(2)) / \(level.name) / \(channel.name) (first on line \(first))")
            }
            lines[seenKey] = row.line
            if let links = place.links, links.count > 1 {
                for (l, part) in zip(links, UnitChange.split(t, links.map(\.share))) {
                    key.unit = l.unit
                    acc.add(key, part)
                }
            } else {
                acc.add(key, t)
            }
            if let old = place.old, history.indices.contains(old.tree) {
                let name = acc.fields[field]
                history[old.tree].add(DossierKey(month: month, unit: old.index, level: level,
                                                 field: history[old.tree].field(name), channel: channel), t)
            }
        }
    }

    /// Form 06's columns of a statistics row (`TableKind.form06Columns`, from `first`): they come together.
    static func form06(_ row: TableRow, from first: Int, _ t: inout DossierTally) throws(SnapshotIssue) {
        let names = TableKind.form06Columns
        if let k = (0..<names.count).first(where: { !row.has(first + $0) }) {
            throw row.fail("column \(names[k]) is missing: the form 06 columns (\(names.joined(separator: ", "))) come together")
        }
        var v: [Int] = []
        for k in 0..<names.count { v.append(try row.count(first + k, names[k])) }
        t.openStart = v[0]; t.doneEarly = v[1]; t.doneOnDue = v[2]; t.doneLate = v[3]; t.doneReturned = v[4]; t.doneWithdrawn = v[5]
        let left = v[1] + v[2] + v[3] + v[4] + v[5]
        t.openEnd = v[0] + t.received - left
        if t.openEnd < 0 {
            throw row.fail(first, "carried_over + received (\(v[0] + t.received)) is less than those resolved, returned and withdrawn in the month (\(left))")
        }
        t.overdueEnd = v[6]
        if t.overdueEnd > t.openEnd {
            throw row.fail(first + 6, "pending_end_overdue (\(v[6])) is greater than the dossiers in progress at the month's end (\(t.openEnd))")
        }
    }

    /// The flag counts of a statistics row (`TableKind.flagColumns`, from `first`), each within what it counts among.
    static func flagCounts(_ row: TableRow, from first: Int, _ channel: Channel, _ t: inout DossierTally) throws(SnapshotIssue) {
        var v = [0, 0, 0, 0, 0, 0]
        for (k, name) in TableKind.flagColumns.enumerated() where row.has(first + k) {
            v[k] = try row.count(first + k, name)
            if v[k] > t.received { throw row.fail(first + k, "\(name) (\(v[k])) is greater than received (\(t.received))") }
        }
        if row.has(first), row.has(first + 1), v[1] > v[0] {
            throw row.fail(first + 1, "paid_online (\(v[1])) is greater than fee_required (\(v[0]))")
        }
        if v[2] > 0, channel != .online { throw row.fail(first + 2, "full_online (\(v[2])) on a row whose channel is not online") }
        if v[4] > t.resolved { throw row.fail(first + 4, "e_result (\(v[4])) is greater than resolved (\(t.resolved))") }
        t.feeRequired = v[0]; t.paidOnline = v[1]; t.fullOnline = v[2]; t.digitized = v[3]; t.eResult = v[4]; t.vneidVerified = v[5]
    }
}
