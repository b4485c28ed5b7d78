import Foundation
#if !CDSBOARD_FUZZ   // the fuzz build compiles this file into SnapshotKit itself (.fuzz/build.sh)
@testable import SnapshotKit
#endif

/// The `snapshot` fuzz target: one input is a whole snapshot directory, its files joined by a
/// line `====` in this order: manifest.json, units.json, the dossier file (dossiers.csv when
/// its header names `dossier_id`, else dossier_stats.csv), bts.csv, villages.csv, ocop.csv,
/// tourism.csv, targets.json. Fewer parts: the files after are missing. The directory is
/// loaded as the dashboard loads it, on one core and with dossiers.csv cut in three parts
/// (the same refusal or the same figures), and, when it is accepted, read as the viewers read it
/// (every unit, three periods of each kind, the series). Nothing may crash or exhaust memory
/// or time, every issue has a message, and the province's figures equal the sum of its
/// districts'.
extension ParserExercise {
    static let separator = Array("\n====\n".utf8)
    static let snapshotDirectory = directory + "/snapshot"

    static func snapshot(_ bytes: [UInt8]) -> String? {
        var parts: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i] == separator[0], Array(bytes[i..<(i + separator.count)]) == separator {
                parts.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else { i += 1 }
        }
        parts.append(Array(bytes[start...]))
        let dossierFile = parts.count > 2 && parts[2].prefix(200).starts(with: Array("dossier_id".utf8))
            ? "dossiers.csv" : "dossier_stats.csv"
        let names = ["manifest.json", "units.json", dossierFile, "bts.csv", "villages.csv", "ocop.csv", "tourism.csv", "targets.json"]
        let fm = FileManager.default
        try? fm.removeItem(atPath: snapshotDirectory)
        try? fm.createDirectory(atPath: snapshotDirectory, withIntermediateDirectories: true)
        for (name, part) in zip(names, parts) { write(part, as: "snapshot/" + name) }
        var options = SnapshotBuilder.Options()
        options.parts = 1
        let one = SnapshotLoader.load(directory: snapshotDirectory, options: options)
        // The same directory with dossiers.csv cut in parts however small: the same refusal, or the same figures.
        options.parts = 3
        options.minimumParallelBytes = 0
        let inParts = SnapshotLoader.load(directory: snapshotDirectory, options: options)
        switch (one, inParts) {
        case (.failure(let f), .failure(let g)):
            if f.errors.isEmpty { return "refused without an error" }
            for issue in f.errors + f.warnings where issue.message.isEmpty { return "an issue without a message" }
            if f.errors != g.errors { return "read in parts, refused otherwise: \(g.errors.prefix(2)) vs \(f.errors.prefix(2))" }
            return nil
        case (.success(let s), .success(let t)):
            for issue in s.warnings where issue.message.isEmpty { return "a warning without a message" }
            if s.dossiers != t.dossiers { return "read in parts, the dossier figures differ" }
            return view(s)
        case (.success, .failure(let g)): return "refused only when read in parts: \(g.errors.prefix(2))"
        case (.failure(let f), .success): return "accepted only when read in parts (one core: \(f.errors.prefix(2)))"
        }
    }

    /// Reads the snapshot as the panels, tables and report do.
    static func view(_ s: Snapshot, sums: Bool = true) -> String? {
        let latest = s.latestMonth
        _ = (latest.firstDay, latest.lastDay, s.manifest.periodEnd.description)
        for kind in Period.Kind.allCases {
            var p = Period.containing(latest, kind: kind)
            for _ in 0..<3 {
                var districts = DossierTally(), visitors = 0
                for u in s.units.units.indices {
                    let t = s.dossiers.total(unit: u, period: p)
                    _ = (s.dossiers.byField(unit: u, period: p), s.dossiers.byLevel(unit: u, period: p))
                    _ = Snapshot.count(s.activeSiteDays[u], onOrBefore: p.lastMonth.lastDay)
                    _ = Snapshot.count(s.ocopListedDays[u], onOrBefore: p.lastMonth.lastDay)
                    if s.units.units[u].level == .district {
                        districts.add(t)
                        visitors += s.tourism.total(unit: u, period: p).visitors
                    }
                }
                if sums, districts != s.dossiers.total(unit: 0, period: p) { return "\(p): the districts' dossiers do not add up to the province's" }
                if sums, visitors != s.tourism.total(unit: 0, period: p).visitors { return "\(p): the districts' visitors do not add up" }
                _ = (s.dossiers.covers(p), s.tourism.covers(p), p.sameLastYear.months)
                p = p.previous
            }
        }
        _ = s.dossiers.series(unit: 0, endingAt: latest, count: 24)
        _ = s.tourism.series(unit: 0, endingAt: latest, count: 24)
        return nil
    }
}
