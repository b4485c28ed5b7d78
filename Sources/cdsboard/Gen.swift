import ArgumentParser
import Foundation
import SnapshotKit
import SampleGeneration

/// `cdsboard gen`: a synthetic snapshot over the real units.
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic snapshot over the real administrative units.",
        discussion: """
        With its defaults it reproduces the bundled sample SampleData/ha-giang exactly \
        (dossiers as statistics, calibrated to the article's figures). With --dossiers N it \
        writes N raw dossier rows (personal-data columns filled, for tests and benchmarks); \
        --form stats with --dossiers N writes the statistics made from those rows. With \
        --profile tuyen-quang --dossiers N the rows run 2024-01 to 2026-10, in the old codes \
        before 2025-07-01 and the two-tier ones after.
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
        // An option the profile cannot honour is refused, never ignored.
        if profile == "ha-giang", !before.isEmpty { throw ValidationError("--before is for --profile tuyen-quang (the old catalogue)") }
        if profile == "tuyen-quang", form == "stats", dossiers != nil {
            throw ValidationError("--profile tuyen-quang writes --dossiers N as raw rows only (dossiers.csv); drop --form stats")
        }
        if profile == "tuyen-quang", form == "rows", dossiers == nil {
            throw ValidationError("--profile tuyen-quang --form rows needs --dossiers N (its statistics are the default)")
        }
    }

    func run() throws {
        if profile == "tuyen-quang" { return try merged() }
        let unitsPath = try units ?? bundledUnits(of: "ha-giang", file: "units.json")
        guard let data = FileManager.default.contents(atPath: unitsPath) else {
            throw CommandError("cannot read \(unitsPath); give --units FILE (the units.json of a snapshot)")
        }
        var g = SampleGenerator(unitsJSON: data)
        g.seed = seed
        g.dossierRows = dossiers
        g.geometryJSON = try geometryData(beside: unitsPath)
        g.form = form.flatMap(SampleGenerator.Form.init(rawValue:)) ?? (dossiers == nil ? .stats : .rows)
        try g.write(to: out)
        print("wrote \(out)")
    }

    /// A bundled sample's catalogue, found where `DataLocation` looks (the working directory,
    /// beside the binary, the installed share directories), or an error that names every place
    /// looked and the options that make the search unnecessary.
    func bundledUnits(of sample: String, file: String) throws -> String {
        if let dir = DataLocation.find(sample) { return dir + "/" + file }
        let options = profile == "tuyen-quang" ? "--units FILE and --before FILE (the merged snapshot's units.json and units_before.json)"
            : "--units FILE (a snapshot's units.json)"
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        throw CommandError("gen builds on the units of the bundled sample SampleData/\(sample), found neither in the working "
                           + "directory, nor beside the binary (\(exe) and the folders above it), nor in /usr/local/share/cdsboard "
                           + "or /usr/share/cdsboard: give \(options), or copy SampleData/\(sample) of the source tree to "
                           + "/usr/local/share/cdsboard/\(sample)")
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
        let unitsPath = try units ?? bundledUnits(of: "tuyen-quang", file: "units.json")
        let beforePaths = try before.isEmpty ? [bundledUnits(of: "tuyen-quang", file: "units_before.json")] : before
        func read(_ p: String) throws -> Data {
            guard let d = FileManager.default.contents(atPath: p) else {
                throw CommandError("cannot read \(p); give --units FILE and --before FILE (a snapshot's units.json and units_before.json)")
            }
            return d
        }
        var g = MergedSampleGenerator(unitsJSON: try read(unitsPath), beforeJSONs: try beforePaths.map(read))
        g.geometryJSON = try geometryData(beside: unitsPath)
        g.dossierRows = dossiers
        if seed != SampleGenerator.defaultSeed { g.seed = seed }
        try g.write(to: out)
        print("wrote \(out)")
    }
}
