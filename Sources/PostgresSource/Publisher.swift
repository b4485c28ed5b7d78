import Foundation
import SnapshotKit

/// Writes a snapshot directory (already checked) into the database as a new version, in one
/// transaction: the version's row, the JSON parts verbatim, each table by `COPY … FROM STDIN`
/// (its rows with their line in the file), then `complete` and `NOTIFY cdsboard_exports` —
/// both seen by others only at the commit. Every value goes as a parameter or as COPY data:
/// nothing of the data becomes SQL text.
public enum Publisher {
    /// What was published: the version's id and its rows per table.
    public struct Published: Sendable {
        public var id: String
        public var rows: [String: Int]
    }

    public static func publish(directory: String, manifest: Manifest, to target: ConnectionTarget,
                               shownAs shown: String) throws(DatabaseError) -> Published {
        let exists = { (name: String) in FileManager.default.fileExists(atPath: directory + "/" + name) }
        if exists(TableKind.dossiers.fileName) {
            throw DatabaseError("\(shown): holds dossiers.csv (one row per dossier); the database takes dossier_stats.csv: "
                                + "aggregate the rows to statistics first")
        }
        let c = try Connection(target)
        try c.execute("BEGIN")
        do throws(DatabaseError) {
            let r = try c.query("INSERT INTO cdsboard.exports (province_code, data_time, period_end, published_from) "
                                + "VALUES ($1, $2::timestamptz, $3::date, $4) RETURNING id::text",
                                [manifest.provinceCode, manifest.generatedAtText, "\(manifest.periodEnd)", shown])
            guard let id = r.value(0, 0) else { throw DatabaseError("\(c.name): no id for the new export") }
            let verbatim = SnapshotBuilder.Options().datasetFiles.filter { !SchemaTables.typedFiles.contains($0) }
            for name in SchemaTables.documents + verbatim where exists(name) {
                let body = try text(directory, name)
                try c.query("INSERT INTO cdsboard.export_documents (export_id, name, body) VALUES ($1, $2, $3)", [id, name, body])
            }
            var counts: [String: Int] = [:]
            for kind in SchemaTables.kinds where exists(kind.fileName) {
                counts[kind.fileName] = try copy(kind, directory, id, c)
            }
            try c.query("UPDATE cdsboard.exports SET complete = true WHERE id = $1", [id])
            try c.query("SELECT pg_notify($1, $2)", [SchemaTables.channel, id])
            try c.execute("COMMIT")
            return Published(id: id, rows: counts)
        } catch {
            _ = try? c.execute("ROLLBACK")
            throw error
        }
    }

    /// A file's text, for a text parameter (UTF-8 without NUL: what PostgreSQL's text holds).
    private static func text(_ directory: String, _ name: String) throws(DatabaseError) -> String {
        guard let d = FileManager.default.contents(atPath: directory + "/" + name) else { throw DatabaseError("\(name): cannot be read") }
        guard !d.contains(0), let s = String(data: d, encoding: .utf8) else { throw DatabaseError("\(name): not UTF-8 text") }
        return s
    }

    /// COPYs the file of `kind` into its table (an empty field as NULL) and records which of
    /// its columns the file has; returns the rows written.
    private static func copy(_ kind: TableKind, _ directory: String, _ id: String, _ c: Connection) throws(DatabaseError) -> Int {
        let columns = kind.readColumns
        var table: CSVTable
        do { table = try CSVTable(directory: directory, name: kind.fileName, columns: columns, optional: kind.optionalColumns) } catch {
            throw DatabaseError("\(error)")
        }
        var rows: [[String?]] = []
        var present = Set<Int>()
        do {
            try table.forEachRow { (row: inout TableRow) throws(SnapshotIssue) in
                var out: [String?] = [id, String(row.line)]
                for k in columns.indices {
                    guard row.has(k) else { out.append(nil); continue }
                    present.insert(k)
                    let v = try row.string(k)
                    out.append(v.isEmpty ? nil : v)
                }
                rows.append(out)
            }
        } catch { throw DatabaseError("\(error)") }
        let name = SchemaTables.table(kind.fileName)
        // An empty file has no row to tell its columns: those of its header are all there.
        let header = rows.isEmpty ? columns.filter { !kind.optionalColumns.contains($0) } : columns.indices.filter(present.contains).map { columns[$0] }
        try c.query("INSERT INTO cdsboard.export_tables (export_id, name, columns) VALUES ($1, $2, $3::text[])",
                    [id, name, "{" + header.map { "\"\($0)\"" }.joined(separator: ",") + "}"])
        try c.copy(into: name, schema: SchemaTables.schema, columns: ["export_id", "line"] + columns, rows: rows)
        return rows.count
    }
}
