import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Runs one input through one parser and checks what must hold whatever the input: the fuzz
/// harness (`.fuzz/Harness.swift`) calls it for every input libFuzzer makes, and the tests call
/// it for every input that once broke something (`.fuzz/findings/`).
enum ParserExercise {
    static let targets = ["csv", "dossiers.csv", "dossier_stats.csv", "bts.csv", "villages.csv", "ocop.csv", "tourism.csv",
                          "units.json", "manifest.json", "targets.json"]
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

    static func write(_ bytes: [UInt8], as name: String) {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("cannot write \(path)") }
        bytes.withUnsafeBytes { p in
            var off = 0
            while off < p.count { let n = Glibc.write(fd, p.baseAddress! + off, p.count - off); if n <= 0 { break }; off += n }
        }
        close(fd)
    }

    static func csv(_ bytes: [UInt8]) -> String? {
        let buffer = ByteBuffer(bytes: bytes)
        var reader = CSVReader(buffer: buffer, file: "f.csv")
        var fields: [FieldSpan] = []
        while true {
            guard let more = try? reader.next(into: &fields), more else { break }
            for (k, f) in fields.enumerated() {
                if !(0 <= f.start && f.start <= f.end && f.end <= buffer.count) { return "field \(k) outside the buffer" }
                _ = try? reader.string(f, column: k + 1)
                _ = reader.integer(f); _ = reader.decimal(f); _ = reader.date(f); _ = reader.month(f)
                _ = reader.hash(f); _ = reader.fieldReader.word(f)
            }
        }
        // Streamed in tiny windows or read whole: the same rows, lines and errors.
        write(bytes, as: "f.csv")
        func rows(_ threshold: Int) -> [String] {
            var out: [String] = []
            do {
                var table = try CSVTable(directory: directory, name: "f.csv", columns: [], streamingThreshold: threshold, window: 64)
                try table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
                    out.append("\(row.line):" + row.fields.map { String(decoding: UnsafeBufferPointer(start: row.reader.base + $0.start, count: $0.end - $0.start), as: UTF8.self) }.joined(separator: "|"))
                }
            } catch { out.append("error \(error)") }
            return out
        }
        let whole = rows(Int.max), streamed = rows(0)
        if whole != streamed { return "streamed rows differ from a whole read:\n\(whole.prefix(5))\n\(streamed.prefix(5))" }
        return nil
    }

    struct Outcome: Equatable {
        var figures: [String: DossierTally] = [:]
        var issues: [String] = []
    }

    static func dossiers(_ bytes: [UInt8]) -> String? {
        write(bytes, as: "dossiers.csv")
        func read(parts: Int) -> Outcome {
            var acc = DossierAccumulator()
            var issues = IssueCollector()
            DossierParsers.raw(directory, units: units, periodEnd: periodEnd, into: &acc, issues: &issues,
                               parts: parts, minimumParallelBytes: 0, expectedRows: parts == 3 ? 1 : nil)
            var o = Outcome()
            acc.forEach { k, t in o.figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
            o.issues = issues.errors.map(\.description) + issues.suppressedSummary
            return o
        }
        let one = read(parts: 1)
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

    /// nil when all held; else what broke. (A crash is a finding too, of course.)
    static func run(_ target: String, _ bytes: [UInt8]) -> String? {
        var issues = IssueCollector()
        switch target {
        case "csv": return csv(bytes)
        case "dossiers.csv": return dossiers(bytes)
        case "dossier_stats.csv":
            write(bytes, as: target)
            var acc = DossierAccumulator()
            DossierParsers.stats(directory, units: units, into: &acc, issues: &issues)
        case "bts.csv": write(bytes, as: target); _ = AssetParsers.bts(directory, units: units, issues: &issues)
        case "villages.csv": write(bytes, as: target); _ = AssetParsers.villages(directory, units: units, issues: &issues)
        case "ocop.csv": write(bytes, as: target); _ = AssetParsers.ocop(directory, units: units, issues: &issues)
        case "tourism.csv": write(bytes, as: target); _ = AssetParsers.tourism(directory, units: units, issues: &issues)
        case "units.json": _ = try? JSONFiles.units(data: Data(bytes))
        case "manifest.json": write(bytes, as: target); _ = try? JSONFiles.manifest(directory)
        case "targets.json": write(bytes, as: target); _ = try? JSONFiles.targets(directory)
        default: return "unknown target \(target)"
        }
        for issue in issues.errors + issues.warnings where issue.message.isEmpty { return "an issue without a message" }
        return nil
    }
}

