import SnapshotKit

/// The tables of `SampleData/postgres/schema.sql`, named as cdsboard's files are: each holds the
/// file's columns (`TableKind.readColumns`) plus `export_id` and `line`.
enum SchemaTables {
    static let schema = "cdsboard"
    /// The JSON parts, kept verbatim in `export_documents`.
    static let documents = ["manifest.json", "units.json", "units_before.json", "targets.json", GeometryFile.name]
    /// The tables a version may have: the statistics, then the kinds behind `DatasetKind`.
    static let kinds: [TableKind] = [.dossierStats, .bts, .villages, .ocop, .tourism, .society, .index766]
    /// The files with a typed table of their own; the other kinds' files (the committee's
    /// score sets: tasks, indicators, DTI) are kept verbatim in `export_documents`.
    static let typedFiles = Set(kinds.map(\.fileName))

    /// The table of a file (`bts.csv` → `bts`).
    static func table(_ fileName: String) -> String {
        fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
    }

    /// `"cdsboard"."bts"`.
    static func qualified(_ table: String) -> String { quoted(schema) + "." + quoted(table) }

    /// The channel `publish` notifies and viewers listen on; the payload is the version's id.
    static let channel = "cdsboard_exports"
}
