import ArgumentParser
import Foundation
import CNcursesw
import SnapshotKit

/// Load, validate and aggregate a snapshot directory, in process.
struct LoadBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load",
        abstract: "Time SnapshotLoader.load on a directory (median of runs after a warm-up) and peak memory.",
        discussion: """
            Two figures: the load as a fresh process does it (every listed file's SHA-256 computed, \
            as `cdsboard check` does), and the load with the digests remembered from the run \
            before (parsing and aggregation alone, as a reload of unchanged files).
            """)

    @Argument(help: "Snapshot directory (make one with: cdsboard gen --out DIR --dossiers 1000000).")
    var directory: String

    @Option(name: .shortAndLong, help: "Runs after the warm-up.")
    var runs = 5

    @Flag(help: "Also time a read through the shared cache (as every viewer but the first does).")
    var cache = false

    @Flag(help: "Read every dossiers.csv row the general way (RawRowReader.row), without the fused scanner: its baseline.")
    var general = false

    func run() throws {
        if cache { try timeCacheRead() }
        var rows = 0
        for hashing in [true, false] {
            var walls: [Double] = []
            for k in 0...runs {
                if hashing { ExportIntegrity.forgetDigests() }
                let t0 = now()
                var options = SnapshotBuilder.Options()
                options.fused = !general
                let result = SnapshotLoader.load(directory: directory, options: options)
                let dt = now() - t0
                if k > 0 { walls.append(dt) }
                switch result {
                case .success(let s):
                    rows = (2020...2030).reduce(0) { $0 + s.dossiers.total(unit: 0, period: .year($1)).received }
                case .failure(let f):
                    throw ValidationError("refused: \(f.first)")
                }
            }
            let st = Stats(samples: walls)
            print(String(format: "load %@ (%@%@) | dossiers=%d | runs=%d | wall median=%.3f s min=%.3f max=%.3f | peak RSS %.0f MB",
                         directory, hashing ? "with SHA-256 of the files" : "digests remembered", general ? ", general path" : "", rows, runs,
                         st.median, st.min, st.max, peakRSSMegabytes()))
        }
    }

    /// A viewer's read of an entry another wrote: key, map, checksums, records, snapshot.
    private func timeCacheRead() throws {
        let dir = NSTemporaryDirectory() + "cdsboard-bench-cache-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = SharedSnapshotCache(directory: dir)
        _ = c.load(export: directory) { SnapshotLoader.load(directory: directory) }
        var walls: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<(runs * 4) {
            let c0 = cpuSeconds(), t0 = now()
            let (result, use) = c.load(export: directory) { SnapshotLoader.load(directory: directory) }
            walls.append(now() - t0)
            cpu.append(cpuSeconds() - c0)
            guard use == .read, (try? result.get()) != nil else { throw ValidationError("not read from the cache: \(use)") }
        }
        let size = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.compactMap { n -> Int? in
            n.hasSuffix(".snapshot") ? (try? FileManager.default.attributesOfItem(atPath: dir + "/" + n)[.size] as? Int) ?? nil : nil
        }.first ?? 0
        // The heap a viewer's snapshot takes besides the mapped entry (records, lookup tables).
        let before = cds_heap_in_use()
        let (held, _) = c.load(export: directory) { SnapshotLoader.load(directory: directory) }
        let heap = Double(Int(cds_heap_in_use()) - Int(before)) / 1e6
        // What a viewer does when its entry may have changed (an inotify event on it): the cells' checksum again.
        var checks: [Double] = []
        if case .success(let s) = held, let entry = s.cacheEntry {
            for _ in 0..<(runs * 4) {
                let t0 = now()
                guard entry.damage() == nil else { throw ValidationError("the entry read is damaged") }
                checks.append(now() - t0)
            }
        }
        withExtendedLifetime(held) {}
        let w = Stats(samples: walls), c2 = Stats(samples: cpu), k = Stats(samples: checks.isEmpty ? [0] : checks)
        print(String(format: "cache read %@ | entry %.1f MB | runs=%d | wall median=%.1f ms min=%.1f | CPU median=%.1f ms | heap %.1f MB "
                     + "| re-check of the cells on a change median=%.1f ms",
                     directory, Double(size) / 1e6, walls.count, w.median * 1000, w.min * 1000, c2.median * 1000, heap, k.median * 1000))
    }

    private func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
}
