import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// One broken snapshot: the files changed, and the error it must give.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let overrides: [String: String?]
    let expected: String
    var testDescription: String { name }

    /// Replaces `old` with `new` in one of the tiny snapshot's files.
    static func edit(_ name: String, _ file: String, _ old: String, _ new: String, _ expected: String) -> BadInput {
        let base: String = [
            "dossiers.csv": TinySnapshot.dossiers, "bts.csv": TinySnapshot.bts, "villages.csv": TinySnapshot.villages,
            "ocop.csv": TinySnapshot.ocop, "tourism.csv": TinySnapshot.tourism, "manifest.json": TinySnapshot.manifest,
            "units.json": TinySnapshot.units,
        ][file]!
        precondition(base.contains(old), "\(name): \(old) not in \(file)")
        return BadInput(name: name, overrides: [file: base.replacingOccurrences(of: old, with: new)], expected: expected)
    }

    static let stats = """
    month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue
    2024-04,026,00715,commune,Hộ tịch,online,10,8,7,0,0,2,1
    """
}

@Suite struct BadInputTests {
    static let cases: [BadInput] = [
        BadInput(name: "manifest missing", overrides: ["manifest.json": nil], expected: "manifest.json: file not found"),
        BadInput(name: "units missing", overrides: ["units.json": nil], expected: "units.json: file not found"),
        BadInput(name: "bts missing", overrides: ["bts.csv": nil], expected: "bts.csv: file not found"),
        BadInput(name: "villages missing", overrides: ["villages.csv": nil], expected: "villages.csv: file not found"),
        BadInput(name: "no dossier file", overrides: ["dossiers.csv": nil], expected: "dossiers.csv: file not found (nor dossier_stats.csv)"),
        BadInput(name: "both dossier forms", overrides: ["dossier_stats.csv": BadInput.stats], expected: "both dossiers.csv and dossier_stats.csv"),
        BadInput(name: "manifest not JSON", overrides: ["manifest.json": "{\"province_code\": \"02\",\n"], expected: "invalid JSON"),
        .edit("generated_at without offset", "manifest.json", "08:00:00+07:00", "08:00:00", "generated_at \"2024-07-05T08:00:00\" is not ISO 8601 with an offset"),
        .edit("province code mismatch", "manifest.json", "\"province_code\": \"02\"", "\"province_code\": \"04\"", "province_code 04 does not match units.json (02)"),
        .edit("duplicate unit code", "units.json", "\"code\": \"00715\"", "\"code\": \"00712\"", "units.json: duplicate unit code 00712"),
        .edit("unit code not 5 digits", "units.json", "\"code\": \"00793\"", "\"code\": \"793\"", "is not a 5-digit code"),
        .edit("missing column", "dossiers.csv", ",due_date,", ",deadline,", "dossiers.csv:1: missing required column due_date"),
        BadInput(name: "semicolon export", overrides: ["dossiers.csv": "dossier_id;district_code;level\nD1;026;commune"], expected: "dossiers.csv:1: header has one column holding ';'"),
        BadInput(name: "empty file", overrides: ["dossiers.csv": ""], expected: "dossiers.csv:1: empty file"),
        .edit("unterminated quote", "dossiers.csv", "Vàng Thị B,D2", "\"Vàng Thị B,D2", "dossiers.csv:3:1: unterminated quoted field"),
        .edit("too few fields", "dossiers.csv", ",online,pending,001111111111", ",online,001111111111", "dossiers.csv:4: expected 13 fields, found 12"),
        .edit("unknown district", "dossiers.csv", "D2,026,00715", "D2,099,00715", "dossiers.csv:3:3: unknown district_code \"099\""),
        .edit("unknown commune", "dossiers.csv", "D2,026,00715", "D2,026,99999", "dossiers.csv:3:4: unknown commune_code \"99999\""),
        .edit("commune in another district", "dossiers.csv", "D2,026,00715", "D2,026,00793", "commune 00793 is not in district 026"),
        .edit("dd/mm/yyyy date", "dossiers.csv", "2024-04-10,2024-04-12", "10/04/2024,2024-04-12", "dossiers.csv:3:7: received_date \"10/04/2024\" is not YYYY-MM-DD (dd/mm/yyyy is not accepted)"),
        .edit("spreadsheet serial date", "dossiers.csv", "2024-04-10,2024-04-12", "45392,2024-04-12", "a spreadsheet serial number?"),
        .edit("impossible date", "dossiers.csv", "2024-04-10,2024-04-12", "2024-02-30,2024-04-12", "received_date \"2024-02-30\" is not a valid YYYY-MM-DD date"),
        .edit("due before received", "dossiers.csv", "2024-04-10,2024-04-12", "2024-04-10,2024-04-01", "dossiers.csv:3:8: due_date 2024-04-01 is before received_date 2024-04-10"),
        .edit("resolved without date", "dossiers.csv", "2024-04-05,2024-04-04,online", "2024-04-05,,online", "dossiers.csv:2:9: resolved_date is empty for a resolved dossier"),
        .edit("resolved before received", "dossiers.csv", "2024-04-05,2024-04-04,online", "2024-04-05,2024-03-01,online", "resolved_date 2024-03-01 is before received_date"),
        .edit("unknown status", "dossiers.csv", "postal,resolved", "postal,done", "dossiers.csv:6:11: unknown status \"done\""),
        .edit("unknown channel", "dossiers.csv", "postal,resolved", "fax,resolved", "unknown channel \"fax\""),
        .edit("unknown level", "dossiers.csv", "D6,030,,province", "D6,030,,ministry", "unknown level \"ministry\""),
        .edit("commune level without commune", "dossiers.csv", "D5,030,00793,commune", "D5,030,,commune", "commune_code is empty for a commune-level dossier"),
        .edit("duplicate dossier id", "dossiers.csv", "D3,026", "D1,026", "dossiers.csv:4:2: duplicate dossier_id \"D1\" (first on line 2)"),
        .edit("unknown tech", "bts.csv", "3G|4G|5G", "3G|4G|6G", "bts.csv:4:7: unknown tech \"6G\""),
        .edit("latitude not a number", "bts.csv", "23.36,105.32", "N23.36,105.32", "bts.csv:2:5: lat \"N23.36\" is not a latitude"),
        .edit("duplicate site", "bts.csv", "S3,MobiFone", "S1,MobiFone", "duplicate site_id \"S1\""),
        .edit("unknown site status", "bts.csv", "4G,planned", "4G,broken", "unknown status \"broken\""),
        .edit("negative households", "villages.csv", "00715,100,40", "00715,-100,40", "villages.csv:2:5: households is negative (-100)"),
        .edit("poor above households", "villages.csv", "00715,80,50", "00715,80,500", "poor_households (500) is greater than households (80)"),
        .edit("unknown mobile", "villages.csv", "12,3G,yes", "12,LTE,yes", "unknown mobile \"LTE\""),
        .edit("broadband not yes/no", "villages.csv", "200,10,4G,yes", "200,10,4G,maybe", "broadband \"maybe\" must be yes or no"),
        .edit("village without commune", "villages.csv", "V4,Thôn Làng Khẻn,030,00793", "V4,Thôn Làng Khẻn,030,", "villages.csv:5:4: commune_code is empty"),
        .edit("six stars", "ocop.csv", "Đồ uống,5,", "Đồ uống,6,", "ocop.csv:4:6: stars \"6\" must be 3, 4 or 5"),
        .edit("thousands separator", "tourism.csv", "2024-05,026,2000", "2024-05,026,\"2.000\"", "domestic_visitors must be a whole number without thousands separators"),
        .edit("month with slash", "tourism.csv", "2024-04,030", "2024/04,030", "tourism.csv:4:1: month \"2024/04\" is not YYYY-MM"),
        .edit("duplicate tourism row", "tourism.csv", "2023-04,026", "2024-04,026", "duplicate row for 2024-04 / 026 (first on line 2)"),
        .edit("invalid UTF-8", "ocop.csv", "Ớt gió", "\u{FFFF}", "ocop.csv:3:2: invalid UTF-8"),
        BadInput(name: "on time above resolved", overrides: ["dossiers.csv": nil, "dossier_stats.csv": BadInput.stats.replacingOccurrences(of: ",10,8,7,", with: ",10,8,9,")],
                 expected: "dossier_stats.csv:2:9: resolved_on_time (9) is greater than resolved (8)"),
        BadInput(name: "overdue above pending", overrides: ["dossiers.csv": nil, "dossier_stats.csv": BadInput.stats.replacingOccurrences(of: ",2,1", with: ",2,3")],
                 expected: "pending_overdue (3) is greater than pending (2)"),
        BadInput(name: "outcomes above received", overrides: ["dossiers.csv": nil, "dossier_stats.csv": BadInput.stats.replacingOccurrences(of: ",10,8,", with: ",5,8,")],
                 expected: "received (5) is less than resolved + returned + withdrawn + pending (10)"),
        BadInput(name: "implausibly large count", overrides: ["dossiers.csv": nil, "dossier_stats.csv": BadInput.stats.replacingOccurrences(of: ",10,8,", with: ",5000000000,8,")],
                 expected: "dossier_stats.csv:2:7: received (5000000000) is implausibly large (more than 1000000000)"),
        BadInput(name: "negative count", overrides: ["dossiers.csv": nil, "dossier_stats.csv": BadInput.stats.replacingOccurrences(of: ",10,8,", with: ",-10,8,")],
                 expected: "received is negative (-10)"),
        BadInput(name: "unknown target", overrides: ["targets.json": "{\"targets\": [{\"indicator\": \"happiness\", \"target\": 1, \"at_risk\": 0.5}]}"],
                 expected: "targets.json:1:28: target #1: unknown indicator \"happiness\""),
        BadInput(name: "at risk above target", overrides: ["targets.json": "{\"targets\": [{\"indicator\": \"ocop.listed_share\", \"target\": 0.5, \"at_risk\": 0.9}]}"],
                 expected: "at_risk (0.9) is above target (0.5)"),
    ]

    @Test(arguments: cases)
    func refusesWithAClearFileLineError(_ c: BadInput) throws {
        var overrides = c.overrides
        if c.name == "invalid UTF-8" {
            // Write real invalid bytes (0xFF) in place of the marker.
            overrides["ocop.csv"] = nil
            let dir = TinySnapshot.write(overrides)
            var bytes = Array((TinySnapshot.ocop + "\n").utf8)
            let marker = Array("Ớt gió".utf8)
            if let at = (0...(bytes.count - marker.count)).first(where: { Array(bytes[$0..<($0 + marker.count)]) == marker }) {
                bytes.replaceSubrange(at..<(at + marker.count), with: [0xFF, 0xFE])
            }
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/ocop.csv"))
            try check(dir, c)
            return
        }
        try check(TinySnapshot.write(overrides), c)
    }

    func check(_ dir: String, _ c: BadInput) throws {
        switch SnapshotLoader.load(directory: dir) {
        case .success:
            Issue.record("\(c.name): the snapshot was accepted")
        case .failure(let f):
            let messages = f.errors.map(\.description)
            #expect(messages.contains { $0.contains(c.expected) }, "\(c.name): expected \(c.expected), got \(messages)")
        }
    }

    @Test func theTableHasAtLeastThirtyDistinctCases() {
        #expect(Set(Self.cases.map(\.expected)).count >= 30)
    }

    @Test func aRefusedSnapshotLeavesTheLastGoodOneInPlace() throws {
        let dir = TinySnapshot.write()
        let provider = LiveSnapshotProvider(directory: dir)
        guard case .loaded(let good) = provider.loadNow() else { Issue.record("tiny snapshot refused"); return }
        var current: Snapshot? = good
        Fixtures.write(TinySnapshot.dossiers.replacingOccurrences(of: "D2,026", with: "D2,099") + "\n", to: dir + "/dossiers.csv")
        switch provider.loadNow() {
        case .loaded(let s): current = s
        case .refused(let f): #expect(f.first.description.hasPrefix("dossiers.csv:3:3"))
        case .arriving(let name): Issue.record("arriving \(name) without a file list")
        }
        let unchanged = current == good
        #expect(unchanged)
    }

    @Test func aValidSnapshotHasNoErrorsAndMissingTargetsAreAllowed() throws {
        let dir = TinySnapshot.write()
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(s.targets.targets.isEmpty)
        // Only the recommendation to list the files in the manifest.
        #expect(s.warnings == [ExportIntegrity.recommendation])
    }

    @Test func aSiteOutsideTheProvinceIsAWarningNotAnError() throws {
        let dir = TinySnapshot.write(["bts.csv": TinySnapshot.bts.replacingOccurrences(of: "23.36,105.32", with: "48.85,2.35")])
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(s.warnings.filter { $0 != ExportIntegrity.recommendation }.map(\.description)
                == ["bts.csv:2: warning: site S1 lies outside Vietnam's extent (48.85, 2.35)"])
    }

    @Test func aMissingDirectoryIsReported() {
        guard case .failure(let f) = SnapshotLoader.load(directory: "/nonexistent/cdsboard") else { Issue.record("accepted"); return }
        #expect(f.first.message == "snapshot directory not found")
    }
}
