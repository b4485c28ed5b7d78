import Foundation
import Synchronization
import Testing
@testable import SnapshotKit
import DashboardTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A source that is not a directory, written in the test target alone, as a database source
/// would be: numbered versions (each a snapshot directory here), a fingerprint that is the
/// version's number, and a change signal on a pipe (as a `LISTEN` connection's socket).
final class VersionedSource: SnapshotSource, @unchecked Sendable {
    private let state = Mutex<(versions: [String], current: Int, loads: Int)>(([], 0, 0))
    private var pipeFDs: [Int32] = [-1, -1]
    var cacheable = true

    init(versions: [String]) {
        state.withLock { $0.versions = versions }
        _ = pipe(&pipeFDs)
        _ = fcntl(pipeFDs[0], F_SETFL, fcntl(pipeFDs[0], F_GETFL) | O_NONBLOCK)
    }

    deinit { pipeFDs.forEach { close($0) } }

    var name: String { "versions://test" }
    var loads: Int { state.withLock { $0.loads } }

    /// Makes the next version current and tells the followers.
    func publishNext() {
        state.withLock { $0.current += 1 }
        var byte: UInt8 = 1
        _ = write(pipeFDs[1], &byte, 1)
    }

    func load(options: SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure> {
        let dir = state.withLock { s -> String in s.loads += 1; return s.versions[s.current] }
        return SnapshotLoader.load(directory: dir, options: options)
    }

    func fingerprint(cacheDirectory: String?) -> Result<SourceFingerprint, NotCacheable> {
        guard cacheable else { return .failure(NotCacheable("the test source says no")) }
        return .success(SourceFingerprint(text: "version \(state.withLock { $0.current })\n", newestChange: 0))
    }

    func signature() -> String { "\(state.withLock { $0.current })" }

    func makeChangeSignal(useInotify: Bool) -> ChangeSignal { PipeSignal(fd: pipeFDs[0]) }
}

/// A change signal that is one readable descriptor.
final class PipeSignal: ChangeSignal {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }
    var fileDescriptors: [Int32] { [fd] }
    var deadline: Double? { nil }
    func handleReadable(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        var any = false
        while read(fd, &byte, 1) > 0 { any = true }
        return any
    }
    func handleDeadline(now: Double) -> Bool { false }
    var degradation: String? { nil }
    var notifies: Bool { false }
    func watchFile(_ path: String) -> Int32? { nil }
    func unwatchFile(_ wd: Int32) {}
    func takeFileEvents() -> Set<Int32> { [] }
}

@Suite struct SnapshotSourceTests {
    /// Two versions of the tiny sample that differ in one tourism figure.
    static func twoVersions() -> [String] {
        let first = Fixtures.copyOfSample()
        let second = Fixtures.copyOfSample()
        let path = second + "/tourism.csv"
        var lines = Fixtures.read(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = lines.firstIndex { $0.hasPrefix("2024-04,") }!
        var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = String(Int(fields[2])! + 1000)
        lines[i] = fields.joined(separator: ",")
        Fixtures.write(lines.joined(separator: "\n"), to: path)
        Fixtures.relist(second)
        return [first, second]
    }

    @Test func viewersOfASourceThatIsNotADirectoryShareOneLoad() throws {
        let source = VersionedSource(versions: Self.twoVersions())
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-source-cache")
        let a = LiveSnapshotProvider(source: source, cache: SharedSnapshotCache(directory: cacheDir))
        let b = LiveSnapshotProvider(source: source, cache: SharedSnapshotCache(directory: cacheDir))
        let uses = Mutex<[SharedSnapshotCache.Use]>([])
        for p in [a, b] { p.onCacheUse = { u, _ in uses.withLock { $0.append(u) } } }
        guard case .loaded(let x) = a.loadNow(), case .loaded(let y) = b.loadNow() else { Issue.record("not loaded"); return }
        #expect(x == y)
        #expect(source.loads == 1)
        #expect(uses.withLock { $0 } == [.wrote, .read])
    }

    @Test func theProviderFollowsTheSourcesOwnSignal() throws {
        let source = VersionedSource(versions: Self.twoVersions())
        let p = LiveSnapshotProvider(source: source, cache: SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-source-follow")))
        p.start()
        let first = try #require(aprilVisitors(p.nextEvent()))
        source.publishNext()
        let second = try #require(aprilVisitors(p.nextEvent()))
        #expect(second == first + 1000)
        #expect(source.loads == 2)
        p.stop()
    }

    @Test func aSourceWithoutAFingerprintLoadsAloneAndSaysWhy() throws {
        let source = VersionedSource(versions: Self.twoVersions())
        source.cacheable = false
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-source-alone"))
        let (r, use) = cache.load(source: source) { source.load(options: .init()) }
        #expect(throws: Never.self) { try r.get() }
        #expect(use == .alone("the test source says no"))
        #expect(cache.takeNotes() == ["the test source says no"])
    }
}

extension SnapshotSourceTests {
    @Test func aReloadReadsTheSourceAgainWithoutAChange() throws {
        let source = VersionedSource(versions: Self.twoVersions())
        let p = LiveSnapshotProvider(source: source)
        p.start()
        #expect(aprilVisitors(p.nextEvent()) != nil)
        p.reload()
        #expect(aprilVisitors(p.nextEvent()) != nil)
        #expect(source.loads == 2)
        p.stop()
    }
}
