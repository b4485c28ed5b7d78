import Foundation

/// Parsers for `dossiers.csv` (raw rows) and `dossier_stats.csv` (statistics).
enum DossierParsers {
    static let rawColumns = ["dossier_id", "district_code", "commune_code", "level", "field", "received_date",
                             "due_date", "resolved_date", "channel", "status"]
    static let statsColumns = ["month", "district_code", "commune_code", "level", "field", "channel", "received",
                               "resolved", "resolved_on_time", "returned", "withdrawn", "pending", "pending_overdue"]

    /// Resolves district and commune codes of a row to the unit the row counts under.
    static func unit(_ row: CSVTable.Row, _ dc: Int, _ cc: Int, _ units: UnitTree,
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

    static func level(_ row: CSVTable.Row, _ c: Int) throws(SnapshotIssue) -> DossierLevel {
        let f = row.span(c)
        if row.reader.equals(f, "commune") { return .commune }
        if row.reader.equals(f, "district") { return .district }
        if row.reader.equals(f, "province") { return .province }
        throw row.fail(c, "unknown level \"\(row.raw(c))\" (expected province, district or commune)")
    }

    static func channel(_ row: CSVTable.Row, _ c: Int) throws(SnapshotIssue) -> Channel {
        let f = row.span(c)
        if row.reader.equals(f, "online") { return .online }
        if row.reader.equals(f, "direct") { return .direct }
        if row.reader.equals(f, "postal") { return .postal }
        throw row.fail(c, "unknown channel \"\(row.raw(c))\" (expected online, direct or postal)")
    }

    /// Interns the `field` column: a short linear cache of the last names seen avoids making
    /// a String per row (exports carry a few dozen distinct fields).
    struct FieldCache {
        var names: [[UInt8]] = []
        var ids: [Int] = []
        mutating func lookup(_ row: CSVTable.Row, _ c: Int, _ acc: inout DossierAccumulator) throws(SnapshotIssue) -> Int {
            let f = row.span(c)
            let n = f.end - f.start
            let p = row.reader.base + f.start
            outer: for (k, name) in names.enumerated() where name.count == n && !f.hasEscapedQuote {
                for i in 0..<n where name[i] != p[i] { continue outer }
                return ids[k]
            }
            let s = try row.string(c).precomposedForm
            guard !s.isEmpty else { throw row.fail(c, "field is empty") }
            let id = acc.field(s)
            if !f.hasEscapedQuote, names.count < 256 {
                names.append(Array(UnsafeBufferPointer(start: p, count: n)))
                ids.append(id)
            }
            return id
        }
    }

    /// What a pass over `dossiers.csv` made.
    struct RawPart {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        var seen: HashSet64
        var duplicates: [(hash: UInt64, line: Int, id: String)] = []
    }

    static func raw(_ dir: String, units: UnitTree, periodEnd: Day, into acc: inout DossierAccumulator,
                    issues: inout IssueCollector) {
        let table: CSVTable
        do { table = try CSVTable(directory: dir, name: "dossiers.csv", columns: rawColumns) } catch {
            issues.add(error); return
        }
        // One pass on one core. Reading two halves on two cores was tried (split at a line
        // break outside quotes, one accumulator per half, merged): on this 2-core machine it
        // gave no gain (1.25 s vs 1.15 s for a million rows), the time going to page faults
        // and memory traffic; see the benchmark issue's note.
        // Exported rows are 150–200 bytes: size the duplicate set once, from the file size.
        var part = RawPart(seen: HashSet64(capacity: table.byteCount / 160))
        var t = table
        parse(&t, units: units, periodEnd: periodEnd, into: &part)
        for e in part.issues.errors { issues.add(e) }
        for w in part.issues.warnings { issues.add(w) }
        acc.merge(part.acc)
        if !part.duplicates.isEmpty {
            reportDuplicates(part.duplicates, column: table.index[0] + 1, directory: dir, &issues)
        }
    }

    static func parse(_ table: inout CSVTable, units: UnitTree, periodEnd: Day, into part: inout RawPart) {
        var cache = FieldCache()
        var acc = part.acc
        var seen = part.seen
        var duplicates = part.duplicates
        table.forEachRow(collecting: &part.issues) { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            if row.isEmpty(0) { throw row.fail(0, "dossier_id is empty") }
            let h = row.reader.hash(row.span(0))
            if !seen.insert(h) {
                // Reported after the pass, with the line of the first occurrence.
                if duplicates.count < IssueCollector.perFileLimit { duplicates.append((h, row.line, row.raw(0))) }
                return
            }
            let (_, unit) = try unit(row, 1, 2, units, communeRequired: false)
            let level = try level(row, 3)
            if level == .commune, row.isEmpty(2) { throw row.fail(2, "commune_code is empty for a commune-level dossier") }
            let field = try cache.lookup(row, 4, &acc)
            let received = try row.date(5, "received_date")
            let due = try row.date(6, "due_date")
            if due < received { throw row.fail(6, "due_date \(due) is before received_date \(received)") }
            let resolvedDate = try row.optionalDate(7, "resolved_date")
            let channel = try channel(row, 8)
            var t = DossierTally()
            t.received = 1
            t.online = channel == .online ? 1 : 0
            let st = row.span(9)
            if row.reader.equals(st, "resolved") {
                guard let r = resolvedDate else { throw row.fail(7, "resolved_date is empty for a resolved dossier") }
                if r < received { throw row.fail(7, "resolved_date \(r) is before received_date \(received)") }
                t.resolved = 1
                t.resolvedOnTime = r <= due ? 1 : 0
            } else if row.reader.equals(st, "pending") {
                t.pending = 1
                t.pendingOverdue = due < periodEnd ? 1 : 0
            } else if row.reader.equals(st, "returned") {
                t.returned = 1
            } else if row.reader.equals(st, "withdrawn") {
                t.withdrawn = 1
            } else {
                throw row.fail(9, "unknown status \"\(row.raw(9))\" (expected pending, resolved, returned or withdrawn)")
            }
            acc.add(DossierKey(month: received.month, unit: unit, level: level, field: field, channel: channel), t)
        }
        part.acc = acc
        part.seen = seen
        part.duplicates = duplicates
    }

    /// A second pass, only when duplicates were found: the line where each ID first appeared.
    static func reportDuplicates(_ dups: [(hash: UInt64, line: Int, id: String)], column: Int, directory: String,
                                 _ issues: inout IssueCollector) {
        var first: [UInt64: Int] = [:]
        let wanted = Set(dups.map(\.hash))
        if var again = try? CSVTable(directory: directory, name: "dossiers.csv", columns: rawColumns) {
            try? again.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
                let h = row.reader.hash(row.span(0))
                if wanted.contains(h), first[h] == nil { first[h] = row.line }
            }
        }
        for d in dups {
            let (line, id) = (d.line, d.id)
            let where_ = first[d.hash].map { " (first on line \($0))" } ?? ""
            issues.add(SnapshotIssue(file: "dossiers.csv", line: line, column: column,
                                     message: "duplicate dossier_id \"\(id)\"\(where_)"))
        }
    }

    static func stats(_ dir: String, units: UnitTree, into acc: inout DossierAccumulator, issues: inout IssueCollector) {
        var table: CSVTable
        do { table = try CSVTable(directory: dir, name: "dossier_stats.csv", columns: statsColumns) } catch {
            issues.add(error); return
        }
        var cache = FieldCache()
        var lines: [DossierKey: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            let month = try row.month(0)
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
            if let first = lines[key] {
                throw row.fail("duplicate row for \(month) / \(row.raw(2).isEmpty ? row.raw(1) : row.raw(2)) / \(level.name) / \(channel.name) (first on line \(first))")
            }
            lines[key] = row.line
            acc.add(key, t)
        }
    }
}
