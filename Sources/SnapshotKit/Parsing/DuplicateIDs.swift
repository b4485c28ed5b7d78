import Foundation

/// Duplicate dossier IDs of a file read in parts: the hashes suspected (by the shared set, a
/// spill to temporary files, or the slow way) and the pass that compares the IDs themselves, so
/// that a duplicate is reported exactly and a hash collision never refuses a valid export.
extension DossierParsers {
    /// Estimated rows up to which the IDs' hashes are kept in one in-memory set (what a
    /// 1,000,000-dossier export needs, about 14 MB); past it they are spilled to temporary files
    /// and checked a partition at a time, so the memory stays flat in rows.
    static let idSetLimit = 1_400_000

    /// Suspects kept from a spill: its partitions are read in hash order, not file order, so
    /// more are kept for `reportDuplicates` to pick the first duplicates in the file from.
    static let spillSuspectLimit = 1024

    /// How duplicate IDs are looked for; all but `hashMask` are test hooks.
    struct IDCheck {
        /// The ID hashes are cut to these bits (0 makes every ID collide).
        var hashMask: UInt64 = .max
        /// Estimated rows past which the hashes are spilled (`idSetLimit`).
        var setRows = DossierParsers.idSetLimit
        /// Where the spill files are made (nil: `$TMPDIR`).
        var spillDirectory: String? = nil

        /// Temporary files for about `rows` hashes, when that many are too many for the set; nil
        /// when they are not, or when no file can be made (the set is used then, as it grows).
        func spill(rows: Int) -> HashSpill? {
            rows > setRows ? HashSpill(rows: rows, rowsPerPartition: max(setRows / 2, 1), directory: spillDirectory) : nil
        }
    }

    /// Hashes seen twice: IDs that may be duplicates. A few are kept; past that, `overflow`.
    struct Suspects {
        var hashes: [UInt64] = []
        var overflow = false
        var limit = IssueCollector.perFileLimit

        /// Only called on a hash hit, so costs nothing on a file without duplicates.
        mutating func add(_ h: UInt64) {
            guard !hashes.contains(h) else { return }
            if hashes.count < limit { hashes.append(h) } else { overflow = true }
        }
    }

    /// Reports the suspects whose IDs are really equal. When suspects were left out and none of
    /// those kept was a true duplicate, their hashes are set aside and the file is searched for
    /// the next ones: however many IDs share a hash, a duplicate is never missed.
    static func confirmDuplicates(_ suspects: Suspects, directory: String, file: String, _ check: IDCheck,
                                  _ issues: inout IssueCollector) {
        var suspects = suspects
        var cleared = Set<UInt64>()
        while !suspects.hashes.isEmpty {
            let wanted = Set(suspects.hashes)
            if reportDuplicates(wanted, directory: directory, file: file, hashMask: check.hashMask, &issues) > 0
                || !suspects.overflow { return }
            cleared.formUnion(wanted)
            suspects = findSuspects(directory, file, check, excluding: cleared)
        }
    }

    /// Suspected duplicate IDs found in a pass of their own, when the shared set filled up
    /// because the row count was underestimated, when a spill failed, or when suspects were
    /// left out; hashes in `excluding` are known to be shared by different IDs only. Spilled
    /// when the file is large, else (or when no temporary file can be made) in a set that grows.
    static func findSuspects(_ dir: String, _ file: String, _ check: IDCheck, excluding: Set<UInt64> = []) -> Suspects {
        if let found = spilledSuspects(dir, file, check, excluding: excluding) { return found }
        var found = Suspects()
        guard var table = try? CSVTable(directory: dir, name: file, columns: TableKind.dossiers.columns) else { return found }
        var seen = HashSet64(capacity: table.estimatedRecordCount())
        try? table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            let h = row.reader.hash(row.span(0)) & check.hashMask
            if !seen.insert(h), excluding.isEmpty || !excluding.contains(h) { found.add(h) }
        }
        return found
    }

    /// `findSuspects` through a spill: nil when the file is small, or the spill cannot be made,
    /// written or read back.
    private static func spilledSuspects(_ dir: String, _ file: String, _ check: IDCheck,
                                        excluding: Set<UInt64>) -> Suspects? {
        guard var table = try? CSVTable(directory: dir, name: file, columns: TableKind.dossiers.columns),
              let spill = check.spill(rows: table.estimatedRecordCount()) else { return nil }
        let buffers = HashSpill.Buffers(spill)
        let writer = buffers.writer
        let mask = check.hashMask
        try? table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            writer.append(row.reader.hash(row.span(0)) & mask)
        }
        writer.flushAll()
        guard !writer.hasFailed else { return nil }
        return spill.suspects(limit: spillSuspectLimit, excluding: excluding)
    }

    /// A second pass, only when IDs were suspected: the rows whose ID hash is one of `wanted`,
    /// grouped by the ID's bytes, so that only IDs that are really equal are reported (IDs that
    /// merely share a hash are not). Every line a duplicated ID is on is found, so that the
    /// report names the first and flags the others whichever part saw them first. When more IDs
    /// are duplicated than a file's errors are shown, those repeated first in the file are
    /// reported (as one core finds them), whichever order the suspects came in.
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
        var duplicated = order.compactMap { key in lines[key].flatMap { $0.count > 1 ? (key, $0) : nil } }
        let count = duplicated.count
        if count > IssueCollector.perFileLimit {
            duplicated.sort { $0.1[1] < $1.1[1] }
            duplicated.removeLast(count - IssueCollector.perFileLimit)
        }
        var reported: [(line: Int, issue: SnapshotIssue)] = []
        for (key, l) in duplicated {
            guard let id = names[key] else { continue }
            for line in l.dropFirst() {
                reported.append((line, SnapshotIssue(file: file, line: line, column: column,
                                                     message: "duplicate dossier_id \"\(id)\" (first on line \(l[0]))")))
            }
        }
        for r in reported.sorted(by: { $0.line < $1.line }) { issues.add(r.issue) }
        return count
    }
}
