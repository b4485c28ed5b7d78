import ArgumentParser
import Foundation
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

    func run() throws {
        var rows = 0
        for hashing in [true, false] {
            var walls: [Double] = []
            for k in 0...runs {
                if hashing { ExportIntegrity.forgetDigests() }
                let t0 = now()
                let result = SnapshotLoader.load(directory: directory)
                let dt = now() - t0
                if k > 0 { walls.append(dt) }
                switch result {
                case .success(let s):
                    rows = [2022, 2023, 2024].reduce(0) { $0 + s.dossiers.total(unit: 0, period: .year($1)).received }
                case .failure(let f):
                    throw ValidationError("refused: \(f.first)")
                }
            }
            let st = Stats(samples: walls)
            print(String(format: "load %@ (%@) | dossiers=%d | runs=%d | wall median=%.3f s min=%.3f max=%.3f | peak RSS %.0f MB",
                         directory, hashing ? "with SHA-256 of the files" : "digests remembered", rows, runs,
                         st.median, st.min, st.max, peakRSSMegabytes()))
        }
    }
}
