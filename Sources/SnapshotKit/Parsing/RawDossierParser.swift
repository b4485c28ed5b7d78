import Foundation

/// `dossiers.csv`, one row per dossier, read in parts on all cores.
///
/// The file is cut at line breaks into one part per core; each part is read with its own
/// window, accumulator and issue list, and duplicate IDs are found in one lock-free set shared
/// by the parts. A line break can sit inside a quoted field, so a cut is only trusted when the
/// part before it ended exactly on a record boundary; if any part did not (or stopped on a
/// structural error, which leaves the line numbers after it unknown), the whole file is read
/// again on one core, so results and `file:line` never depend on where the cuts fell.
extension DossierParsers {
    /// Below this size the file is read on one core: threads would cost more than they save.
    static let parallelThreshold = 4 << 20

    /// One part per core, or `CDSBOARD_THREADS` parts (1 = read on one core, e.g. on a
    /// kiosk that must keep a core for drawing).
    static var defaultParts: Int {
        if let v = ProcessInfo.processInfo.environment["CDSBOARD_THREADS"], let n = Int(v), n >= 1 { return min(n, 64) }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// What a pass over one part made; lines count from the start of the part.
    struct RawPart {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        var duplicates: [UInt64] = []
        var saturated = false
        var linesRead = 0
        var finished = false
    }

    static func raw(_ dir: String, units: UnitTree, periodEnd: Day, into acc: inout DossierAccumulator,
                    issues: inout IssueCollector, parts requested: Int = defaultParts,
                    minimumParallelBytes: Int = parallelThreshold, expectedRows: Int? = nil) {
        let header: CSVTable
        do { header = try CSVTable(directory: dir, name: "dossiers.csv", columns: rawColumns, window: 2 << 20) } catch {
            issues.add(error); return
        }
        let expected = expectedRows ?? header.estimatedRecordCount()
        var parts: [RawPart]? = nil
        let cuts = header.byteCount >= minimumParallelBytes && requested > 1
            ? header.cutPoints(directory: dir, parts: min(requested, 8)) : []
        var lineBase = header.reader.upcomingLine - 1
        if cuts.count > 2 {
            parts = readInParallel(dir, header, cuts, units, periodEnd, ConcurrentHashSet64(expected: expected))
            if parts!.dropLast().contains(where: { !$0.finished }) { parts = nil }
        }
        if parts == nil {
            var table = header
            var part = RawPart()
            parse(&table, units: units, periodEnd: periodEnd, ids: ConcurrentHashSet64(expected: expected), into: &part)
            parts = [part]
            lineBase = 0
        }
        var duplicates: [UInt64] = []
        var saturated = false
        for part in parts! {
            acc.merge(part.acc)
            issues.merge(part.issues, lineOffset: lineBase)
            lineBase += part.linesRead
            duplicates += part.duplicates
            saturated = saturated || part.saturated
        }
        if saturated { duplicates = findDuplicates(dir) }
        if !duplicates.isEmpty { reportDuplicates(Set(duplicates), directory: dir, &issues) }
    }

    /// One slot per part, each written by its own thread only (through a pointer: writing
    /// elements of one Swift Array from several threads would race on its uniqueness check).
    private final class Results: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<RawPart>
        init(_ n: Int) {
            slots = .allocate(capacity: n)
            slots.initialize(repeating: RawPart())
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
        var parts: [RawPart] { Array(slots) }
    }

    private static func readInParallel(_ dir: String, _ header: CSVTable, _ cuts: [Int], _ units: UnitTree,
                                       _ periodEnd: Day, _ ids: ConcurrentHashSet64) -> [RawPart] {
        let results = Results(cuts.count - 1)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { k in
            var part = RawPart()
            do throws(SnapshotIssue) {
                var table = try CSVTable(directory: dir, part: cuts[k]..<cuts[k + 1], of: header)
                parse(&table, units: units, periodEnd: periodEnd, ids: ids, into: &part)
            } catch { part.issues.add(error) }
            results.slots[k] = part
        }
        return results.parts
    }

    static func parse(_ table: inout CSVTable, units: UnitTree, periodEnd: Day, ids: ConcurrentHashSet64,
                      into part: inout RawPart) {
        var cache = FieldCache()
        let idSet = ids.access
        var sink = RowSink(acc: part.acc, ids: idSet)
        // Each row is committed (ID checked, counts added) while the next one is parsed: the
        // slots it needs in the ID set and the key table were prefetched a row earlier, so
        // the cache misses of those large tables overlap with parsing instead of stalling it.
        var pending: PendingRow? = nil
        table.forEachRow(collecting: &part.issues) { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            if row.isEmpty(0) { throw row.fail(0, "dossier_id is empty") }
            let id = row.reader.hash(row.span(0))
            if !sink.saturated { idSet.prefetch(id) }
            let (_, unit) = try unit(row, 1, 2, units, communeRequired: false)
            let level = try level(row, 3)
            if level == .commune, row.isEmpty(2) { throw row.fail(2, "commune_code is empty for a commune-level dossier") }
            let field = try cache.lookup(row, 4, &sink.acc)
            let (received, month) = try row.dateAndMonth(5, "received_date")
            let due = try row.date(6, "due_date")
            if due < received { throw row.fail(6, "due_date \(due) is before received_date \(received)") }
            let resolvedDate = try row.optionalDate(7, "resolved_date")
            let channel = try channel(row, 8)
            let key = DossierKey(month: month, unit: unit, level: level, field: field, channel: channel)
            sink.acc.prefetch(key)
            var t = DossierTally()
            t.received = 1
            t.online = channel == .online ? 1 : 0
            let st = row.span(9)
            let status = row.reader.word(st)
            if status == Keyword.resolved {
                guard let r = resolvedDate else { throw row.fail(7, "resolved_date is empty for a resolved dossier") }
                if r < received { throw row.fail(7, "resolved_date \(r) is before received_date \(received)") }
                t.resolved = 1
                t.resolvedOnTime = r <= due ? 1 : 0
            } else if status == Keyword.pending {
                t.pending = 1
                t.pendingOverdue = due < periodEnd ? 1 : 0
            } else if status == Keyword.returned {
                t.returned = 1
            } else if row.reader.equals(st, "withdrawn") {
                t.withdrawn = 1
            } else {
                throw row.fail(9, "unknown status \"\(row.raw(9))\" (expected pending, resolved, returned or withdrawn)")
            }
            if let previous = pending { sink.commit(previous) }
            pending = PendingRow(id: id, key: key, tally: t)
        }
        if let last = pending { sink.commit(last) }
        part.acc = sink.acc
        part.duplicates = sink.duplicates
        part.saturated = sink.saturated
        part.linesRead = table.reader.upcomingLine - 1
        part.finished = table.finished
    }

    struct PendingRow {
        var id: UInt64
        var key: DossierKey
        var tally: DossierTally
    }

    /// Where parsed rows go: the ID check, then the counts.
    struct RowSink {
        var acc: DossierAccumulator
        let ids: ConcurrentHashSet64.Access
        var duplicates: [UInt64] = []
        var saturated = false

        @inline(__always)
        mutating func commit(_ row: PendingRow) {
            if !saturated {
                switch ids.insert(row.id) {
                case .inserted: break
                case .duplicate:
                    // Reported after the pass, with every line the ID is on.
                    if duplicates.count < IssueCollector.perFileLimit { duplicates.append(row.id) }
                    return
                case .full: saturated = true
                }
            }
            acc.add(row.key, row.tally)
        }
    }

    /// Duplicate IDs found the slow way (a set that grows), when the shared set filled up
    /// because the row count was underestimated.
    static func findDuplicates(_ dir: String) -> [UInt64] {
        guard var table = try? CSVTable(directory: dir, name: "dossiers.csv", columns: rawColumns) else { return [] }
        var seen = HashSet64(capacity: table.estimatedRecordCount())
        var found: [UInt64] = []
        try? table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            let h = row.reader.hash(row.span(0))
            if !seen.insert(h), found.count < IssueCollector.perFileLimit { found.append(h) }
        }
        return found
    }

    /// A second pass, only when duplicates were found: every line each duplicated ID is on,
    /// so that the report names the first and flags the others whichever part saw them first.
    static func reportDuplicates(_ wanted: Set<UInt64>, directory: String, _ issues: inout IssueCollector) {
        var lines: [UInt64: [Int]] = [:]
        var order: [UInt64] = []
        var names: [UInt64: String] = [:]
        var column = 1
        if var again = try? CSVTable(directory: directory, name: "dossiers.csv", columns: rawColumns) {
            column = again.index[0] + 1
            try? again.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
                let h = row.reader.hash(row.span(0))
                guard wanted.contains(h) else { return }
                if lines[h] == nil { order.append(h); names[h] = row.raw(0) }
                if lines[h, default: []].count <= IssueCollector.perFileLimit { lines[h, default: []].append(row.line) }
            }
        }
        var reported: [(line: Int, issue: SnapshotIssue)] = []
        for h in order {
            guard let l = lines[h], l.count > 1, let id = names[h] else { continue }
            for line in l.dropFirst() {
                reported.append((line, SnapshotIssue(file: "dossiers.csv", line: line, column: column,
                                                     message: "duplicate dossier_id \"\(id)\" (first on line \(l[0]))")))
            }
        }
        for r in reported.sorted(by: { $0.line < $1.line }) { issues.add(r.issue) }
    }
}
