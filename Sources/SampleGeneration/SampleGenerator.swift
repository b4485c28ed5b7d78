import Foundation
import SnapshotKit

/// `cdsboard gen`: a synthetic snapshot over the real administrative units.
///
/// With its defaults (seed 2024, statistics form) it reproduces the committed sample
/// `SampleData/ha-giang` byte for byte. With `dossierRows` it writes raw `dossiers.csv`
/// rows instead, personal-data columns filled, for tests and benchmarks.
public struct SampleGenerator {
    public enum Form: String, Sendable { case rows, stats }
    public static let defaultSeed: UInt64 = 2024
    /// The most raw dossiers `gen` writes: about 2,1 GB of rows (209 bytes each), ten times a
    /// large province's 18 months (Hà Giang: about 850.000), past the point where the duplicate
    /// check spills to disk (1,4 million). Above it `gen` refuses rather than fill the disk.
    public static let maximumDossierRows = 10_000_000

    /// Why `dossierRows` is refused.
    public static func tooManyRows(_ n: Int) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
            "--dossiers \(n) is above the cap of \(maximumDossierRows) (about \(maximumDossierRows / 1_000_000 * 209 / 100) GB of rows)"])
    }

    public var unitsJSON: Data
    public var seed: UInt64 = SampleGenerator.defaultSeed
    public var form: Form = .stats
    /// Number of raw dossiers; nil = the calibrated monthly totals of the sample.
    public var dossierRows: Int?
    /// A `geometry.json` to copy into the snapshot (checked against the units), if any.
    public var geometryJSON: Data?

    public init(unitsJSON: Data) { self.unitsJSON = unitsJSON }

    public func write(to directory: String) throws {
        if let n = dossierRows, !(0...Self.maximumDossierRows).contains(n) { throw Self.tooManyRows(n) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let units = try UnitTree.read(units: unitsJSON)
        try OutputFile.write(unitsJSON, to: directory + "/units.json")
        try writeJSON(Self.targetsText, to: directory + "/targets.json")
        var rng = SeededRandom(seed: seed)
        let dossiers = DossierGenerator(units: units, seed: rng.next())
        for stale in ["dossiers.csv", "dossier_stats.csv"] { try? FileManager.default.removeItem(atPath: directory + "/" + stale) }
        switch (form, dossierRows) {
        case (.stats, nil):
            try dossiers.writeCalibratedStats(to: directory + "/dossier_stats.csv")
        case (.rows, let n):
            try dossiers.writeRows(count: n ?? 850_000, to: directory + "/dossiers.csv")
        case (.stats, let n?):
            try dossiers.writeStatsFromRows(count: n, to: directory + "/dossier_stats.csv")
        }
        let assets = AssetGenerator(units: units, seed: rng.next())
        try assets.writeBTS(to: directory + "/bts.csv")
        let villages = try assets.writeVillages(to: directory + "/villages.csv")
        try assets.writeOCOP(to: directory + "/ocop.csv")
        try assets.writeTourism(to: directory + "/tourism.csv")
        try SocietyGenerator(units: units, villages: villages, seed: rng.next()).write(to: directory + "/" + TableKind.society.fileName)
        let geometryName = try Self.writeGeometry(geometryJSON, units: units, to: directory)
        // The Hà Giang 2024 sample's (a province of another code gets none).
        let committee = try Self.writeCommitteeFiles(units.province.code == "02" ? CommitteeSampleFiles.haGiang2024 : [], to: directory)
        // Last, with the size and SHA-256 of every file written above.
        let names = ["units.json", "targets.json", form == .rows ? "dossiers.csv" : "dossier_stats.csv",
                     "bts.csv", "villages.csv", "ocop.csv", "tourism.csv", TableKind.society.fileName] + geometryName + committee
        let files = try ExportIntegrity.listing(directory: directory, names: names)
        try writeJSON(manifestText(units, files: files), to: directory + "/manifest.json")
    }

    /// Copies `geometry.json` (checked against the units) into `directory`, or removes a stale
    /// one; the names to list in the manifest.
    static func writeGeometry(_ data: Data?, units: UnitTree, to directory: String) throws -> [String] {
        let path = directory + "/" + GeometryFile.name
        guard let data else {
            try? FileManager.default.removeItem(atPath: path)
            return []
        }
        let (_, problems) = GeometryFile.parse(data: data, units: units)
        if let p = problems.first { throw p }
        try OutputFile.write(data, to: path)
        return [GeometryFile.name]
    }

    /// The committee's targets, DTI and tasks of a bundled sample's province (`CommitteeSampleFiles`),
    /// or none; the names to list in the manifest.
    static func writeCommitteeFiles(_ files: [(name: String, text: String)], to directory: String) throws -> [String] {
        for f in files { try OutputFile.write(Data(f.text.utf8), to: directory + "/" + f.name) }
        return files.map(\.name)
    }

    func manifestText(_ units: UnitTree, files: [ManifestFile]) -> String {
        let how: String
        switch (form, dossierRows) {
        case (.stats, nil): how = "calibrated to the article's province totals"
        case (.rows, let n): how = "\(n ?? 850_000) raw dossier rows"
        case (.stats, let n?): how = "statistics made from \(n) raw dossier rows"
        }
        return """
        {
          "province_code": "\(units.province.code)",
          "generated_at": "\(SampleProfile.generatedAt)",
          "period_end": "\(SampleProfile.periodEnd)",
          "sources": [
            "cdsboard gen --seed \(seed): synthetic data, \(how)",
            "Administrative units: GSO list in force in 2024 (shared/data/ha-giang-units.json)"
          ],
        \(ExportIntegrity.json(files))
        }

        """
    }

    static let targetsText = """
    {
      "targets": [
        {"indicator": "dossiers.online_share", "target": 0.85, "at_risk": 0.75},
        {"indicator": "dossiers.on_time_share", "target": 0.98, "at_risk": 0.95},
        {"indicator": "villages.coverage_share", "target": 1.0, "at_risk": 0.98},
        {"indicator": "ocop.listed_share", "target": 1.0, "at_risk": 0.9},
        {"indicator": "tourism.growth_yoy", "target": 0.1, "at_risk": 0.0},
        {"indicator": "society.vneid_share", "target": 0.8, "at_risk": 0.6}
      ]
    }

    """

    func writeJSON(_ text: String, to path: String) throws {
        try OutputFile.write(Data(text.utf8), to: path)
    }
}

