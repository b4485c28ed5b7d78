import Foundation

/// Where snapshots come from, as one value: a directory of files today; a workbook import or a
/// database are other conformers. `LiveSnapshotProvider` follows any source for the dashboard
/// (its thread, wake pipe, debounce, arrival and refusal, the shared cache and the quarantine),
/// and `SharedSnapshotCache` shares the load of any source that has a fingerprint, so a new
/// source is one file that conforms, plus the line that chooses it from `--data`.
///
/// A source's methods may be called from the provider's loading thread; `changeSignal` and
/// what it returns are used from the run loop's thread only.
public protocol SnapshotSource: AnyObject, Sendable {
    /// How messages and the log name the source (a path; a database without its password).
    var name: String { get }

    /// One snapshot, read now and checked by `SnapshotBuilder`.
    func load(options: SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure>

    /// What the source holds now, as text that changes whenever a load could give something
    /// else: with the builder's options and this program's identity it makes the shared
    /// cache's key. `NotCacheable` says why a load of the source is not to be shared now.
    func fingerprint(cacheDirectory: String?) -> Result<SourceFingerprint, NotCacheable>

    /// Whether the source is whole: nil, or the first thing still arriving (a file that differs
    /// from the manifest). `digests`: compare contents too, not only sizes.
    func arrival(digests: Bool) -> SnapshotIssue?

    /// A cheap text that changes when the source may have changed (looked at again after a
    /// refusal, when no signal comes: a parent directory's permissions change silently).
    func signature() -> String

    /// What tells the provider that the source may have changed (made once per provider).
    func makeChangeSignal(useInotify: Bool) -> ChangeSignal
}

extension SnapshotSource {
    public func arrival(digests: Bool) -> SnapshotIssue? { nil }
}

/// A source's identity for the shared cache (see `SnapshotSource.fingerprint`).
public struct SourceFingerprint: Sendable, Equatable {
    /// Changes whenever what a load gives may change.
    public var text: String
    /// When the source last changed (seconds since 1970): a load of a source changed moments
    /// ago is not shared, since it may change again within the same tick of the clock.
    public var newestChange: Double

    public init(text: String, newestChange: Double) {
        self.text = text
        self.newestChange = newestChange
    }
}

/// Why a load is not shared through the cache (then it is the viewer's own).
public struct NotCacheable: Error, Sendable, Equatable {
    public let why: String
    public init(_ why: String) { self.why = why }
}

/// How a source tells that it may have changed, for the run loop's `poll()`: descriptors to
/// watch, a deadline, and whether what happened may have changed the source. It also watches
/// single files for the provider (the shared cache's entry a snapshot is read from), so that a
/// viewer uses one notification instance, whatever its source.
public protocol ChangeSignal: AnyObject {
    var fileDescriptors: [Int32] { get }
    /// Monotonic time of the next thing to look at, if any.
    var deadline: Double? { get }
    /// `fd` is readable: true when the source may have changed.
    func handleReadable(_ fd: Int32) -> Bool
    /// At or after `deadline`: true when the source may have changed.
    func handleDeadline(now: Double) -> Bool
    /// Why changes are found more slowly than they could be, if they are.
    var degradation: String? { get }
    /// Whether events come by notification (else single files are looked at by time).
    var notifies: Bool { get }
    /// Watches one file; nil when it cannot.
    func watchFile(_ path: String) -> Int32?
    func unwatchFile(_ wd: Int32)
    /// The file watches that had an event since the last call.
    func takeFileEvents() -> Set<Int32>
}
