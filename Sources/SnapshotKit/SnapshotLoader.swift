import Foundation

/// Reads a snapshot directory: every file is parsed and validated, then aggregated.
///
/// Either the whole directory validates and a `Snapshot` comes back, or a `SnapshotFailure`
/// lists what is wrong as `file:line: message`. Nothing is written to the directory.
public enum SnapshotLoader {
    public static func load(directory: String) -> Result<Snapshot, SnapshotFailure> {
        var issues = IssueCollector()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            return .failure(SnapshotFailure(errors: [SnapshotIssue(file: directory, line: nil, message: "snapshot directory not found")]))
        }
        var manifest: Manifest?
        var units: UnitTree?
        do { manifest = try JSONFiles.manifest(directory) } catch { issues.add(error) }
        do { units = try JSONFiles.units(directory) } catch { issues.add(error) }
        var targets = Targets()
        if FileManager.default.fileExists(atPath: directory + "/targets.json") {
            do { targets = try JSONFiles.targets(directory) } catch { issues.add(error) }
        }
        guard let units else {
            return .failure(SnapshotFailure(errors: issues.errors, warnings: issues.warnings))
        }
        if let m = manifest, m.provinceCode != units.province.code {
            issues.add(SnapshotIssue(file: "manifest.json", line: nil,
                                     message: "province_code \(m.provinceCode) does not match units.json (\(units.province.code))"))
        }
        let periodEnd = manifest?.periodEnd ?? Day(number: Int.max / 2)
        let hasRows = FileManager.default.fileExists(atPath: directory + "/dossiers.csv")
        let hasStats = FileManager.default.fileExists(atPath: directory + "/dossier_stats.csv")
        var acc = DossierAccumulator()
        switch (hasRows, hasStats) {
        case (true, true):
            issues.add(SnapshotIssue(file: "dossiers.csv", line: nil,
                                     message: "both dossiers.csv and dossier_stats.csv are present; a snapshot carries one of the two"))
        case (false, false):
            issues.add(SnapshotIssue(file: "dossiers.csv", line: nil,
                                     message: "file not found (nor dossier_stats.csv): one of the two is required"))
        case (true, false):
            DossierParsers.raw(directory, units: units, periodEnd: periodEnd, into: &acc, issues: &issues)
        case (false, true):
            DossierParsers.stats(directory, units: units, into: &acc, issues: &issues)
        }
        let sites = AssetParsers.bts(directory, units: units, issues: &issues)
        let villages = AssetParsers.villages(directory, units: units, issues: &issues)
        let products = AssetParsers.ocop(directory, units: units, issues: &issues)
        let tourism = AssetParsers.tourism(directory, units: units, issues: &issues)
        guard let manifest, !issues.hasErrors else {
            return .failure(SnapshotFailure(errors: issues.errors, warnings: issues.warnings, suppressed: issues.suppressedSummary))
        }
        let cube = DossierCube(accumulator: acc, units: units)
        return .success(Snapshot(manifest: manifest, units: units, targets: targets,
                                 dossierForm: hasRows ? .rows : .stats, dossiers: cube, btsSites: sites,
                                 villages: villages, ocopProducts: products, tourismRows: tourism,
                                 warnings: issues.warnings))
    }
}
