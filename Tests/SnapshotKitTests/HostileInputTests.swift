import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// Files as they arrive from many hands and tools: each gives a clear error in bounded time,
/// or loads; nothing crashes or hangs.
@Suite struct HostileInputTests {
    func firstError(_ dir: String) -> String? {
        if case .failure(let f) = SnapshotLoader.load(directory: dir) { return f.first.description }
        return nil
    }

    func write(_ bytes: [UInt8], _ dir: String, _ name: String) {
        try? Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
    }

    @Test func utf16WithAndWithoutByteOrderMark() {
        let dir = TinySnapshot.write()
        let utf16 = Array(TinySnapshot.bts.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        write([0xFF, 0xFE] + utf16, dir, "bts.csv")
        #expect(firstError(dir) == "bts.csv:1: the file is UTF-16; export it as UTF-8")
        write(utf16, dir, "bts.csv")
        #expect(firstError(dir)?.hasPrefix("bts.csv:1: the file holds NUL bytes") == true)
    }

    @Test func windows1258TextIsInvalidUTF8() {
        let dir = TinySnapshot.write()
        // "Thôn" in Windows-1258: ô is 0xF4.
        let text = TinySnapshot.villages.replacingOccurrences(of: "Thôn Séo Lủng", with: "Th\u{1}n")
        var bytes = Array((text + "\n").utf8)
        if let i = bytes.firstIndex(of: 0x01) { bytes[i] = 0xF4 }
        write(bytes, dir, "villages.csv")
        #expect(firstError(dir) == "villages.csv:3:2: invalid UTF-8")
    }

    @Test func binaryGarbageIsRefusedQuickly() {
        let dir = TinySnapshot.write()
        var rng = SeededRandom(seed: 7)
        let garbage = (0..<2_000_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) | 1 }
        write(Array("month,district_code,domestic_visitors,international_visitors,revenue_million_vnd\n".utf8) + garbage, dir, "tourism.csv")
        let start = Date()
        #expect(firstError(dir)?.hasPrefix("tourism.csv:2") == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func nulBytesInsideAFieldAreKeptInertNotFatal() throws {
        let dir = TinySnapshot.write(["villages.csv": TinySnapshot.villages.replacingOccurrences(of: "Thôn Séo Lủng", with: "Thôn\u{0}Séo")])
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(s.villages[1].name == "Thôn\u{0}Séo")   // drawn as a visible ␀ (see CanvasTests)
    }

    @Test func aTenMegabyteFieldAndAHundredThousandColumnsStayBounded() throws {
        let dir = TinySnapshot.write(["ocop.csv": TinySnapshot.ocop.replacingOccurrences(of: "HTX A", with: String(repeating: "A", count: 10 << 20))])
        let start = Date()
        // Read through, and refused at its field (text fields hold at most 500 characters).
        #expect(firstError(dir)?.hasPrefix("ocop.csv:2:3: producer is too long (10485760 bytes; at most 500 characters)") == true)
        Fixtures.write(TinySnapshot.ocop + "\n", to: dir + "/ocop.csv")
        var header = TinySnapshot.tourism.split(separator: "\n")[0]
        let extra = (0..<100_000).map { "x\($0)" }.joined(separator: ",")
        header += "," + extra
        let row = "2024-04,026,1,1,1," + String(repeating: ",", count: 99_999)
        Fixtures.write(header + "\n" + row + "\n", to: dir + "/tourism.csv")
        #expect(firstError(dir) == nil)
        Fixtures.write(header + "\n2024-04,026,1,1,1\n", to: dir + "/tourism.csv")
        #expect(firstError(dir) == "tourism.csv:2: expected 100005 fields, found 5")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func deeplyNestedOrHugeJSONIsRefused() {
        let dir = TinySnapshot.write()
        Fixtures.write(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), to: dir + "/manifest.json")
        #expect(firstError(dir)?.hasPrefix("manifest.json") == true)
        Fixtures.write("{\"targets\": [" + String(repeating: "{\"indicator\": \"ocop.listed_share\", \"target\": 1, \"at_risk\": 0.9},", count: 600_000) + "{}]}", to: dir + "/targets.json")
        #expect(firstError(dir)?.hasPrefix("manifest.json") == true)
        Fixtures.write(TinySnapshot.manifest, to: dir + "/manifest.json")
        #expect(firstError(dir)?.hasPrefix("targets.json: file too large") == true)
    }

    @Test func symlinkLoopsDirectoriesAndAnEmptyDirectory() throws {
        let dir = TinySnapshot.write(["bts.csv": nil, "ocop.csv": nil])
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop-a", withDestinationPath: dir + "/bts.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/bts.csv", withDestinationPath: dir + "/loop-a")
        try FileManager.default.createDirectory(atPath: dir + "/ocop.csv", withIntermediateDirectories: true)
        guard case .failure(let f) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        let all = f.errors.map(\.description)
        #expect(all.contains("bts.csv: too many symbolic links"))
        #expect(all.contains("ocop.csv: not a regular file"))
        let empty = Fixtures.temporaryDirectory("cdsboard-empty")
        guard case .failure(let e) = SnapshotLoader.load(directory: empty) else { Issue.record("accepted"); return }
        #expect(e.errors.map(\.description).contains("manifest.json: file not found"))
        #expect(e.errors.map(\.description).contains("units.json: file not found"))
    }
}
