import Foundation
import SnapshotKit

/// Reads the newest complete version of a database into `SnapshotBuilder`, in one
/// `REPEATABLE READ` transaction (never a mix of two versions): the JSON parts as the files'
/// text, each table as a `TextTable` of its rows in their line order, every value as text, so
/// that the builder checks exactly what it checks in files. A value of the wrong type, a NULL
/// where a count is required, a missing table: the builder's refusal at `db:table:line:column`.
enum ExportReader {
    /// The newest complete version: its id and data time (nil when there is none).
    static func newest(_ c: Connection) throws(DatabaseError) -> (id: String, dataTime: String)? {
        let r = try c.query("SELECT id::text, data_time::text FROM cdsboard.exports WHERE complete ORDER BY id DESC LIMIT 1")
        guard r.count == 1, let id = r.value(0, 0) else { return nil }
        return (id, r.value(0, 1) ?? "")
    }

    static func load(_ c: Connection, options: SnapshotBuilder.Options) throws(DatabaseError) -> Result<Snapshot, SnapshotFailure> {
        try c.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do throws(DatabaseError) {
            let result = try read(c, options: options)
            try c.execute("COMMIT")
            return result
        } catch {
            _ = try? c.execute("ROLLBACK")
            throw error
        }
    }

    private static func read(_ c: Connection, options: SnapshotBuilder.Options) throws(DatabaseError) -> Result<Snapshot, SnapshotFailure> {
        guard let version = try newest(c) else {
            return .failure(SnapshotFailure(errors: [SnapshotIssue(file: "\(c.name)", line: nil,
                                                                   message: "no complete export (cdsboard publish writes one)")]))
        }
        let id = version.id
        var documents: [String: Data] = [:]
        let docs = try c.query("SELECT name, body FROM cdsboard.export_documents WHERE export_id = $1", [id])
        for i in 0..<docs.count { if let n = docs.value(i, 0), let b = docs.value(i, 1) { documents[n] = Data(b.utf8) } }
        var headers: [String: [String]] = [:]
        let tables = try c.query("SELECT name, array_to_json(columns)::text FROM cdsboard.export_tables WHERE export_id = $1", [id])
        for i in 0..<tables.count {
            guard let n = tables.value(i, 0), let cols = tables.value(i, 1),
                  let list = try? JSONDecoder().decode([String].self, from: Data(cols.utf8)) else { continue }
            headers[n] = list
        }

        var b = SnapshotBuilder(options: options)
        func json(_ name: String, required: Bool = true, _ set: (inout SnapshotBuilder, Data) -> Void) {
            if let d = documents[name] { set(&b, d) } else if required {
                b.report(SnapshotIssue(file: name, line: nil, message: "not in export \(id) (a version flagged complete without it)"))
            }
        }
        json("manifest.json") { $0.setManifest(json: $1) }
        if let before = documents["units_before.json"] {
            json("units.json") { $0.setUnits(json: $1, before: before) }
        } else {
            json("units.json") { $0.setUnits(json: $1) }
        }
        json("targets.json", required: false) { $0.setTargets(json: $1) }
        guard b.units != nil, b.manifest != nil else { return b.build() }
        json(GeometryFile.name, required: false) { $0.setGeometry(json: $1) }

        // Rows are fetched inside the builder's calls (a closure cannot throw the database's
        // error through them): the first one is kept and thrown after.
        var failure: DatabaseError?
        func rows(_ kind: String, _ columns: [String], optional: [String]) -> TextTable<[TextRow]>?? {
            guard let header = headers[kind] else { return .some(nil) }
            let present = columns.filter { header.contains($0) || !optional.contains($0) }
            let list = ["t.line::text"] + present.map { "t." + quoted($0) + "::text" }
            // `t.line`, the integer: a bare `line` would name the text column of the list (2, 20, 3 …).
            let sql = "SELECT \(list.joined(separator: ", ")) FROM \(SchemaTables.qualified(kind)) AS t WHERE t.export_id = $1 ORDER BY t.line"
            do {
                let r = try c.query(sql, [id])
                var out: [TextRow] = []
                out.reserveCapacity(r.count)
                for i in 0..<r.count {
                    let line = r.value(i, 0).flatMap { Int($0) } ?? i + 2
                    out.append(TextRow((1..<r.columns).map { r.value(i, $0) ?? "" }, line: line))
                }
                return .some(try? TextTable(source: "db:" + kind, header: present, rows: out, columns: columns, optional: optional))
            } catch {
                failure = failure ?? error
                return nil
            }
        }
        let stats = TableKind.dossierStats
        switch rows(SchemaTables.table(stats.fileName), stats.readColumns, optional: stats.optionalColumns) {
        case .some(.some(var t)): b.addDossierStats(&t)
        case .some(.none):
            b.report(SnapshotIssue(file: stats.fileName, line: nil, message: "not in export \(id): a snapshot carries dossier statistics"))
        case .none: break
        }
        b.addDatasets { (name, columns, optional) throws(SnapshotIssue) -> (any SnapshotTable)? in
            // A kind without a table of its own in the schema travels as its file's text.
            if !SchemaTables.typedFiles.contains(name) {
                guard let d = documents[name] else { return nil }
                return try CSVTable(buffer: ByteBuffer(bytes: Array(d)), file: "db:" + name, columns: columns, optional: optional)
            }
            switch rows(SchemaTables.table(name), columns, optional: optional) {
            case .some(.some(let t)): return t
            case .some(.none): return nil
            case .none: throw SnapshotIssue(file: name, line: nil, message: "could not be read")
            }
        }
        if let failure { throw failure }
        return b.build()
    }
}
