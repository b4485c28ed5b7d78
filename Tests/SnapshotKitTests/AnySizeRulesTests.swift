import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// One export judged the same whatever its size: the same edit at the same line gives the same
/// refusal in a file of one row, one read on one core, one read in parts on several cores and
/// one whose IDs spill to temporary files; and a manifest that does not validate refuses the
/// export before any row is counted (issue 25: a `supplement` row counted against a missing
/// manifest trapped every viewer).
@Suite struct AnySizeRulesTests {
    /// How an export of some size is read.
    struct Size: CustomTestStringConvertible, Sendable {
        let name: String
        let rows: Int
        let parts: Int
        let idSetRows: Int
        var testDescription: String { name }
    }

    static let sizes = [
        Size(name: "1 row", rows: 1, parts: 1, idSetRows: DossierParsers.idSetLimit),
        Size(name: "3,000 rows on one core", rows: 3_000, parts: 1, idSetRows: DossierParsers.idSetLimit),
        Size(name: "40,000 rows in parts", rows: 40_000, parts: 3, idSetRows: DossierParsers.idSetLimit),
        Size(name: "40,000 rows in parts, IDs spilled", rows: 40_000, parts: 2, idSetRows: 1_000),
    ]

    /// A generated export of Hà Giang's units (raw rows, manifest with digests) of 40,000 rows, and
    /// its first 3,000 rows and its first dossier awaiting a supplement as exports of their own:
    /// the same line holds the same row at every size.
    static let exports: [Int: String] = {
        let units = FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/units.json")!
        let large = Fixtures.temporaryDirectory("cdsboard-anysize-40000")
        var g = SampleGenerator(unitsJSON: units)
        g.form = .rows
        g.dossierRows = 40_000
        try! g.write(to: large)
        let lines = Fixtures.read(large + "/dossiers.csv").components(separatedBy: "\n")
        func cut(_ label: String, _ rows: [String]) -> String {
            let dir = Fixtures.temporaryDirectory("cdsboard-anysize-\(label)")
            for name in try! FileManager.default.contentsOfDirectory(atPath: large) {
                try! FileManager.default.copyItem(atPath: large + "/" + name, toPath: dir + "/" + name)
            }
            Fixtures.write(([lines[0]] + rows).joined(separator: "\n") + "\n", to: dir + "/dossiers.csv")
            Fixtures.relist(dir)
            return dir
        }
        let pending = lines.dropFirst().first { $0.contains(",pending,") }!
        return [40_000: large, 3_000: cut("3000", Array(lines[1...3_000])),
                1: cut("1", [pending.replacingOccurrences(of: ",pending,", with: ",supplement,")])]
    }()

    /// A copy of the export of `size`, with `edit` applied to its files (by name).
    func export(_ size: Size, _ edit: (inout [String: String]) -> Void) -> String {
        let source = Self.exports[size.rows]!
        let dir = Fixtures.temporaryDirectory("cdsboard-anysize-case")
        var files: [String: String] = [:]
        for name in try! FileManager.default.contentsOfDirectory(atPath: source) {
            files[name] = Fixtures.read(source + "/" + name)
        }
        var edited = files
        edit(&edited)
        for (name, text) in edited { Fixtures.write(text, to: dir + "/" + name) }
        if edited["dossiers.csv"] != files["dossiers.csv"], edited["manifest.json"] == files["manifest.json"] {
            Fixtures.relist(dir)
        }
        return dir
    }

    func load(_ dir: String, _ size: Size) -> [String] {
        var o = SnapshotBuilder.Options()
        o.parts = size.parts
        o.idSetRows = size.idSetRows
        switch SnapshotLoader.load(directory: dir, options: o) {
        case .success: return []
        case .failure(let f): return f.errors.map(\.description)
        }
    }

    // MARK: The manifest, judged before any row

    /// Each fault a manifest was found with that let rows be counted against a made-up period end.
    static let manifestFaults: [(String, @Sendable (inout [String: String]) -> Void, String)] = {
        func field(_ key: String, _ value: String?) -> @Sendable (inout [String: String]) -> Void {
            { files in
                var o = try! JSONSerialization.jsonObject(with: Data(files["manifest.json"]!.utf8)) as! [String: Any]
                if let value { o[key] = try! JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed) }
                else { o[key] = nil }
                files["manifest.json"] = String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
            }
        }
        var cases: [(String, @Sendable (inout [String: String]) -> Void, String)] = [
            ("missing", { $0["manifest.json"] = nil }, "manifest.json: file not found"),
            ("empty", { $0["manifest.json"] = "" }, "manifest.json:1: invalid JSON"),
            ("a list", { $0["manifest.json"] = "[]" }, "manifest.json:1: expected a JSON object"),
            ("invalid JSON", { $0["manifest.json"] = "{\"province_code\": " }, "manifest.json:1: invalid JSON"),
            ("no period_end", field("period_end", nil), "manifest.json: missing or empty \"period_end\""),
            ("no generated_at", field("generated_at", nil), "manifest.json: missing or empty \"generated_at\""),
            ("no province_code", field("province_code", nil), "manifest.json: missing or empty \"province_code\""),
            ("generated_at without offset", field("generated_at", "\"2024-07-05T08:00:00\""), "is not ISO 8601 with an offset"),
            ("files not a list", field("files", "\"x\""), "manifest.json: files: expected a list"),
            ("period_end a number", field("period_end", "20240630"), "\"period_end\" must be a string"),
        ]
        for bad in ["garbage", "2024-02-30", "30/06/2024", "2024-06", "2024-06-30T00:00:00Z"] {
            cases.append(("period_end \(bad)", field("period_end", "\"\(bad)\""), "period_end \"\(bad)\" is not a YYYY-MM-DD date"))
        }
        for far in ["1989-12-31", "2200-01-31", "9999-12-31", "0001-01-31"] {
            cases.append(("period_end \(far)", field("period_end", "\"\(far)\""), "period_end \(far) is outside the accepted months"))
        }
        return cases
    }()

    @Test(arguments: sizes)
    func aFaultyManifestRefusesTheExportBeforeAnyRowIsCounted(size: Size) {
        #expect(Self.manifestFaults.count == 19)
        for (name, edit, expected) in Self.manifestFaults {
            let errors = load(export(size, edit), size)
            #expect(errors.count == 1, "\(name): \(errors)")
            #expect(errors.first?.hasPrefix("manifest.json") == true, "\(name): \(errors)")
            #expect(errors.first?.contains(expected) == true, "\(name): \(errors)")
        }
    }

    @Test func theUneditedExportsLoadAtEverySize() {
        for size in Self.sizes { #expect(load(export(size) { _ in }, size) == [], "\(size.name)") }
    }

    // MARK: Rows, judged the same at every size

    /// Edits of one data line (file line `line`, the header being line 1), each with the refusal it must give.
    static let rowEdits: [(String, @Sendable (String) -> String, String)] = [
        ("a status with a NUL byte", { replacing($0, "status", "pending\u{0}") }, "unknown status"),
        ("a level with a NUL byte", { replacing($0, "level", "commune\u{0}") }, "unknown level"),
        ("a channel with two NUL bytes", { replacing($0, "channel", "online\u{0}\u{0}") }, "unknown channel"),
        ("an ID after NUL bytes", { replacing($0, "dossier_id", String(repeating: "\u{0}", count: 4_096) + "D1") }, "control character U+0000"),
        ("an ID with a tab", { replacing($0, "dossier_id", "D\t1") }, "control character U+0009"),
        ("a field name with a control byte", { replacing($0, "field", "Hộ\u{7}tịch") }, "control character U+0007"),
        ("due before received", { replacing($0, "due_date", "1999-01-01") }, "is before received_date"),
        ("an unknown status", { replacing($0, "status", "lost") }, "unknown status \"lost\""),
        ("e_result on a pending dossier", {
            replacing(replacing(replacing($0, "status", "pending"), "resolved_date", ""), "e_result", "yes")
        }, "e_result is yes for a dossier that is not resolved"),
    ]

    /// The generated file's columns.
    static let columns = Fixtures.read(exports[3_000]! + "/dossiers.csv").prefix { $0 != "\n" }.components(separatedBy: ",")

    /// `line` with the field of `column` set to `value` (the generated lines quote only the address, never a read column).
    static func replacing(_ line: String, _ column: String, _ value: String) -> String {
        var fields = NaiveCSV.fields(ofLine: line)
        fields[columns.firstIndex(of: column)!] = value
        return fields.joined(separator: ",")
    }

    @Test func theSameEditAtTheSameLineGivesTheSameRefusalAtEverySize() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["CDSBOARD_TEST_SEED"] ?? "") ?? 2026_12_03
        var rng = SeededRandom(seed: seed)
        let header = Fixtures.read(Self.exports[3_000]! + "/dossiers.csv").components(separatedBy: "\n")[0]
        #expect(header.components(separatedBy: ",").count > 15, "the generated file has the flag columns")
        for (name, edit, expected) in Self.rowEdits {
            let line = rng.int(2...3_000)
            var outcomes: [String: [String]] = [:]
            for size in Self.sizes where size.rows > 1 {
                let dir = export(size) { files in
                    var lines = files["dossiers.csv"]!.components(separatedBy: "\n")
                    lines[line - 1] = edit(lines[line - 1])
                    files["dossiers.csv"] = lines.joined(separator: "\n")
                }
                outcomes[size.name] = load(dir, size)
            }
            let one = outcomes[Self.sizes[1].name]!
            let context = "\(name) at line \(line) (seed \(seed), CDSBOARD_TEST_SEED replays it)"
            #expect(one.count == 1, "\(context): \(one)")
            #expect(one.first?.hasPrefix("dossiers.csv:\(line):") == true, "\(context): \(one)")
            #expect(one.first?.contains(expected) == true, "\(context): \(one)")
            for (size, errors) in outcomes { #expect(errors == one, "\(context), \(size)") }
        }
    }
}
