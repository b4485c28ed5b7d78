import Foundation

/// `dossiers.csv`, one row per dossier, read in parts on all cores.
///
/// The file is cut at line breaks into one part per core; each part is read with its own
/// window, accumulator and issue list, and duplicate IDs are found in one lock-free set shared
/// by the parts. That set holds 64-bit hashes of the IDs: a hit only makes the ID a suspect,
/// and the IDs themselves are compared (after the pass, only when there was a hit) before a
/// duplicate is reported, so a hash collision never refuses a valid export (`DuplicateIDs.swift`).
/// A file of more rows than that set is sized for spills the hashes to temporary files
/// instead (`HashSpill`), so the memory does not grow with the rows. A line break can sit
/// inside a quoted field, so a cut is only trusted when the part before it ended exactly on a
/// record boundary; if any part did not (or stopped on a structural error, which leaves the line
/// numbers after it unknown), the whole file is read again on one core, so results and
/// `file:line` never depend on where the cuts fell.
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
        /// Some hashes could not be written to the spill.
        var spillFailed = false
        var linesRead = 0
        var finished = false
        /// Rows the fused scanner counted (the others went the general way).
        var fusedRows = 0
    }

    /// `file` of `dir`, streamed in windows and read in `parts` on all cores: the entry point
    /// for large exports. `hashMask`, `idSetRows`, `spillDirectory` and `fused` are test hooks:
    /// the ID hashes are cut to these bits (0 makes every ID collide); past `idSetRows` estimated
    /// rows they are spilled to files in `spillDirectory` (see `IDCheck`); `fused: false` reads
    /// every row the general way.
    @discardableResult
    static func raw(_ dir: String, file: String = TableKind.dossiers.fileName, _ ctx: RowContext,
                    into acc: inout DossierAccumulator, issues: inout IssueCollector, reading: RawReading = RawReading()) -> Int {
        let requested = reading.parts, minimumParallelBytes = reading.minimumParallelBytes, expectedRows = reading.expectedRows
        let hashMask = reading.hashMask, idSetRows = reading.idSetRows, spillDirectory = reading.spillDirectory
        let fused = reading.fused
        let header: CSVTable
        do { header = try CSVTable(directory: dir, name: file, columns: TableKind.dossiers.readColumns,
                                          optional: TableKind.dossiers.optionalColumns, window: 2 << 20) } catch {
            issues.add(error); return 0
        }
        let expected = expectedRows ?? header.estimatedRecordCount()
        let check = IDCheck(hashMask: hashMask, setRows: idSetRows, spillDirectory: spillDirectory)
        var spill = check.spill(rows: expected)
        var parts: [RawPart]? = nil
        let cuts = header.byteCount >= minimumParallelBytes && requested > 1
            ? header.cutPoints(directory: dir, parts: min(requested, 8)) : []
        var lineBase = header.reader.upcomingLine - 1
        if cuts.count > 2 {
            let ids = ConcurrentHashSet64(expected: spill == nil ? expected : 0)
            parts = readInParallel(dir, header, cuts, ctx, ids, spill, hashMask, fused)
            if parts!.dropLast().contains(where: { !$0.finished }) { parts = nil }
        }
        if parts == nil {
            var table = header
            if spill != nil { spill = check.spill(rows: expected) }   // the parts' hashes are in the old one
            let ids = ConcurrentHashSet64(expected: spill == nil ? expected : 0)
            parts = [parse(&table, ctx, ids: ids, spill: spill, hashMask: hashMask, fused: fused)]
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
            saturated = saturated || part.saturated || part.spillFailed
        }
        if let spill, !saturated {
            suspects = spill.suspects(limit: spillSuspectLimit, excluding: []) ?? findSuspects(dir, file, check)
        } else if saturated {
            suspects = findSuspects(dir, file, check)
        }
        spill = nil
        confirmDuplicates(suspects, directory: dir, file: file, check, &issues)
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
                                       _ ids: ConcurrentHashSet64, _ spill: HashSpill?, _ hashMask: UInt64,
                                       _ fused: Bool) -> [RawPart] {
        let results = Results(cuts.count - 1)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { k in
            var part = RawPart()
            do throws(SnapshotIssue) {
                var table = try CSVTable(directory: dir, part: cuts[k]..<cuts[k + 1], of: header)
                part = parse(&table, ctx, ids: ids, spill: spill, hashMask: hashMask, fused: fused)
            } catch { part.issues.add(error) }
            results.slots[k] = part
        }
        return results.parts
    }

    /// A part of a CSV file, with the IDs in the set shared by the parts (or, given a spill,
    /// their hashes in its files): the records of the usual shape through the fused scanner,
    /// the others row by row.
    static func parse(_ table: inout CSVTable, _ ctx: RowContext, ids: ConcurrentHashSet64, spill: HashSpill? = nil,
                      hashMask: UInt64, fused: Bool) -> RawPart {
        var part = RawPart()
        let buffers = spill.map(HashSpill.Buffers.init)
        let sink = RowSink(ids: ids.access, spill: buffers?.writer, hashMask: hashMask)
        let rows = RawRowReader(ctx, ids: sink, acc: part.acc)
        var scanner = FusedDossierScanner(rows, table: table, enabled: fused)
        do throws(SnapshotIssue) { try table.forEachRow(scanner: &scanner) } catch { scanner.issues.add(error) }
        scanner.rows.finish()
        part.acc = scanner.rows.acc
        part.issues = scanner.issues
        part.suspects = scanner.rows.ids.suspects
        part.saturated = scanner.rows.ids.saturated
        if let writer = buffers?.writer {
            writer.flushAll()
            part.spillFailed = writer.hasFailed
        }
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

    /// Where parsed rows' IDs go: a set shared by the parts of the file, or a spill's files.
    struct RowSink: DossierIDs {
        let ids: ConcurrentHashSet64.Access
        let spill: HashSpill.Writer?
        let hashMask: UInt64
        var suspects = Suspects()
        var saturated = false

        @inline(__always)
        mutating func see(_ row: TableRow) throws(SnapshotIssue) -> UInt64 {
            try checkID(row)
            return see(hash: row.reader.hash(row.span(0)))
        }

        /// The ID's hash as the set holds it, its slot prefetched.
        @inline(__always)
        func see(hash: UInt64) -> UInt64 {
            let id = hash & hashMask
            if !saturated, spill == nil { ids.prefetch(id) }
            return id
        }

        @inline(__always)
        mutating func commit(_ id: UInt64) {
            if let spill { spill.append(id); return }
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
            try checkID(row)
            let id = try row.string(0)
            if let first = firstLine[id] { throw row.fail(0, "duplicate dossier_id \"\(id)\" (first on line \(first))") }
            firstLine[id] = row.line
            return 0
        }
        func commit(_ id: UInt64) {}
    }
}

/// How `dossiers.csv` is read: in how many parts (one per core by default), and the hooks with
/// which tests, the fuzz target and the benchmark drive the paths of a large file with a small
/// one (each default is what a load uses).
struct RawReading {
    var parts = DossierParsers.defaultParts
    /// Files of at least this many bytes are read in parts.
    var minimumParallelBytes = DossierParsers.parallelThreshold
    /// The row count the ID check plans for (nil: estimated from the file's size).
    var expectedRows: Int? = nil
    /// Masks the IDs' hashes (tests force collisions with a narrow mask).
    var hashMask: UInt64 = .max
    /// Past this many expected rows the IDs' hashes are spilled to temporary files.
    var idSetRows = DossierParsers.idSetLimit
    /// Where spilled hashes go (nil: the temporary directory).
    var spillDirectory: String? = nil
    /// false reads every row the general way (`RawRowReader.row`), without the fused scanner.
    var fused = true
}
