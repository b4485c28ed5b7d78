import ArgumentParser
import Foundation
import PostgresSource
import SnapshotKit

/// `cdsboard publish DIR --to postgresql://…`: checks a snapshot directory as `check` does,
/// then writes it into the database as a new complete version and notifies the viewers.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a snapshot directory, then publish it to PostgreSQL as a new version.",
        discussion: """
            The database needs SampleData/postgres/schema.sql applied once. The connection is a \
            libpq URI (postgresql://user@host/db) or key=value conninfo; the password comes from \
            PGPASSWORD or ~/.pgpass, never from the command line. Exit status 0 when published, \
            1 when the snapshot is refused or the database fails (nothing is then written).
            """)

    @Argument(help: "Snapshot directory.")
    var directory: String

    @Option(help: "The database: postgresql://user@host/db or key=value conninfo.")
    var to: String

    func run() throws {
        let target: ConnectionTarget
        do { target = try ConnectionTarget(to) } catch { throw ValidationError(error.message) }
        let shown = Echo.cut(directory)
        let manifest: Manifest
        switch DirectorySource(directory: directory, loader: Environment.loader).loadOnce() {
        case .success(let snap): manifest = snap.manifest
        case .failure(let failure):
            print(failure.printed(source: directory))
            print("\(shown): not published (refused by check)")
            throw ExitCode(1)
        }
        do {
            let p = try Publisher.publish(directory: directory, manifest: manifest, to: target, shownAs: shown)
            let rows = p.rows.keys.sorted().map { "\($0) \(p.rows[$0]!)" }.joined(separator: ", ")
            print("\(shown): published to \(target.displayName) as export \(p.id) (\(rows))")
        } catch {
            print("\(shown): not published: \(error.message)")
            throw ExitCode(1)
        }
    }
}
