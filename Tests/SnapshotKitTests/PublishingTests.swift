import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// The three usual ways to publish an export, followed by the real provider on real files
/// (issue 12, item 3). Each prints the seconds from the publishing step to the loaded event.
@Suite(.serialized) struct PublishingTests {
    /// Two complete exports (April 2024 visitors 1600 and 2000), each with its file list.
    func exports(in root: String) -> (old: String, new: String) {
        let old = root + "/releases/2024-07-05", new = root + "/releases/2024-07-06"
        for (dir, tourism) in [(old, TinySnapshot.tourism),
                               (new, TinySnapshot.tourism.replacingOccurrences(of: "2024-04,030,500,0", with: "2024-04,030,900,0"))] {
            let written = TinySnapshot.write(["tourism.csv": tourism])
            try? FileManager.default.createDirectory(atPath: root + "/releases", withIntermediateDirectories: true)
            #expect(rename(written, dir) == 0)
            Fixtures.relist(dir)
        }
        return (old, new)
    }

    /// Seconds from now until the provider loads a snapshot, and its April visitors.
    func timeToLoad(_ p: LiveSnapshotProvider, timeout: Double = 5) -> (seconds: Double, visitors: Int?) {
        let start = monotonicNow()
        let event = p.nextDecision(timeout: timeout).event
        return (monotonicNow() - start, aprilVisitors(event))
    }

    @Test(arguments: [true, false])
    func aSymlinkSwapIsFollowed(inotify: Bool) throws {
        let root = Fixtures.temporaryDirectory("cdsboard-publish-link")
        let (old, new) = exports(in: root)
        #expect(symlink(old, root + "/current") == 0)
        let p = LiveSnapshotProvider(directory: root + "/current", useInotify: inotify)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        // ln -sfn new tmp && mv -T tmp current, twice (there and back).
        for (target, visitors) in [(new, 2000), (old, 1600)] {
            #expect(symlink(target, root + "/current.tmp") == 0)
            #expect(rename(root + "/current.tmp", root + "/current") == 0)
            let (s, v) = timeToLoad(p, timeout: inotify ? 3 : 6)
            #expect(v == visitors)
            if v != nil { print("publishing: symlink swap (\(inotify ? "inotify" : "polling")) → loaded in \(String(format: "%.3f", s)) s") }
        }
        // A file changed in the new target is seen (the watch moved there).
        Fixtures.write(TinySnapshot.tourism.replacingOccurrences(of: "2024-04,030,500,0", with: "2024-04,030,600,0") + "\n",
                       to: old + "/tourism.csv")
        Fixtures.relist(old)
        #expect(timeToLoad(p, timeout: inotify ? 3 : 6).visitors == 1700)
        p.stop()
    }

    /// Issue 25: an export without a valid manifest whose one dossier awaits a supplement once
    /// trapped every viewer 0.2 s after the swap. Now it is refused, with the manifest named,
    /// and the viewer stays on the last good snapshot (the provider sends nothing else); a good
    /// export swapped in after it is loaded.
    @Test func aSymlinkSwapToAnExportWithoutAManifestIsRefusedNotFatal() throws {
        let root = Fixtures.temporaryDirectory("cdsboard-publish-trap")
        let (old, new) = exports(in: root)
        let bad = root + "/releases/2024-07-07"
        let dossiers = TinySnapshot.dossiers.replacingOccurrences(of: ",online,pending,001111111111", with: ",online,supplement,001111111111")
        #expect(dossiers != TinySnapshot.dossiers)
        #expect(rename(TinySnapshot.write(["dossiers.csv": dossiers, "manifest.json": nil]), bad) == 0)
        #expect(symlink(old, root + "/current") == 0)
        let p = LiveSnapshotProvider(directory: root + "/current")
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        #expect(symlink(bad, root + "/current.tmp") == 0)
        #expect(rename(root + "/current.tmp", root + "/current") == 0)
        var refusal: SnapshotFailure? = nil
        while let e = p.nextEvent(timeout: 5) {
            if case .refused(let f) = e { refusal = f; break }
            if case .loaded = e { Issue.record("an export without a manifest was loaded"); break }
        }
        #expect(refusal?.errors.map(\.description) == ["manifest.json: file not found"])
        #expect(symlink(new, root + "/current.tmp") == 0)
        #expect(rename(root + "/current.tmp", root + "/current") == 0)
        #expect(timeToLoad(p).visitors == 2000)
        p.stop()
    }

    @Test func aDirectoryRenamedIntoPlaceIsFollowed() throws {
        let root = Fixtures.temporaryDirectory("cdsboard-publish-dir")
        let (old, new) = exports(in: root)
        #expect(rename(old, root + "/current") == 0)
        let p = LiveSnapshotProvider(directory: root + "/current")
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        // mv current previous && mv new current
        #expect(rename(root + "/current", root + "/previous") == 0)
        #expect(rename(new, root + "/current") == 0)
        let (s, v) = timeToLoad(p)
        #expect(v == 2000)
        print("publishing: directory rename → loaded in \(String(format: "%.3f", s)) s")
        // The old directory, changed after it was moved away, is not looked at any more.
        while p.nextEvent(timeout: 0.4) != nil {}
        Fixtures.write("garbage\n", to: root + "/previous/tourism.csv")
        let stillWatched = p.nextEvent(timeout: 0.6) != nil
        #expect(!stillWatched, "the moved-away directory is still watched")
        p.stop()
    }

    @Test func filesRenamedIntoPlaceAreFollowed() throws {
        let root = Fixtures.temporaryDirectory("cdsboard-publish-files")
        let (old, new) = exports(in: root)
        let p = LiveSnapshotProvider(directory: old)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) == 1600)
        // Each file written beside its final name, then renamed over it; the manifest last.
        for name in ["tourism.csv", "manifest.json"] {
            try FileManager.default.copyItem(atPath: new + "/" + name, toPath: old + "/." + name + ".tmp")
            #expect(rename(old + "/." + name + ".tmp", old + "/" + name) == 0)
        }
        let (s, v) = timeToLoad(p)
        #expect(v == 2000)
        print("publishing: files renamed → loaded in \(String(format: "%.3f", s)) s")
        p.stop()
    }
}
