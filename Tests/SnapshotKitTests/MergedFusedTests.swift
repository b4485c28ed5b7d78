import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// The raw rows of 2026's shape (`gen --profile tuyen-quang --dossiers N`: two tiers, a dated
/// change, the old codes before it) read by the fused scanner exactly as row by row: the same
/// figures and the same refusals, on one core, in parts, and with the IDs spilled; and the
/// scanner takes the rows (else the equality says nothing).
@Suite struct MergedFusedTests {
    static let merged = Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"
    static var context: RowContext { ParserExercise.mergedContext }
    static var change: UnitChange { context.units.change! }

    /// A generated export of 40,000 rows, and its first 3,000 rows as an export of its own.
    static let exports: [Int: String] = {
        let dir = Fixtures.temporaryDirectory("cdsboard-merged-40000")
        var g = MergedSampleGenerator(unitsJSON: FileManager.default.contents(atPath: merged + "/units.json")!,
                                      beforeJSONs: [FileManager.default.contents(atPath: merged + "/units_before.json")!])
        g.dossierRows = 40_000
        try! g.write(to: dir)
        let lines = Fixtures.read(dir + "/dossiers.csv").components(separatedBy: "\n")
        let small = Fixtures.temporaryDirectory("cdsboard-merged-3000")
        for name in try! FileManager.default.contentsOfDirectory(atPath: dir) {
            try! FileManager.default.copyItem(atPath: dir + "/" + name, toPath: small + "/" + name)
        }
        Fixtures.write(lines.prefix(3_001).joined(separator: "\n") + "\n", to: small + "/dossiers.csv")
        Fixtures.relist(small)
        return [40_000: dir, 3_000: small]
    }()

    static func lines(_ rows: Int) -> [String] { Fixtures.read(exports[rows]! + "/dossiers.csv").components(separatedBy: "\n") }

    /// The field of `column` (the generated lines quote only the address, never a read column).
    static func field(_ line: String, _ column: String) -> String {
        NaiveCSV.fields(ofLine: line)[AnySizeRulesTests.columns.firstIndex(of: column)!]
    }

    static func before(_ line: String) -> Bool { field(line, "received_date") < "2025-07-01" }

    func read(_ dir: String, parts: Int, fused: Bool, idSetRows: Int = DossierParsers.idSetLimit) -> (ParallelReadTests.Outcome, Int) {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        let n = DossierParsers.raw(dir, Self.context, into: &acc, issues: &issues, reading: RawReading(parts: parts, minimumParallelBytes: 0,
                                   idSetRows: idSetRows, spillDirectory: idSetRows < DossierParsers.idSetLimit ? dir : nil,
                                   fused: fused))
        var figures: [String: DossierTally] = [:]
        acc.forEach { k, t in figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
        return (ParallelReadTests.Outcome(figures: figures, issues: issues.errors.map(\.description) + issues.suppressedSummary), n)
    }

    /// Fused (one core, in parts, spilled) against the general path on one core; the general
    /// outcome and the rows the fused scanner took on one core.
    @discardableResult
    func expectSame(_ lines: [String], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> (ParallelReadTests.Outcome, Int) {
        let dir = Fixtures.temporaryDirectory("cdsboard-merged-fused")
        Fixtures.write(lines.joined(separator: "\n"), to: dir + "/dossiers.csv")
        let (general, none) = read(dir, parts: 1, fused: false)
        #expect(none == 0, sourceLocation: sourceLocation)
        let (one, taken) = read(dir, parts: 1, fused: true)
        #expect(one.issues == general.issues, comment, sourceLocation: sourceLocation)
        if general.issues.isEmpty { #expect(one.figures == general.figures, comment, sourceLocation: sourceLocation) }
        for (parts, idSetRows) in [(2, DossierParsers.idSetLimit), (3, DossierParsers.idSetLimit), (7, DossierParsers.idSetLimit), (2, 100)] {
            let many = read(dir, parts: parts, fused: true, idSetRows: idSetRows).0
            #expect(many.issues == general.issues, comment, sourceLocation: sourceLocation)
            if general.issues.isEmpty { #expect(many.figures == general.figures, comment, sourceLocation: sourceLocation) }
        }
        return (general, taken)
    }

    @Test func genWritesRawRowsOfTheShapeOf2026() throws {
        let lines = Self.lines(40_000).dropFirst().filter { !$0.isEmpty }
        #expect(lines.count == 40_000)
        let old = lines.filter(Self.before), new = lines.filter { !Self.before($0) }
        #expect(old.count > 10_000 && new.count > 10_000)
        #expect(lines.map { Self.field($0, "received_date") }.min()!.hasPrefix("2024-01"))
        #expect(lines.map { Self.field($0, "received_date") }.max()!.hasPrefix("2026-10"))
        // Before the change: old districts (and communes) of both old provinces; after: the new communes, or the province.
        let oldDistricts = Set(old.map { Self.field($0, "district_code") })
        #expect(oldDistricts.allSatisfy { Int($0).flatMap { Self.change.oldDistrict(numericCode: $0) } != nil })
        #expect(Set(oldDistricts.compactMap { Int($0).flatMap { Self.change.oldDistrict(numericCode: $0)?.tree } }) == [0, 1])
        #expect(Set(old.map { Self.field($0, "level") }) == ["province", "district", "commune"])
        #expect(new.allSatisfy { Self.field($0, "district_code").isEmpty })
        #expect(Set(new.map { Self.field($0, "level") }) == ["province", "commune"])
        #expect(new.allSatisfy { l in
            let c = Self.field(l, "commune_code")
            return c.isEmpty == (Self.field(l, "level") == "province") && (c.isEmpty || Self.context.units.unit(code: c) != nil)
        })
        let s = try SnapshotLoader.load(directory: Self.exports[40_000]!).get()
        #expect(s.dossiers.total(unit: 0, period: .year(2024)).received + s.dossiers.total(unit: 0, period: .year(2025)).received
                + s.dossiers.total(unit: 0, period: .year(2026)).received == 40_000)
    }

    @Test func theFusedScannerTakesEveryMergedRowWithTheSameFigures() {
        let (general, taken) = expectSame(Self.lines(3_000))
        #expect(general.issues.isEmpty)
        #expect(taken == 3_000)
        #expect(general.figures.values.reduce(0) { $0 + $1.received } == 3_000)
    }

    /// Codes each read by its date, one edit at a time: the refusals (or the figures) the
    /// general path gives, and every other row still taken.
    @Test func codesReadByTheirDateGoTheSameWay() throws {
        let lines = Self.lines(3_000)
        let units = Self.context.units
        let oldCommune = try #require(lines.indices.dropFirst().first { k in
            Self.before(lines[k]) && Self.field(lines[k], "level") == "commune" })
        let newCommune = try #require(lines.indices.dropFirst().first { k in
            !Self.before(lines[k]) && Self.field(lines[k], "level") == "commune" })
        let newProvince = try #require(lines.indices.dropFirst().first { k in
            !Self.before(lines[k]) && Self.field(lines[k], "level") == "province" })
        let oldCode = Self.field(lines[oldCommune], "commune_code"), oldDistrict = Self.field(lines[oldCommune], "district_code")
        let newCode = Self.field(lines[newCommune], "commune_code")
        let grouping = units.units[units.parent(of: units.commune(numericCode: Int(newCode)!)!)!].code
        let t = Self.change.before[Self.change.oldDistrict(numericCode: Int(oldDistrict)!)!.tree]
        let elsewhere = try #require(t.communeIndexes.first { t.units[t.parent(of: $0)!].code != oldDistrict }.map { t.units[$0].code })
        let edits: [(String, Int, String, String, String?)] = [
            ("an unknown code before the change", oldCommune, "commune_code", "00001", "not in units_before.json"),
            ("an unknown code after the change", newCommune, "commune_code", "00001", "not in units.json"),
            ("an old code after the change", newCommune, "commune_code", oldCode, "was merged on 2025-07-01"),
            ("no district before the change", oldCommune, "district_code", "", "a row dated before 2025-07-01 names its old district"),
            ("an old commune of another district", oldCommune, "commune_code", elsewhere, "was not in district"),
            ("not a former district", newCommune, "district_code", "999", "has no districts"),
            ("a commune code of four digits", newCommune, "commune_code", String(newCode.dropFirst()), "commune_code \(newCode.dropFirst())"),
            ("the commune's former district", newCommune, "district_code", grouping, nil),
            ("a province-level row under a former district", newProvince, "district_code", grouping, nil),
            ("a district code of four digits after the change", newProvince, "district_code", "0" + grouping, "has no districts"),
        ]
        for (name, line, column, value, refusal) in edits {
            var edited = lines
            edited[line] = AnySizeRulesTests.replacing(lines[line], column, value)
            let (general, taken) = expectSame(edited, "\(name)")
            if let refusal {
                #expect(general.issues.count == 1, "\(name): \(general.issues)")
                #expect(general.issues.first?.hasPrefix("dossiers.csv:\(line + 1):") == true, "\(name): \(general.issues)")
                #expect(general.issues.first?.contains(refusal) == true, "\(name): \(general.issues)")
                #expect(taken == 2_999, "\(name)")
            } else {
                #expect(general.issues.isEmpty, "\(name): \(general.issues)")
                #expect(taken == 3_000, "\(name)")
            }
        }
    }

    /// As `AnySizeRulesTests`, on the merged export: one core below the parallel threshold, in
    /// parts above it, and with the IDs spilled; the snapshot the same with the fused scanner or without.
    @Test func theSameEditAtTheSameLineGivesTheSameRefusalAtEverySize() throws {
        struct Size { let name: String; let rows: Int; let parts: Int; let idSetRows: Int }
        let sizes = [Size(name: "3,000 rows on one core", rows: 3_000, parts: 1, idSetRows: DossierParsers.idSetLimit),
                     Size(name: "40,000 rows in parts", rows: 40_000, parts: 3, idSetRows: DossierParsers.idSetLimit),
                     Size(name: "40,000 rows in parts, IDs spilled", rows: 40_000, parts: 2, idSetRows: 1_000)]
        func load(_ dir: String, _ size: Size, fused: Bool = true) -> Result<Snapshot, SnapshotFailure> {
            var o = SnapshotBuilder.Options()
            o.parts = size.parts
            o.idSetRows = size.idSetRows
            o.minimumParallelBytes = size.parts > 1 ? 0 : DossierParsers.parallelThreshold
            o.fused = fused
            return SnapshotLoader.load(directory: dir, options: o)
        }
        func errors(_ r: Result<Snapshot, SnapshotFailure>) -> [String] {
            if case .failure(let f) = r { return f.errors.map(\.description) }
            return []
        }
        for size in sizes {
            let fused = try load(Self.exports[size.rows]!, size).get(), general = try load(Self.exports[size.rows]!, size, fused: false).get()
            for y in 2024...2026 {
                for u in [0] + Self.context.units.districtIndexes + Self.context.units.communeIndexes {
                    #expect(fused.dossiers.total(unit: u, period: .year(y)) == general.dossiers.total(unit: u, period: .year(y)),
                            "\(size.name), unit \(u), \(y)")
                }
            }
        }
        let seed = UInt64(ProcessInfo.processInfo.environment["CDSBOARD_TEST_SEED"] ?? "") ?? 2026_12_03
        var rng = SeededRandom(seed: seed)
        let lines = Self.lines(3_000)
        let edits: [(String, (String) -> String, String)] = [
            ("an unknown commune", { AnySizeRulesTests.replacing($0, "commune_code", "00001") }, "unknown commune_code \"00001\""),
            ("an old district after the change", { l in
                Self.before(l) ? AnySizeRulesTests.replacing(l, "district_code", "") : AnySizeRulesTests.replacing(l, "district_code", "998")
            }, "district_code"),
            ("due before received", { AnySizeRulesTests.replacing($0, "due_date", "2024-01-01") }, "is before received_date"),
        ]
        for (name, edit, expected) in edits {
            var line = rng.int(2...3_000)
            while lines[line - 1].isEmpty || Self.field(lines[line - 1], "received_date") < "2024-02" { line = rng.int(2...3_000) }
            var outcomes: [String: [String]] = [:]
            for size in sizes {
                let dir = Fixtures.temporaryDirectory("cdsboard-merged-case")
                let source = Self.exports[size.rows]!
                for n in try FileManager.default.contentsOfDirectory(atPath: source) {
                    try FileManager.default.copyItem(atPath: source + "/" + n, toPath: dir + "/" + n)
                }
                var all = Fixtures.read(dir + "/dossiers.csv").components(separatedBy: "\n")
                all[line - 1] = edit(all[line - 1])
                Fixtures.write(all.joined(separator: "\n"), to: dir + "/dossiers.csv")
                Fixtures.relist(dir)
                outcomes[size.name] = errors(load(dir, size))
                #expect(errors(load(dir, size, fused: false)) == outcomes[size.name], "\(name), \(size.name): general path")
            }
            let one = outcomes[sizes[0].name]!
            let context = "\(name) at line \(line) (seed \(seed), CDSBOARD_TEST_SEED replays it)"
            #expect(one.count == 1, "\(context): \(one)")
            #expect(one.first?.hasPrefix("dossiers.csv:\(line):") == true, "\(context): \(one)")
            #expect(one.first?.contains(expected) == true, "\(context): \(one)")
            for (size, errors) in outcomes { #expect(errors == one, "\(context), \(size)") }
        }
    }
}
