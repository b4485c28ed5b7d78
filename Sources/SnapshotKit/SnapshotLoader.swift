import Foundation

/// Reads a snapshot directory: a client of `SnapshotBuilder` that hands it each file as a
/// table (`dossiers.csv` through the builder's streaming entry point).
///
/// Either the whole directory validates and a `Snapshot` comes back, or a `SnapshotFailure`
/// lists what is wrong as `file:line: message`. Nothing is written to the directory.
public enum SnapshotLoader {
    public static func load(directory: String,
                            options: SnapshotBuilder.Options = SnapshotBuilder.Options()) -> Result<Snapshot, SnapshotFailure> {
        if let problem = ExportIntegrity.directoryProblem(directory) {
            return .failure(SnapshotFailure(errors: [SnapshotIssue(file: directory, line: nil, message: problem)]))
        }
        var b = SnapshotBuilder(options: options)
        func json(_ name: String, _ set: (inout SnapshotBuilder, Data) -> Void) {
            do { set(&b, try JSONFiles.read(directory, name)) } catch { b.report(error) }
        }
        json("manifest.json") { $0.setManifest(json: $1) }
        if FileManager.default.fileExists(atPath: directory + "/units_before.json") {
            do {
                let before = try JSONFiles.read(directory, "units_before.json")
                json("units.json") { $0.setUnits(json: $1, before: before) }
            } catch { b.report(error) }
        } else {
            json("units.json") { $0.setUnits(json: $1) }
        }
        if FileManager.default.fileExists(atPath: directory + "/targets.json") { json("targets.json") { $0.setTargets(json: $1) } }
        // A manifest that did not validate refuses the export before any row is read.
        guard b.units != nil, b.manifest != nil else { return b.build() }
        if FileManager.default.fileExists(atPath: directory + "/" + GeometryFile.name) {
            json(GeometryFile.name) { $0.setGeometry(json: $1) }
        }
        let audit = ExportIntegrity.Audit(directory: directory, manifest: b.manifest)   // digests while parsing
        let exists = { (k: TableKind) in FileManager.default.fileExists(atPath: directory + "/" + k.fileName) }
        switch (exists(.dossiers), exists(.dossierStats)) {
        case (true, true):
            b.report(SnapshotIssue(file: "dossiers.csv", line: nil,
                                   message: "both dossiers.csv and dossier_stats.csv are present; a snapshot carries one of the two"))
        case (false, false):
            b.report(SnapshotIssue(file: "dossiers.csv", line: nil,
                                   message: "file not found (nor dossier_stats.csv): one of the two is required"))
        case (true, false):
            b.addDossiers(csvDirectory: directory)
        case (false, true):
            if var t = table(directory, .dossierStats, &b) { b.addDossierStats(&t) }
        }
        for kind in options.datasets.kinds { add(kind, directory, &b) }
        for issue in audit.finish() { b.report(issue) }
        return b.build()
    }

    /// The file of a kind behind `DatasetKind`, when the directory has it; else what its
    /// absence means (an error for a required kind, the kind's warning for an optional one).
    static func add<K: DatasetKind>(_ kind: K.Type, _ directory: String, _ b: inout SnapshotBuilder) {
        // A required file that is missing is reported as opening it reports it.
        if case .optional(let warning) = K.presence, !FileManager.default.fileExists(atPath: directory + "/" + K.fileName) {
            if let warning { b.report(SnapshotIssue(file: K.fileName, line: nil, message: warning, severity: .warning)) }
            return
        }
        do {
            var t = try CSVTable(directory: directory, name: K.fileName, columns: K.columns + K.optionalColumns, optional: K.optionalColumns)
            b.add(kind, &t)
        } catch { b.report(error) }
    }

    /// The file of `kind` opened for its columns, or nil with the problem reported.
    static func table(_ directory: String, _ kind: TableKind, _ b: inout SnapshotBuilder) -> CSVTable? {
        do { return try CSVTable(directory: directory, name: kind.fileName, columns: kind.readColumns, optional: kind.optionalColumns) } catch {
            b.report(error)
            return nil
        }
    }
}
