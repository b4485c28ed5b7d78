import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A snapshot directory as a source: the files of `SampleData/README.md`, read by
/// `SnapshotLoader`, changes told by `DirectoryWatcher`, the manifest's sizes and digests
/// checked before a load (an export still being written is "arriving", not refused).
public final class DirectorySource: SnapshotSource {
    public let directory: String
    /// How the directory is read (the edge may wrap it: a test hook that traps).
    public let loader: @Sendable (String, SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure>

    public init(directory: String,
                loader: @escaping @Sendable (String, SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure>
                    = { SnapshotLoader.load(directory: $0, options: $1) }) {
        self.directory = directory
        self.loader = loader
    }

    public var name: String { directory }

    public func load(options: SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure> { loader(directory, options) }

    /// The identity (device, inode, mode, size, modification and change times) of every file
    /// of the directory that is not hidden. A cache directory inside the export is not used:
    /// its own files would change the key at every write.
    public func fingerprint(cacheDirectory: String?) -> Result<SourceFingerprint, NotCacheable> {
        if let cacheDirectory, SharedSnapshotCache.isInside(cacheDirectory, export: directory) {
            return .failure(NotCacheable(SharedSnapshotCache.insideExport(cacheDirectory, export: directory)))
        }
        guard let names = DirectoryWatcher.visibleNames(in: directory) else {
            return .failure(NotCacheable("the export's files cannot all be listed"))
        }
        var text = ""
        var newest = -Double.infinity
        var st = stat()
        for n in names {
            guard stat(directory + "/" + n, &st) == 0 else { return .failure(NotCacheable("the export's files cannot all be listed")) }
            text += n + " " + Self.identity(st) + "\n"
            for t in [st.st_mtim, st.st_ctim] { newest = max(newest, Double(t.tv_sec) + Double(t.tv_nsec) / 1e9) }
        }
        return .success(SourceFingerprint(text: text, newestChange: newest))
    }

    public func arrival(digests: Bool) -> SnapshotIssue? {
        if case .differs(let issue) = ExportIntegrity.verify(directory: directory, digests: digests) { return issue }
        return nil
    }

    public func signature() -> String { DirectoryWatcher.signature(of: directory) }

    public func makeChangeSignal(useInotify: Bool) -> ChangeSignal { DirectoryWatcher(directory: directory, useInotify: useInotify) }

    static func identity(_ st: stat) -> String {
        "\(st.st_dev) \(st.st_ino) \(st.st_mode) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) "
            + "\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
    }
}

extension DirectoryWatcher: ChangeSignal {
    public var fileDescriptors: [Int32] { inotifyFD >= 0 ? [inotifyFD] : [] }
    public func handleReadable(_ fd: Int32) -> Bool { fd == inotifyFD && drain() }
    public func handleDeadline(now: Double) -> Bool { poll(now: now) }
    public var notifies: Bool { inotifyFD >= 0 }
}

extension LiveSnapshotProvider {
    /// Follows the snapshot directory `directory`.
    public convenience init(directory: String, settleDelay: Double = 0.12, useInotify: Bool = true,
                            arrivalTimeout: Double = 60, arrivalRecheck: Double = 1, recheckInterval: Double = 5,
                            options: SnapshotBuilder.Options = SnapshotBuilder.Options(), cache: SharedSnapshotCache? = nil) {
        self.init(source: DirectorySource(directory: directory), settleDelay: settleDelay, useInotify: useInotify,
                  arrivalTimeout: arrivalTimeout, arrivalRecheck: arrivalRecheck, recheckInterval: recheckInterval,
                  options: options, cache: cache)
    }
}
