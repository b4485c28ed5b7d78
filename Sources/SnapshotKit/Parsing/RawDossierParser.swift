import Foundation

/// `dossiers.csv`, one row per dossier, read in parts on all cores.
///
/// The file is cut at line breaks into one part per core; each part is read with its own
/// window, accumulator and issue list, and duplicate IDs are found in one lock-free set shared
/// by the parts. That set holds 64-bit hashes of the IDs: a hit only makes the ID a suspect,
/// and the IDs themselves are compared (after the pass, only when there was a hit) before a
/// duplicate is reported, so a hash collision never refuses a valid export. A line break can sit inside a quoted field, so a cut is only trusted when the
/// part before it ended exactly on a record boundary; if any part did not (or stopped on a
/// structural error, which leaves the line numbers after it unknown), the whole file is read
/// again on one core, so results and `file:line` never depend on where the cuts fell.
extension DossierParsers {
    /// Below this size the file is read on one core: threads would cost more than they save.
    static let parallelThreshold = 4 << 20

    /// One part per core (`SnapshotBuilder.Options.parts` sets another count).
    static var defaultParts: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// What a pass over one part made; lines count from the start of the part.
    struct RawPart {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        var suspects = Suspects()
        var saturated = false
        var linesRead = 0
        var finished = false
        /// Rows the fused scanner counted (the others went the general way).
        var fusedRows = 0
    }

    /// `file` of `dir`, streamed in windows and read in `parts` on all cores: the entry point
    /// for large exports. `hashMask` and `fused` are test hooks: the ID hashes are cut to these
    /// bits (0 makes every ID collide); `fused: false` reads every row the general way.
    @discardableResult
    static func raw(_ dir: String, file: String = TableKind.dossiers.fileName, _ ctx: RowContext,
                    into acc: inout DossierAccumulator, issues: inout IssueCollector, parts requested: Int = defaultParts,
                    minimumParallelBytes: Int = parallelThreshold, expectedRows: Int? = nil, hashMask: UInt64 = .max,
                    fused: Bool = true) -> Int {
        let header: CSVTable
        do { header = try CSVTable(directory: dir, name: file, columns: TableKind.dossiers.readColumns,
                                          optional: TableKind.dossiers.optionalColumns, window: 2 << 20) } catch {
            issues.add(error); return 0
        }
        let expected = expectedRows ?? header.estimatedRecordCount()
        var parts: [RawPart]? = nil
        let cuts = header.byteCount >= minimumParallelBytes && requested > 1
            ? header.cutPoints(directory: dir, parts: min(requested, 8)) : []
        var lineBase = header.reader.upcomingLine - 1
        if cuts.count > 2 {
            parts = readInParallel(dir, header, cuts, ctx, ConcurrentHashSet64(expected: expected), hashMask, fused)
            if parts!.dropLast().contains(where: { !$0.finished }) { parts = nil }
        }
        if parts == nil {
            var table = header
            parts = [parse(&table, ctx, ids: ConcurrentHashSet64(expected: expected), hashMask: hashMask, fused: fused)]
            lineBase = 0
        }
        var suspects = Suspects()
        var saturated = false
        for part in parts! {
            acc.merge(part.acc)
            issues.merge(part.issues, lineOffset: lineBase)
            lineBase += part.linesRead
            for h in part.suspects.hashes { suspects.add(h) }
            suspects.overflow = suspects.overflow || part.suspects.overflow
            saturated = saturated || part.saturated
        }
        if saturated { suspects = findSuspects(dir, file, hashMask: hashMask) }
        confirmDuplicates(suspects, directory: dir, file: file, hashMask: hashMask, &issues)
        return parts!.reduce(0) { $0 + $1.fusedRows }
    }

    /// Any table, on one core; a repeated ID is reported on the row that repeats it.
    static func raw(_ table: inout some SnapshotTable, _ ctx: RowContext, into acc: inout DossierAccumulator,
                    issues: inout IssueCollector) {
        var part = RawPart()
        var ids = IDsByText()
        parse(&table, ctx, ids: &ids, into: &part)
        acc.merge(part.acc)
        issues.merge(part.issues, lineOffset: 0)
    }

    /// Hashes seen twice: IDs that may be duplicates. A few are kept; past that, `overflow`.
    struct Suspects {
        var hashes: [UInt64] = []
        var overflow = false

        /// Only called on a hash hit, so costs nothing on a file without duplicates.
        mutating func add(_ h: UInt64) {
            guard !hashes.contains(h) else { return }
            if hashes.count < IssueCollector.perFileLimit { hashes.append(h) } else { overflow = true }
        }
    }

    /// Reports the suspects whose IDs are really equal. When suspects were left out and none of
    /// those kept was a true duplicate, their hashes are set aside and the file is searched for
    /// the next ones: however many IDs share a hash, a duplicate is never missed.
    static func confirmDuplicates(_ suspects: Suspects, directory: String, file: String, hashMask: UInt64,
                                  _ issues: inout IssueCollector) {
        var suspects = suspects
        var cleared = Set<UInt64>()
        while !suspects.hashes.isEmpty {
            let wanted = Set(suspects.hashes)
            if reportDuplicates(wanted, directory: directory, file: file, hashMask: hashMask, &issues) > 0 || !suspects.overflow { return }
            cleared.formUnion(wanted)
            suspects = findSuspects(directory, file, hashMask: hashMask, excluding: cleared)
        }
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

    private static func readInParallel(_ dir: String, _ header: CSVTable, _ cuts: [Int], _ ctx: RowContext,
                                       _ ids: ConcurrentHashSet64, _ hashMask: UInt64, _ fused: Bool) -> [RawPart] {
        let results = Results(cuts.count - 1)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { k in
            var part = RawPart()
            do throws(SnapshotIssue) {
                var table = try CSVTable(directory: dir, part: cuts[k]..<cuts[k + 1], of: header)
                part = parse(&table, ctx, ids: ids, hashMask: hashMask, fused: fused)
            } catch { part.issues.add(error) }
            results.slots[k] = part
        }
        return results.parts
    }

    /// A part of a CSV file, with the IDs in the set shared by the parts: the records of the
    /// usual shape through the fused scanner, the others row by row.
    static func parse(_ table: inout CSVTable, _ ctx: RowContext, ids: ConcurrentHashSet64, hashMask: UInt64,
                      fused: Bool) -> RawPart {
        var part = RawPart()
        let rows = RawRowReader(ctx, ids: RowSink(ids: ids.access, hashMask: hashMask), acc: part.acc)
        var scanner = FusedDossierScanner(rows, table: table, enabled: fused)
        do throws(SnapshotIssue) { try table.forEachRow(scanner: &scanner) } catch { scanner.issues.add(error) }
        scanner.rows.finish()
        part.acc = scanner.rows.acc
        part.issues = scanner.issues
        part.suspects = scanner.rows.ids.suspects
        part.saturated = scanner.rows.ids.saturated
        part.linesRead = table.reader.upcomingLine - 1
        part.finished = table.finished
        part.fusedRows = scanner.taken
        return part
    }

    /// Validates each row and adds it to `part.acc`.
    @inline(__always)
    static func parse<IDs: DossierIDs>(_ table: inout some SnapshotTable, _ ctx: RowContext, ids: inout IDs,
                                       into part: inout RawPart) {
        var rows = RawRowReader(ctx, ids: ids, acc: part.acc)
        table.forEachRow(collecting: &part.issues) { (row: inout TableRow) throws(SnapshotIssue) in try rows.row(&row) }
        rows.finish()
        part.acc = rows.acc
        ids = rows.ids
    }

    /// How the rows' IDs are checked for repeats.
    protocol DossierIDs {
        /// Called first on each row: the ID's hash, or an error.
        mutating func see(_ row: TableRow) throws(SnapshotIssue) -> UInt64
        /// Checks the ID `see` gave once the row is counted.
        mutating func commit(_ id: UInt64)
    }

    /// Where parsed rows' IDs go: a set shared by the parts of the file.
    struct RowSink: DossierIDs {
        let ids: ConcurrentHashSet64.Access
        let hashMask: UInt64
        var suspects = Suspects()
        var saturated = false

        @inline(__always)
        mutating func see(_ row: TableRow) throws(SnapshotIssue) -> UInt64 { see(hash: row.reader.hash(row.span(0))) }

        /// The ID's hash as the set holds it, its slot prefetched.
        @inline(__always)
        func see(hash: UInt64) -> UInt64 {
            let id = hash & hashMask
            if !saturated { ids.prefetch(id) }
            return id
        }

        @inline(__always)
        mutating func commit(_ id: UInt64) {
            guard !saturated else { return }
            switch ids.insert(id) {
            case .inserted: break
            case .duplicate:
                // A suspect: the IDs are compared after the pass, and a true duplicate is
                // reported with every line it is on. Counted meanwhile, as a row whose ID
                // only shares a hash must be (with a true one the snapshot is refused).
                suspects.add(id)
            case .full: saturated = true
            }
        }
    }

    /// IDs kept as text with their first line, for a table read once.
    struct IDsByText: DossierIDs {
        var firstLine: [String: Int] = [:]
        mutating func see(_ row: TableRow) throws(SnapshotIssue) -> UInt64 {
            let id = try row.string(0)
            if let first = firstLine[id] { throw row.fail(0, "duplicate dossier_id \"\(id)\" (first on line \(first))") }
            firstLine[id] = row.line
            return 0
        }
        func commit(_ id: UInt64) {}
    }

    /// Suspected duplicate IDs found the slow way (a set that grows), when the shared set filled
    /// up because the row count was underestimated, or when suspects were left out; hashes in
    /// `excluding` are known to be shared by different IDs only.
    static func findSuspects(_ dir: String, _ file: String, hashMask: UInt64, excluding: Set<UInt64> = []) -> Suspects {
        var found = Suspects()
        guard var table = try? CSVTable(directory: dir, name: file, columns: TableKind.dossiers.columns) else { return found }
        var seen = HashSet64(capacity: table.estimatedRecordCount())
        try? table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            let h = row.reader.hash(row.span(0)) & hashMask
            if !seen.insert(h), excluding.isEmpty || !excluding.contains(h) { found.add(h) }
        }
        return found
    }

    /// A second pass, only when IDs were suspected: the rows whose ID hash is one of `wanted`,
    /// grouped by the ID's bytes, so that only IDs that are really equal are reported (IDs that
    /// merely share a hash are not). Every line a duplicated ID is on is found, so that the
    /// report names the first and flags the others whichever part saw them first.
    /// Returns how many IDs were duplicated.
    @discardableResult
    static func reportDuplicates(_ wanted: Set<UInt64>, directory: String, file: String, hashMask: UInt64,
                                 _ issues: inout IssueCollector) -> Int {
        var lines: [[UInt8]: [Int]] = [:]
        var order: [[UInt8]] = []
        var names: [[UInt8]: String] = [:]
        var column = 1
        if var again = try? CSVTable(directory: directory, name: file, columns: TableKind.dossiers.columns) {
            column = again.index[0] + 1
            try? again.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
                let f = row.span(0)
                guard wanted.contains(row.reader.hash(f) & hashMask) else { return }
                let id = Array(UnsafeBufferPointer(start: row.reader.base + f.start, count: f.end - f.start))
                if lines[id] == nil { order.append(id); names[id] = row.raw(0) }
                if lines[id, default: []].count <= IssueCollector.perFileLimit { lines[id, default: []].append(row.line) }
            }
        }
        var reported: [(line: Int, issue: SnapshotIssue)] = []
        var duplicated = 0
        for key in order {
            guard let l = lines[key], l.count > 1, let id = names[key] else { continue }
            duplicated += 1
            for line in l.dropFirst() {
                reported.append((line, SnapshotIssue(file: file, line: line, column: column,
                                                     message: "duplicate dossier_id \"\(id)\" (first on line \(l[0]))")))
            }
        }
        for r in reported.sorted(by: { $0.line < $1.line }) { issues.add(r.issue) }
        return duplicated
    }
}
