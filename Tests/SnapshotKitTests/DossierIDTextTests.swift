import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// A `dossier_id` is bytes: ASCII only, so that the same-looking ID in NFC and in NFD cannot
/// be two dossiers. Refused at its `file:line:column` on every path (the fused scanner, the
/// general path on one core and in parts, a table read once).
@Suite struct DossierIDTextTests {
    static let nfc = "HG-Đ\u{1EC7}-1"                                   // "HG-Đệ-1", precomposed
    static let nfd = nfc.decomposedStringWithCanonicalMapping          // the same, decomposed

    @Test func theTwoFormsAreDifferentBytesThatLookTheSame() {
        #expect(Self.nfc == Self.nfd && Array(Self.nfc.utf8) != Array(Self.nfd.utf8))
    }

    @Test(arguments: [true, false])
    func aNonASCIIIDIsRefusedOnEveryPath(fused: Bool) {
        var lines = FusedScannerTests.generated
        lines[5] = lines[5].replacingOccurrences(of: "HG-", with: Self.nfc + "-")
        lines[900] = lines[900].replacingOccurrences(of: "HG-", with: Self.nfd + "-")
        let dir = Fixtures.temporaryDirectory("cdsboard-id-text")
        Fixtures.write(lines.joined(separator: "\n"), to: dir + "/dossiers.csv")
        for parts in [1, 3] {
            var acc = DossierAccumulator()
            var issues = IssueCollector()
            DossierParsers.raw(dir, RowContext(units: ParallelReadTests.units, periodEnd: ParallelReadTests.periodEnd),
                               into: &acc, issues: &issues, reading: RawReading(parts: parts, minimumParallelBytes: 0, fused: fused))
            let e = issues.errors.map(\.description)
            #expect(e.count == 2 && e[0].hasPrefix("dossiers.csv:6:1: dossier_id \"HG-Đệ-1-") && e[1].hasPrefix("dossiers.csv:901:1: "),
                    "fused \(fused), \(parts) parts: \(e)")
            #expect(e.allSatisfy { $0.contains("is not ASCII") })
        }
    }

    @Test func aTableReadOnceRefusesItToo() {
        let dossiers = TinySnapshot.dossiers.replacingOccurrences(of: ",D1,", with: ",\(Self.nfc),")
            .replacingOccurrences(of: ",D3,", with: ",\(Self.nfd),")
        switch SnapshotLoader.load(directory: TinySnapshot.write(["dossiers.csv": dossiers])) {
        case .success: Issue.record("the same-looking IDs were accepted")
        case .failure(let f):
            let e = f.errors.map(\.description)
            #expect(e.contains { $0.hasPrefix("dossiers.csv:2:2: dossier_id \"HG-Đệ-1\" is not ASCII") }, "\(e)")
            #expect(e.contains { $0.hasPrefix("dossiers.csv:4:2: dossier_id ") }, "\(e)")
        }
        // Another source's table, read once (IDs kept as text: NFC and NFD would compare equal there).
        switch try? BuilderTests.build(dossiers: dossiers) {
        case .failure(let f)?:
            let e = f.errors.map(\.description)
            #expect(e.contains { $0.hasPrefix("db:dossiers:2:2: dossier_id \"HG-Đệ-1\" is not ASCII") }, "\(e)")
        default: Issue.record("the builder accepted the IDs")
        }
    }
}
