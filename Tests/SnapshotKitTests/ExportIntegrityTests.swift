import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 against the standard vectors (FIPS 180-4 examples, NIST CAVS).
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func standardVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        #expect(SHA256.hex(Array(input.utf8), portable: true) == digest)
    }

    @Test(arguments: [false, true])
    func aMillionAsInPiecesOfEverySize(portable: Bool) {
        var h = SHA256(portable: portable)
        var left = 1_000_000, k = 0
        while left > 0 {
            let n = min(left, [1, 63, 64, 65, 1000, 4096][k % 6])
            h.update([UInt8](repeating: 0x61, count: n))
            left -= n; k += 1
        }
        #expect(h.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aFileIsHashedAsItsBytes() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-sha")
        let bytes = (0..<3_000_001).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/f"))
        let (hex, count) = try SHA256.hexOfFile(at: dir + "/f")
        #expect(count == bytes.count)
        #expect(hex == SHA256.hex(bytes, portable: true))
        print("sha256: hardware path \(SHA256.hardware ? "used" : "not available")")
    }
}

/// "An export is complete or it is not shown" (issue 12, items 4 and 5).
@Suite(.serialized) struct ExportIntegrityTests {
    /// The tiny snapshot with a `files` list in its manifest.
    func listedTiny() -> String {
        let dir = TinySnapshot.write()
        Fixtures.relist(dir)
        return dir
    }

    /// The next export, made beside `dir`: its files with `changes` applied, and its list.
    func stage(from dir: String, changing changes: [String: String]) throws -> String {
        let staged = Fixtures.temporaryDirectory("cdsboard-staged")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where changes[name] == nil {
            try FileManager.default.copyItem(atPath: dir + "/" + name, toPath: staged + "/" + name)
        }
        for (name, text) in changes { Fixtures.write(text, to: staged + "/" + name) }
        Fixtures.relist(staged)
        return staged
    }

    static let newTourism = TinySnapshot.tourism.replacingOccurrences(of: "2024-04,030,500,0", with: "2024-04,030,900,0") + "\n"

    @Test func theSampleListsEveryFile() throws {
        let sample = try JSONFiles.manifest(data: JSONFiles.read(Fixtures.sampleDirectory, "manifest.json"))
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleDirectory)
            .filter { !$0.hasPrefix(".") && $0 != "manifest.json" }.sorted()
        #expect(sample.files?.map(\.name) == names)
        #expect(ExportIntegrity.verify(directory: Fixtures.sampleDirectory) == .complete)
    }

    @Test func checkNamesTheFileThatDiffersAndRecommendsAList() throws {
        let dir = listedTiny()
        Fixtures.write(Self.newTourism, to: dir + "/tourism.csv")
        guard case .failure(let f) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        #expect(f.first.description == "tourism.csv: sha256 differs from manifest (listed in manifest.json)")
        Fixtures.write("month\n", to: dir + "/tourism.csv")
        guard case .failure(let g) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        // After the file's own errors (a half-written file parses badly).
        #expect(g.errors.contains { $0.description.hasPrefix("tourism.csv: size differs from manifest: 6 bytes") })
        try FileManager.default.removeItem(atPath: dir + "/ocop.csv")
        guard case .failure(let h) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        #expect(h.errors.map(\.description).contains("ocop.csv: file not found (listed in manifest.json)"))
        // Without a list: taken, with a warning.
        let plain = TinySnapshot.write()
        guard case .success(let s) = SnapshotLoader.load(directory: plain) else { Issue.record("refused"); return }
        #expect(s.warnings.map(\.description).contains { $0.hasPrefix("manifest.json: warning: no \"files\" list") })
    }

    @Test(arguments: [
        ("\"files\": 3", "files: expected a list"),
        ("\"files\": [{\"name\": \"../etc/passwd\", \"bytes\": 1, \"sha256\": \"\(String(repeating: "0", count: 64))\"}]", "files[0]: \"name\""),
        ("\"files\": [{\"name\": \"bts.csv\", \"bytes\": -1, \"sha256\": \"\(String(repeating: "0", count: 64))\"}]", "files[0]: \"bytes\""),
        ("\"files\": [{\"name\": \"bts.csv\", \"bytes\": 1, \"sha256\": \"xyz\"}]", "files[0]: \"sha256\""),
    ])
    func aMalformedListIsAnError(member: String, expected: String) throws {
        let manifest = TinySnapshot.manifest.replacingOccurrences(of: "\"sources\"", with: member + ", \"sources\"")
        let dir = TinySnapshot.write(["manifest.json": manifest])
        guard case .failure(let f) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        #expect(f.first.description.hasPrefix("manifest.json: " + expected), "\(f.first)")
    }

    /// Item 4: an in-place writer pausing at a line end leaves a valid-looking prefix.
    @Test func aHalfWrittenFileIsNotTakenUntilItIsComplete() throws {
        let dir = listedTiny()
        let p = LiveSnapshotProvider(directory: dir)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        // The new export: manifest first (by rename), then tourism.csv written in place.
        let staged = try stage(from: dir, changing: ["tourism.csv": Self.newTourism])
        #expect(rename(staged + "/manifest.json", dir + "/.m") == 0 && rename(dir + "/.m", dir + "/manifest.json") == 0)
        let bytes = Array(Self.newTourism.utf8)
        let half = bytes.firstIndex(of: 0x0A)! + 1 + 24   // the header and a line, and a bit
        let cut = bytes[..<half].lastIndex(of: 0x0A)! + 1  // … paused at a line end
        let fd = open(dir + "/tourism.csv", O_WRONLY | O_TRUNC)
        _ = bytes[..<cut].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        // Paused: the prefix parses, but it is not the listed file.
        guard case .arriving(let name)? = p.nextEvent(timeout: 2) else { Issue.record("not arriving"); return }
        #expect(name == "tourism.csv")
        _ = bytes[cut...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let (event, _) = p.nextDecision(timeout: 3)
        #expect(aprilVisitors(event) == 2000)
        p.stop()
    }

    /// Item 5: an exporter replacing files one by one, manifest first: never a mixed snapshot.
    @Test func filesReplacedOneByOneAreTakenOnlyWhenAllMatch() throws {
        let dir = listedTiny()
        let p = LiveSnapshotProvider(directory: dir)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        let villages = TinySnapshot.villages.replacingOccurrences(of: "V2,Thôn Séo Lủng,026,00715,80,50,none",
                                                                  with: "V2,Thôn Séo Lủng,026,00715,80,50,4G") + "\n"
        let staged = try stage(from: dir, changing: ["tourism.csv": Self.newTourism, "villages.csv": villages])
        var events: [ProviderEvent] = []
        for name in ["manifest.json", "tourism.csv", "villages.csv"] {
            try FileManager.default.copyItem(atPath: staged + "/" + name, toPath: dir + "/." + name)
            #expect(rename(dir + "/." + name, dir + "/" + name) == 0)
            if name != "villages.csv", let e = p.nextEvent(timeout: 2) { events.append(e) }
        }
        for e in events {
            guard case .arriving = e else { Issue.record("a mixed export was shown: \(e)"); return }
        }
        let (event, _) = p.nextDecision(timeout: 3)
        guard case .loaded(let s)? = event else { Issue.record("not taken: \(String(describing: event))"); return }
        #expect(aprilVisitors(event) == 2000)
        #expect(s.villageTotals[0].coverageShare == 1.0)
        p.stop()
    }

    @Test func filesThatStillDifferAfterTheTimeoutAreRefused() throws {
        let dir = listedTiny()
        let p = LiveSnapshotProvider(directory: dir, arrivalTimeout: 0.6, arrivalRecheck: 0.2)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        Fixtures.write(Self.newTourism, to: dir + "/tourism.csv")
        let start = monotonicNow()
        let (event, arriving) = p.nextDecision(timeout: 3)
        #expect(!arriving.isEmpty && arriving.allSatisfy { $0 == "tourism.csv" })
        guard case .refused(let f)? = event else { Issue.record("not refused: \(String(describing: event))"); return }
        #expect(f.first.description == "tourism.csv: sha256 differs from manifest (listed in manifest.json)")
        #expect(monotonicNow() - start >= 0.6)
        // The exporter fixes it: taken.
        Fixtures.relist(dir)
        #expect(aprilVisitors(p.nextDecision(timeout: 3).event) == 2000)
        p.stop()
    }
}
