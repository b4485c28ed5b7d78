import ArgumentParser
import Foundation
import SnapshotKit

/// `cdsboard gen`: a synthetic snapshot over the real units.
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic snapshot over the real administrative units.",
        discussion: """
        With its defaults it reproduces the bundled sample SampleData/ha-giang exactly \
        (dossiers as statistics, calibrated to the article's figures). With --dossiers N it \
        writes N raw dossier rows (personal-data columns filled, for tests and benchmarks); \
        --form stats with --dossiers N writes the statistics made from those rows.
        """)

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "Number of raw dossiers to generate (at most 10000000, about 2.1 GB).")
    var dossiers: Int?

    @Option(help: "rows (dossiers.csv) or stats (dossier_stats.csv).")
    var form: String?

    @Option(help: "Random seed.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(help: "units.json to build on (default: the bundled sample's).")
    var units: String?

    @Option(help: "ha-giang (three tiers, 2024) or tuyen-quang (the merged province of 2025, two tiers, with its history).")
    var profile: String = "ha-giang"

    @Option(help: "tuyen-quang: the old catalogue (units_before.json, or one units.json per old province, the first generated as the ha-giang sample).")
    var before: [String] = []

    @Option(help: "geometry.json to copy in (default: the one beside --units, if any; 'none' for none).")
    var geometry: String?

    func validate() throws {
        if let form, form != "rows", form != "stats" { throw ValidationError("--form must be rows or stats") }
        if let dossiers, dossiers < 0 { throw ValidationError("--dossiers must be positive") }
        if let dossiers, dossiers > SampleGenerator.maximumDossierRows {
            throw ValidationError("--dossiers \(dossiers) is above the cap of \(SampleGenerator.maximumDossierRows) raw dossiers "
                                  + "(about 2.1 GB of rows, ten times a large province's 18 months); nothing was written")
        }
        if profile != "ha-giang", profile != "tuyen-quang" { throw ValidationError("--profile must be ha-giang or tuyen-quang") }
    }

    func run() throws {
        if profile == "tuyen-quang" { return try merged() }
        let unitsPath = units ?? DataLocation.sample("ha-giang") + "/units.json"
        guard let data = FileManager.default.contents(atPath: unitsPath) else {
            throw ValidationError("cannot read \(unitsPath); give --units FILE")
        }
        var g = SampleGenerator(unitsJSON: data)
        g.seed = seed
        g.dossierRows = dossiers
        g.geometryJSON = try geometryData(beside: unitsPath)
        g.form = form.flatMap(SampleGenerator.Form.init(rawValue:)) ?? (dossiers == nil ? .stats : .rows)
        try g.write(to: out)
        print("wrote \(out)")
    }

    /// `--geometry FILE`, else the `geometry.json` beside the units if there is one; `none`: none.
    func geometryData(beside unitsPath: String) throws -> Data? {
        let path = geometry ?? (unitsPath as NSString).deletingLastPathComponent + "/geometry.json"
        guard path != "none" else { return nil }
        let data = FileManager.default.contents(atPath: path)
        if geometry != nil, data == nil { throw ValidationError("cannot read \(path)") }
        return data
    }

    /// The merged sample: from the bundled one's own catalogue unless --units / --before are given.
    func merged() throws {
        let dir = DataLocation.sample("tuyen-quang")
        let unitsPath = units ?? dir + "/units.json"
        let beforePaths = before.isEmpty ? [dir + "/units_before.json"] : before
        func read(_ p: String) throws -> Data {
            guard let d = FileManager.default.contents(atPath: p) else { throw ValidationError("cannot read \(p); give --units and --before") }
            return d
        }
        var g = MergedSampleGenerator(unitsJSON: try read(unitsPath), beforeJSONs: try beforePaths.map(read))
        g.geometryJSON = try geometryData(beside: unitsPath)
        if seed != SampleGenerator.defaultSeed { g.seed = seed }
        try g.write(to: out)
        print("wrote \(out)")
    }
}
