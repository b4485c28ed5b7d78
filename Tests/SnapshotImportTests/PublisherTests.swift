import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import SnapshotImport

/// A new version published whole or not at all: into a plain directory (files renamed over, the
/// manifest last) or by swapping a symlink; a version that fails `check` writes nothing.
@Suite struct PublisherTests {
    /// A copy of the Hà Giang sample (small) and its tourism.csv with one figure changed.
    func sample() throws -> (dir: String, tourism: Data) {
        let dir = Fixtures.copyOfSample()
        var lines = Fixtures.read(dir + "/tourism.csv").split(separator: "\n").map(String.init)
        var f = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        f[2] = "123456"
        lines[1] = f.joined(separator: ",")
        return (dir, Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    func listing(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] { out[name] = FileManager.default.contents(atPath: dir + "/" + name) }
        return out
    }

    @Test func aPlainDirectoryGetsTheNewFilesAndManifestAndStillChecks() throws {
        let (dir, tourism) = try sample()
        let published = try SnapshotPublisher.publish(["tourism.csv": tourism], into: dir, generatedAt: "2026-12-03T08:00:00+07:00")
        #expect(published == .init(directory: URL(fileURLWithPath: dir).resolvingSymlinksInPath().path, changed: ["tourism.csv", "manifest.json"], viaSymlink: false))
        #expect(FileManager.default.contents(atPath: dir + "/tourism.csv") == tourism)
        let manifest = Fixtures.read(dir + "/manifest.json")
        #expect(manifest.contains("\"generated_at\" : \"2026-12-03T08:00:00+07:00\""))
        #expect(manifest.contains(SHA256.hex([UInt8](tourism))))
        guard case .success = SnapshotLoader.load(directory: dir) else { Issue.record("the published version does not load"); return }
        let parent = (dir as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix("." + (dir as NSString).lastPathComponent + ".import-") }.isEmpty, "no staging copy left")
    }

    @Test func aVersionThatFailsCheckWritesNothing() throws {
        let (dir, _) = try sample()
        let before = listing(dir)
        let broken = Data("month,district_code,domestic_visitors,international_visitors,revenue_million_vnd\n2024-06,999,1,1,1\n".utf8)
        do {
            _ = try SnapshotPublisher.publish(["tourism.csv": broken], into: dir, generatedAt: "2026-12-03T08:00:00+07:00")
            Issue.record("published")
        } catch {
            #expect(error.description.contains("tourism.csv:2"), "\(error)")
            #expect(error.description.hasSuffix("the new version does not pass check: nothing written"))
        }
        #expect(listing(dir) == before)
        let parent = (dir as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix("." + (dir as NSString).lastPathComponent + ".import-") }.isEmpty)
    }

    @Test func aSymlinkedSnapshotIsSwappedToANewVersionAndTheOldOneKept() throws {
        let (dir, tourism) = try sample()
        let root = Fixtures.temporaryDirectory("cdsboard-releases")
        try FileManager.default.moveItem(atPath: dir, toPath: root + "/2024-07-06")
        try FileManager.default.createSymbolicLink(atPath: root + "/current", withDestinationPath: root + "/2024-07-06")
        let old = listing(root + "/2024-07-06")
        let published = try SnapshotPublisher.publish(["tourism.csv": tourism], into: root + "/current", generatedAt: "2026-12-03T08:00:00+07:00",
                                                      periodEnd: "2024-07-31")
        #expect(published.viaSymlink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/current") == published.directory)
        #expect(published.directory.hasPrefix(root + "/import-20261203080000-"))
        #expect(listing(root + "/2024-07-06") == old, "the old version is untouched")
        #expect(FileManager.default.contents(atPath: root + "/current/tourism.csv") == tourism)
        #expect(Fixtures.read(root + "/current/manifest.json").contains("\"period_end\" : \"2024-07-31\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".") }.isEmpty)
    }
}
