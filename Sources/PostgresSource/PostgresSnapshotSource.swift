import Foundation
import SnapshotKit

/// Snapshots in PostgreSQL (`SampleData/postgres/schema.sql`) as a `SnapshotSource`: each load
/// reads the newest complete version (`ExportReader`), the fingerprint is that version's id
/// and data time (viewers of one version share one load through the cache), and changes come
/// by `LISTEN cdsboard_exports` on a connection of their own (`NotificationSignal`).
///
/// The database down or unreachable: the load fails with the reason (the provider keeps the
/// last good figures and says why), and the next one connects again.
public final class PostgresSnapshotSource: SnapshotSource, @unchecked Sendable {
    public let target: ConnectionTarget
    private let lock = NSLock()
    /// The connection loads and fingerprints use (under `lock`), made again when lost.
    private var connection: Connection?

    public init(target: ConnectionTarget) { self.target = target }

    public var name: String { target.displayName }

    /// Runs `body` on the source's connection, connecting first when there is none or it was lost.
    private func withConnection<R>(_ body: (Connection) throws(DatabaseError) -> R) throws(DatabaseError) -> R {
        lock.lock()
        defer { lock.unlock() }
        if connection?.isBad ?? true { connection = nil; connection = try Connection(target) }
        do { return try body(connection!) } catch {
            if connection?.isBad ?? true { connection = nil }
            throw error
        }
    }

    public func load(options: SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure> {
        do {
            return try withConnection { (c) throws(DatabaseError) in try ExportReader.load(c, options: options) }
        } catch {
            return .failure(SnapshotFailure(errors: [SnapshotIssue(file: name, line: nil, message: target.redact(error.message))]))
        }
    }

    /// The newest complete version's id and data time. A version never changes once complete,
    /// so a load may be shared at once (`newestChange` 0).
    public func fingerprint(cacheDirectory: String?) -> Result<SourceFingerprint, NotCacheable> {
        do {
            guard let v = try withConnection({ (c) throws(DatabaseError) in try ExportReader.newest(c) }) else {
                return .failure(NotCacheable("the database has no complete export"))
            }
            return .success(SourceFingerprint(text: "postgresql \(name) export \(v.id) \(v.dataTime)\n", newestChange: 0))
        } catch {
            return .failure(NotCacheable(target.redact(error.message)))
        }
    }

    /// The newest complete version's id, or why it cannot be known (looked at after a refusal).
    public func signature() -> String {
        switch fingerprint(cacheDirectory: nil) {
        case .success(let f): return f.text
        case .failure(let n): return n.why
        }
    }

    public func makeChangeSignal(useInotify: Bool) -> ChangeSignal { NotificationSignal(target: target) }
}
