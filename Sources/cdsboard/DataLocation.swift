import ArgumentParser
import PostgresSource
import SnapshotKit
import Foundation

/// Finds the snapshot directory: `--data`, else `$CDSBOARD_DATA`, else the newest bundled
/// sample (`SampleData/tuyen-quang`, else `SampleData/ha-giang`, in the working directory or
/// beside the built binary, else installed in `/usr/local/share/cdsboard` or `/usr/share/cdsboard`).
enum DataLocation {
    /// The bundled samples, newest first: with no `--data` the dashboard opens the first found.
    static let samples = ["tuyen-quang", "ha-giang"]

    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let env = Environment.values
        if let d = env["CDSBOARD_DATA"], !d.isEmpty { return d }
        for name in samples { if let found = find(name) { return found } }
        return FileManager.default.currentDirectoryPath + "/SampleData/" + samples[0]
    }

    /// A bundled sample's directory (where found, else under the working directory).
    static func sample(_ name: String) -> String {
        find(name) ?? FileManager.default.currentDirectoryPath + "/SampleData/" + name
    }

    static func find(_ name: String) -> String? {
        places(name).first { FileManager.default.fileExists(atPath: $0 + "/manifest.json") }
    }

    /// Where a bundled sample is looked for, in order.
    static func places(_ name: String) -> [String] {
        var candidates = [FileManager.default.currentDirectoryPath + "/SampleData/" + name]
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var dir = exe
        for _ in 0..<5 {
            candidates.append(dir.path + "/SampleData/" + name)
            dir = dir.deletingLastPathComponent()
        }
        candidates += ["/usr/local/share/cdsboard/" + name, "/usr/share/cdsboard/" + name]
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}

/// Where snapshots come from: the one choice every command (`run`, `render`, `report`,
/// `check`) makes, from `--data` (or the argument), `$CDSBOARD_DATA` and the bundled sample.
/// A new kind of source (a database, an `.xlsx` export) is a new `SnapshotSource` chosen here:
/// `postgresql://…` or `key=value` conninfo is a PostgreSQL database (`PostgresSnapshotSource`).
enum SourceChoice {
    static func choose(_ explicit: String?) throws -> SnapshotSource {
        let data = DataLocation.resolve(explicit)
        if ConnectionTarget.looksLikeDatabase(data) {
            do { return PostgresSnapshotSource(target: try ConnectionTarget(data)) } catch {
                throw ValidationError(error.message)
            }
        }
        return DirectorySource(directory: data, loader: Environment.loader)
    }
}

extension SnapshotSource {
    /// One snapshot, now (`render`, `report`, `check`).
    func loadOnce(cache: SharedSnapshotCache? = nil) -> Result<Snapshot, SnapshotFailure> {
        let options = Environment.snapshotOptions
        let result = cache.map { c in c.load(source: self, options: options) { load(options: options) }.0 } ?? load(options: options)
        // A path given on the command line is echoed in messages: cut it.
        return result.mapError { f in
            var f = f
            for i in f.errors.indices { f.errors[i].file = Echo.cut(f.errors[i].file) }
            return f
        }
    }

    /// A provider that follows the source for the dashboard, with its first snapshot already
    /// loaded, so that `--view`, `--period` and `--keys` apply to the first frame. An export
    /// refused because a viewer crashed on it comes after the last good one's figures, when
    /// the cache still holds them.
    func provider(poll: Bool, cache: SharedSnapshotCache?, quarantine: ExportQuarantine?,
                  onCacheUse: (@Sendable (SharedSnapshotCache.Use, [String]) -> Void)? = nil) -> (SnapshotProvider, [ProviderEvent]) {
        let p = LiveSnapshotProvider(source: self, useInotify: !poll, arrivalTimeout: Environment.arrivalTimeout,
                                     options: Environment.snapshotOptions, cache: cache)
        p.onCacheUse = onCacheUse
        p.quarantine = quarantine
        let first = p.loadNow()
        p.initialLoadDone = true
        if case .refused = first, let last = p.lastGoodSnapshot() { return (p, [.loaded(last), first]) }
        return (p, [first])
    }
}
