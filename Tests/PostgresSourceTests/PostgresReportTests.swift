import DashboardTestSupport
import Foundation
import PostgresSource
@testable import SnapshotKit
import Testing

/// A snapshot published to PostgreSQL reads back as the same snapshot (equal in every
/// figure, so every period kind), and `report` from the database prints what it prints from
/// the directory it was published from, byte for byte.
@Suite(.serialized) struct PostgresReportTests {
    let bin = Fixtures.binary

    func publish(_ directory: String, _ db: TestCluster) -> (status: Int32, output: String) {
        Fixtures.run(bin, ["publish", directory, "--to", db.url])
    }

    @Test func reportsFromTheDatabaseEqualThoseFromTheDirectoryForBothSamples() throws {
        let db = try TestCluster()
        let samples: [(String, [[String]])] = [
            ("ha-giang", [["--period", "2024-06", "--lang", "en"], ["--period", "2024", "--form", "06"],
                          ["--period", "2024-Q1", "--district", "030", "--format", "csv"]]),
            ("tuyen-quang", [[], ["--period", "2026-Q3", "--form", "06"],
                             ["--period", "2024-Q2", "--structure", "historical", "--form", "06"]]),
        ]
        for (name, reports) in samples {
            let dir = Fixtures.repositoryRoot() + "/SampleData/" + name
            let p = publish(dir, db)
            #expect(p.status == 0, "\(p.output)")
            #expect(p.output.contains("published to postgresql://postgres@/cdsboard?host="), "\(p.output)")
            // The same snapshot: every figure of every unit and month, the catalogue and its history.
            let fromFiles = try SnapshotLoader.load(directory: dir).get()
            let fromDB = try PostgresSnapshotSource(target: ConnectionTarget(db.url)).load(options: .init()).get()
            let differences = deepDifferences(fromDB, fromFiles) { x, y in
                if let p = x as? TallyCells, let q = y as? TallyCells { return p == q }
                return nil
            }
            #expect(differences.isEmpty, "\(name): \(differences)")
            for args in reports {
                let json = args.contains("--format") ? args : args + ["--format", "json"]
                let fromFiles = Fixtures.run(bin, ["report", dir] + json)
                let fromDB = Fixtures.run(bin, ["report", db.url] + json)
                #expect(fromFiles.status == 0, "\(name) \(args): \(fromFiles.output.prefix(300))")
                #expect(fromDB.status == fromFiles.status, "\(name) \(args): \(fromDB.output.prefix(300))")
                #expect(fromDB.output == fromFiles.output, "\(name) \(args)")
                #expect(fromDB.output.count > 500, "\(name) \(args)")
            }
            let check = Fixtures.run(bin, ["check", db.url])
            #expect(check.status == 0 && check.output.contains(": OK — "), "\(check.output)")
        }
    }
}
