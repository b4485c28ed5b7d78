import Foundation

/// Parsers for the dossier tables: one row per dossier (`dossiers.csv`) or statistics
/// (`dossier_stats.csv`).
enum DossierParsers {
    /// Resolves district and commune codes of a row to the unit the row counts under.
    static func unit(_ row: TableRow, _ dc: Int, _ cc: Int, _ units: UnitTree,
                     communeRequired: Bool) throws(SnapshotIssue) -> (district: Int, unit: Int) {
        guard let code = row.reader.integer(row.span(dc)), row.span(dc).end - row.span(dc).start == 3,
              let d = units.district(numericCode: code) else {
            if row.isEmpty(dc) { throw row.fail(dc, "district_code is empty") }
            throw row.fail(dc, "unknown district_code \"\(row.raw(dc))\" (not in units.json)")
        }
        if row.isEmpty(cc) {
            if communeRequired { throw row.fail(cc, "commune_code is empty") }
            return (d, d)
        }
        guard let ccode = row.reader.integer(row.span(cc)), row.span(cc).end - row.span(cc).start == 5,
              let c = units.commune(numericCode: ccode) else {
            throw row.fail(cc, "unknown commune_code \"\(row.raw(cc))\" (not in units.json)")
        }
        guard units.parent(of: c) == d else {
            throw row.fail(cc, "commune \(row.raw(cc)) is not in district \(row.raw(dc))")
        }
        return (d, c)
    }

    /// The keywords of the dossier files as `FieldReader.word` integers.
    enum Keyword {
        static let commune = FieldReader.word("commune"), district = FieldReader.word("district")
        static let province = FieldReader.word("province")
        static let online = FieldReader.word("online"), direct = FieldReader.word("direct"), postal = FieldReader.word("postal")
        static let resolved = FieldReader.word("resolved"), pending = FieldReader.word("pending")
        static let returned = FieldReader.word("returned")
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

    /// Interns the `field` column: a short linear cache of the last names seen avoids making
    /// a String per row (exports carry a few dozen distinct fields).
    struct FieldCache {
        var names: [[UInt8]] = []
        var ids: [Int] = []
        mutating func lookup(_ row: TableRow, _ c: Int, _ acc: inout DossierAccumulator) throws(SnapshotIssue) -> Int {
            let f = row.span(c)
            let n = f.end - f.start
            let p = row.reader.base + f.start
            outer: for (k, name) in names.enumerated() where name.count == n && !f.hasEscapedQuote {
                for i in 0..<n where name[i] != p[i] { continue outer }
                return ids[k]
            }
            let s = try row.string(c).precomposedForm
            guard !s.isEmpty else { throw row.fail(c, "field is empty") }
            // Keys hold a field in 16 bits; real exports have a few dozen.
            guard acc.fields.count < DossierAccumulator.maximumFields else {
                throw row.fail(c, "more than \(DossierAccumulator.maximumFields) distinct fields: is this the field column?")
            }
            let id = acc.field(s)
            if !f.hasEscapedQuote, names.count < 256 {
                names.append(Array(UnsafeBufferPointer(start: p, count: n)))
                ids.append(id)
            }
            return id
        }
    }

    static func stats(_ table: inout some SnapshotTable, _ ctx: RowContext, into acc: inout DossierAccumulator,
                      issues: inout IssueCollector) {
        let units = ctx.units
        var cache = FieldCache()
        var lines: [UInt64: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let month = try row.month(0, in: ctx.window)
            let (_, unit) = try unit(row, 1, 2, units, communeRequired: false)
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
            let key = DossierKey(month: month, unit: unit, level: level, field: field, channel: channel)
            if let first = lines[DossierAccumulator.pack(key)] {
                throw row.fail("duplicate row for \(month) / \(row.raw(2).isEmpty ? row.raw(1) : row.raw(2)) / \(level.name) / \(channel.name) (first on line \(first))")
            }
            lines[DossierAccumulator.pack(key)] = row.line
            acc.add(key, t)
        }
    }
}
