import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import CSHA256
#if !CDSBOARD_FUZZ   // the fuzz build compiles this file into SnapshotKit itself (.fuzz/build.sh)
import DashboardTestSupport
@testable import SnapshotKit
#endif

/// Runs one input through one parser and checks what must hold whatever the input: the fuzz
/// harness (`.fuzz/Harness.swift`) calls it for every input libFuzzer makes, and the tests call
/// it for every input that once broke something (`.fuzz/findings/`). Test code: it lives with
/// the tests, and the fuzz build compiles it with SnapshotKit's sources.
enum ParserExercise {
    static let targets = ["csv", "dossiers.csv", "dossier_stats.csv", "bts.csv", "villages.csv", "ocop.csv", "tourism.csv",
                          "units.json", "manifest.json", "targets.json", "snapshot", "cache"]
    /// Where inputs are written as files (the parsers read files).
    static let directory: String = {
        var template = Array(((ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/cdsboard-fuzz-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }()
    /// Hà Giang's units, read once from `FUZZ_UNITS` or the sample beside the working directory.
    nonisolated(unsafe) static var unitsPath = ProcessInfo.processInfo.environment["FUZZ_UNITS"] ?? "SampleData/ha-giang/units.json"
    static let units: UnitTree = {
        let path = unitsPath
        guard let data = FileManager.default.contents(atPath: path), let u = try? JSONFiles.units(data: data) else {
            fatalError("cannot read \(path): run from the repository root or set FUZZ_UNITS")
        }
        return u
    }()
    static let periodEnd = Day(year: 2024, month: 6, day: 30)!
    static let context = RowContext(units: units, periodEnd: periodEnd)
    /// The merged Tuyên Quang of 2026 (two tiers, a dated change, old codes before it), from the
    /// sample beside Hà Giang's; the window ends at its period end.
    static let mergedContext: RowContext = {
        let dir = URL(fileURLWithPath: unitsPath).deletingLastPathComponent().deletingLastPathComponent().path + "/tuyen-quang"
        var issues = IssueCollector()
        guard let now = FileManager.default.contents(atPath: dir + "/units.json"),
              let before = FileManager.default.contents(atPath: dir + "/units_before.json"),
              let u = try? Catalogue.read(units: now, name: "units.json", before: before, issues: &issues) else {
            fatalError("cannot read the merged catalogue in \(dir)")
        }
        return RowContext(units: u, periodEnd: Day(year: 2026, month: 10, day: 31)!)
    }()
    /// Where `dossiers.csv` inputs are read: Hà Giang at three period ends (the window moves
    /// with it), and the merged catalogue.
    static var dossierContexts: [RowContext] {
        [context, RowContext(units: units, periodEnd: Day(year: 2023, month: 2, day: 28)!),
         RowContext(units: units, periodEnd: Day(year: 2025, month: 12, day: 31)!), mergedContext]
    }

    /// Writes `bytes` as the file of `kind` and hands it to `body` as a table.
    static func table(_ kind: TableKind, _ bytes: [UInt8], _ issues: inout IssueCollector, _ body: (inout CSVTable, inout IssueCollector) -> Void) {
        write(bytes, as: kind.fileName)
        do { var t = try CSVTable(directory: directory, name: kind.fileName, columns: kind.columns); body(&t, &issues) } catch {
            issues.add(error)
        }
    }

    static func write(_ bytes: [UInt8], as name: String, in dir: String = directory) {
        let path = dir + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("cannot write \(path)") }
        bytes.withUnsafeBytes { p in
            var off = 0
            while off < p.count { let n = Glibc.write(fd, p.baseAddress! + off, p.count - off); if n <= 0 { break }; off += n }
        }
        close(fd)
    }

    /// The value of a field the fast reader found: its bytes, doubled quotes undone.
    static func value(_ f: FieldSpan, in base: UnsafeMutablePointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var k = f.start
        while k < f.end {
            out.append(base[k])
            k += f.hasEscapedQuote && base[k] == 0x22 ? 2 : 1
        }
        return out
    }

    /// `CSVReader` (SIMD or scalar scanning) against the naive reader: the same records, on
    /// the same lines, and the same error. Also runs the typed field access on every field.
    static func fastAgainstNaive(_ bytes: [UInt8], _ naive: (records: [NaiveCSV.Record], error: CSVSyntaxError?),
                                 scalar: Bool) -> String? {
        let buffer = ByteBuffer(bytes: bytes)
        var reader = CSVReader(buffer: buffer, file: "f.csv")
        var fields: [FieldSpan] = []
        var records: [NaiveCSV.Record] = []
        var error: CSVSyntaxError? = nil
        while true {
            do {
                guard try scalar ? reader.nextScalar(into: &fields) : reader.next(into: &fields) else { break }
            } catch let e { error = e; break }
            for (k, f) in fields.enumerated() {
                if !(0 <= f.start && f.start <= f.end && f.end <= buffer.count) { return "field \(k) outside the buffer" }
                let text = try? reader.string(f, column: k + 1)
                if text.map({ Array($0.utf8) }) != String(validating: value(f, in: buffer.base), as: UTF8.self).map({ Array($0.utf8) }) {
                    return "line \(reader.recordLine) field \(k + 1): string() differs from the field's bytes"
                }
                _ = reader.integer(f); _ = reader.decimal(f); _ = reader.date(f); _ = reader.month(f)
                _ = reader.hash(f); _ = reader.fieldReader.word(f)
            }
            records.append(NaiveCSV.Record(line: reader.recordLine, fields: fields.map { value($0, in: buffer.base) }))
        }
        let how = scalar ? "scalar" : "SIMD"
        if records != naive.records {
            let k = zip(records, naive.records).prefix { $0 == $1 }.count
            return "\(how) reader differs from the naive one at record \(k): \(records.dropFirst(k).prefix(1)) vs \(naive.records.dropFirst(k).prefix(1))"
        }
        if error != naive.error { return "\(how) reader error \(String(describing: error)), naive \(String(describing: naive.error))" }
        return nil
    }

    /// All of the `csv` target's checks; the file is written in `dir`.
    static func csv(_ bytes: [UInt8], in dir: String = directory) -> String? {
        let naive = NaiveCSV.read(bytes)
        for scalar in [false, true] {
            if let broken = fastAgainstNaive(bytes, naive, scalar: scalar) { return broken }
        }
        // As a table, read whole or streamed in tiny windows: the naive reader's records after
        // the header, up to the first error; a syntax error is the naive reader's.
        write(bytes, as: "f.csv", in: dir)
        func rows(_ threshold: Int) -> (records: [NaiveCSV.Record], error: SnapshotIssue?) {
            var out: [NaiveCSV.Record] = []
            do {
                var table = try CSVTable(directory: dir, name: "f.csv", columns: [], streamingThreshold: threshold, window: 64)
                try table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
                    out.append(NaiveCSV.Record(line: row.line, fields: row.fields.map { value($0, in: row.reader.base) }))
                }
            } catch { return (out, error) }
            return (out, nil)
        }
        let whole = rows(Int.max), streamed = rows(0)
        if whole.records != streamed.records || whole.error != streamed.error {
            return "streamed rows differ from a whole read:\n\(whole.records.prefix(5)) \(String(describing: whole.error))\n\(streamed.records.prefix(5)) \(String(describing: streamed.error))"
        }
        let expected = Array(naive.records.dropFirst())
        if whole.error == nil, whole.records != expected || naive.error != nil { return "the table's rows are not the naive reader's" }
        if whole.records != Array(expected.prefix(whole.records.count)) { return "the table's rows are not a prefix of the naive reader's" }
        let syntax: [CSVSyntaxError] = [.unterminatedQuote(line: 0, column: 0), .textAfterClosingQuote(line: 0, column: 0),
                                        .quoteInUnquotedField(line: 0, column: 0)]
        if let e = whole.error, syntax.contains(where: { $0.message == e.message }), e != naive.error?.issue(file: "f.csv") {
            return "the table's syntax error \(e) is not the naive reader's \(String(describing: naive.error))"
        }
        return nil
    }

    struct Outcome: Equatable {
        var figures: [String: DossierTally] = [:]
        var issues: [String] = []
    }

    /// The `dossiers.csv` target: the input read against each of `dossierContexts`.
    static func dossiers(_ bytes: [UInt8]) -> String? {
        write(bytes, as: "dossiers.csv")
        for (k, ctx) in dossierContexts.enumerated() {
            if let broken = dossiers(in: ctx) { return "context \(k) (period end \(ctx.periodEnd)): " + broken }
        }
        return nil
    }

    static func dossiers(in context: RowContext) -> String? {
        func read(parts: Int, fused: Bool = true) -> Outcome {
            var acc = DossierAccumulator()
            var issues = IssueCollector()
            DossierParsers.raw(directory, context, into: &acc, issues: &issues,
                               reading: RawReading(parts: parts, minimumParallelBytes: 0, expectedRows: parts == 3 ? 1 : nil, fused: fused))
            var o = Outcome()
            acc.forEach { k, t in o.figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
            o.issues = issues.errors.map(\.description) + issues.suppressedSummary
            return o
        }
        // The fused scanner against the general path, row by row: the same errors always, the
        // same figures for a file without errors.
        let general = read(parts: 1, fused: false)
        let one = read(parts: 1)
        if one.issues != general.issues {
            let k = zip(one.issues, general.issues).prefix { $0 == $1 }.count
            return "the fused scanner differs from the general path at issue \(k): \(one.issues.dropFirst(k).prefix(2)) vs \(general.issues.dropFirst(k).prefix(2))"
        }
        if one.issues.isEmpty, one.figures != general.figures { return "the fused scanner gives other figures than the general path" }
        for parts in [2, 3] {
            let many = read(parts: parts)
            if many.issues != one.issues {
                let k = zip(many.issues, one.issues).prefix { $0 == $1 }.count
                return "\(parts) parts differ from one core at issue \(k): \(many.issues.dropFirst(k).prefix(2)) vs \(one.issues.dropFirst(k).prefix(2))"
            }
            // With errors the snapshot is refused and its figures never shown; with duplicate IDs
            // which copy was counted depends on which core saw it first, so only compare clean files.
            if one.issues.isEmpty, many.figures != one.figures { return "\(parts) parts give other figures than one core" }
        }
        return nil
    }

    /// A shared-cache entry: its checksums made right (so the fuzzer reaches the records), then
    /// read as a viewer reads it and viewed; no crash, whatever the records say.
    static func cacheEntry(_ bytes: [UInt8]) -> String? {
        var b = bytes
        CacheFile.reseal(&b)
        let path = NSTemporaryDirectory() + "cdsboard-fuzz-cache-\(getpid())"
        guard FileManager.default.createFile(atPath: path, contents: Data(b)) else { return nil }
        defer { unlink(path) }
        let key = b.count >= 48 ? Array(b[16..<48]) : []
        guard case .success(let outcome) = CacheFile.read(path, key: key) else { return nil }
        if case .loaded(let s) = outcome { return view(s, sums: false) }
        return nil
    }

    /// nil when all held; else what broke. (A crash is a finding too, of course.)
    static func run(_ target: String, _ bytes: [UInt8]) -> String? {
        var issues = IssueCollector()
        switch target {
        case "csv": return csv(bytes)
        case "dossiers.csv": return dossiers(bytes)
        case "snapshot": return snapshot(bytes)
        case "cache": return cacheEntry(bytes)
        case "dossier_stats.csv":
            var acc = DossierAccumulator()
            table(.dossierStats, bytes, &issues) { DossierParsers.stats(&$0, context, into: &acc, issues: &$1) }
        case "bts.csv": table(.bts, bytes, &issues) { _ = AssetParsers.bts(&$0, context, &$1) }
        case "villages.csv": table(.villages, bytes, &issues) { _ = AssetParsers.villages(&$0, context, &$1) }
        case "ocop.csv": table(.ocop, bytes, &issues) { _ = AssetParsers.ocop(&$0, context, &$1) }
        case "tourism.csv": table(.tourism, bytes, &issues) { _ = AssetParsers.tourism(&$0, context, &$1) }
        case "units.json": _ = try? JSONFiles.units(data: Data(bytes))
        case "manifest.json": _ = try? JSONFiles.manifest(data: Data(bytes))
        case "targets.json": _ = TargetsParser.parse(data: Data(bytes), issues: &issues)
        default: return "unknown target \(target)"
        }
        for issue in issues.errors + issues.warnings where issue.message.isEmpty { return "an issue without a message" }
        return nil
    }
}

