import DashboardTestSupport
import Foundation
import Testing

/// A hostile database gives a refusal at `db:table:line:column` (or the part it lacks), as a
/// bad export does: never a crash, never a figure made up. And a password never shows.
@Suite(.serialized) struct PostgresHostileTests {
    let bin = Fixtures.binary

    /// `check` of the database after `sql` has damaged the newest version: its status and output.
    func check(after sql: String, _ db: TestCluster) throws -> (status: Int32, output: String) {
        try db.psql(sql)
        return Fixtures.run(bin, ["check", db.url])
    }

    @Test func damagedVersionsAreRefusedWithWhereAndWhy() throws {
        let db = try TestCluster()
        let p = Fixtures.run(bin, ["publish", Fixtures.sampleDirectory, "--to", db.url])
        #expect(p.status == 0, "\(p.output)")
        let id = try db.psql("SELECT max(id) FROM cdsboard.exports").trimmingCharacters(in: .whitespacesAndNewlines)

        // A NULL where a count is required: refused at its row and column.
        var r = try check(after: "UPDATE cdsboard.dossier_stats SET received = NULL WHERE export_id = \(id) AND line = 5", db)
        #expect(r.status == 1 && r.output.contains("db:dossier_stats:5:7:"), "\(r.output)")
        // Mended, it loads again.
        r = try check(after: "UPDATE cdsboard.dossier_stats SET received = 63 WHERE export_id = \(id) AND line = 5", db)
        #expect(r.status == 0, "\(r.output)")

        // A column of the wrong type (text where a count belongs) holding a word.
        r = try check(after: "ALTER TABLE cdsboard.tourism ALTER domestic_visitors TYPE text; "
                      + "UPDATE cdsboard.tourism SET domestic_visitors = 'nhiều' WHERE export_id = \(id) AND line = 3", db)
        #expect(r.status == 1 && r.output.contains("db:tourism:3:3:"), "\(r.output)")
        try db.psql("UPDATE cdsboard.tourism SET domestic_visitors = '1' WHERE export_id = \(id) AND line = 3")

        // A version flagged complete without one of its tables, or without its catalogue.
        r = try check(after: "DELETE FROM cdsboard.export_tables WHERE export_id = \(id) AND name = 'bts'", db)
        #expect(r.status == 1 && r.output.contains("bts.csv") && r.output.contains("a snapshot requires it"), "\(r.output)")
        r = try check(after: "DELETE FROM cdsboard.export_documents WHERE export_id = \(id) AND name = 'units.json'", db)
        #expect(r.status == 1 && r.output.contains("units.json") && r.output.contains("not in export \(id)"), "\(r.output)")

        // No complete version at all.
        r = try check(after: "UPDATE cdsboard.exports SET complete = false", db)
        #expect(r.status == 1 && r.output.contains("no complete export"), "\(r.output)")
    }

    @Test func aPasswordIsNeverTakenFromTheCommandLineNorShown() throws {
        let db = try TestCluster()
        for url in ["postgresql://postgres:s3cr3t-pw@/cdsboard?host=\(db.directory)",
                    "host=\(db.directory) dbname=cdsboard user=postgres password=s3cr3t-pw"] {
            for args in [["check", url], ["report", url], ["publish", Fixtures.sampleDirectory, "--to", url]] {
                let r = Fixtures.run(bin, args)
                #expect(r.status != 0, "\(args)")
                #expect(!r.output.contains("s3cr3t-pw"), "\(r.output)")
                #expect(r.output.contains("PGPASSWORD"), "\(r.output)")
            }
        }
        // A server that is not there: the error names it, and the command fails.
        let gone = Fixtures.run(bin, ["report", "postgresql://postgres@/cdsboard?host=/nonexistent-dir"])
        #expect(gone.status != 0 && gone.output.contains("postgresql://postgres@/cdsboard?host=/nonexistent-dir"), "\(gone.output)")
    }
}
