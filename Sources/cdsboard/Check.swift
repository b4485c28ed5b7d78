import ArgumentParser
import Foundation
import SnapshotKit

/// `cdsboard check DIR`: validates a snapshot and prints every problem as `file:line: …`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a snapshot directory; print every problem as file:line: message.",
        discussion: "Exit status 0 when the snapshot is usable, 1 when it is refused.")

    @Argument(help: "Snapshot directory, or a PostgreSQL database: postgresql://user@host/db (default: the bundled sample).")
    var directory: String?

    @Flag(help: "Print timing and the headline counts.")
    var verbose = false

    func run() throws {
        let source = try SourceChoice.choose(directory)
        let dir = source.name
        let start = DispatchTime.now().uptimeNanoseconds
        let result = source.loadOnce()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        switch result {
        case .success(let snap):
            for w in snap.warnings { print(w) }
            let d = snap.dossiers
            let u = snap.units
            let tiers = !u.twoTier ? "\(u.districtIndexes.count) districts, \(u.communeIndexes.count) communes"
                : "two tiers, \(u.communeIndexes.count) communes in \(u.districtIndexes.count) former districts"
                + (u.change.map { c in "; catalogue changed on \(c.date), before it \(c.before.map { "\($0.province.shortName) (\($0.communeIndexes.count) communes)" }.joined(separator: " and "))" } ?? "")
            print("\(Echo.cut(dir)): OK — \(tiers); "
                  + "dossiers (\(snap.dossierForm.rawValue)) \(d.firstMonth)…\(d.lastMonth?.description ?? "-"), "
                  + "\(snap.btsSites.count) BTS sites, \(snap.villages.count) villages, \(snap.ocopProducts.count) OCOP products; "
                  + "\(snap.warnings.count) warnings")
            if verbose { print(String(format: "loaded in %.1f ms", ms)) }
        case .failure(let failure):
            print(failure.printed(source: dir))
            if verbose { print(String(format: "checked in %.1f ms", ms)) }
            throw ExitCode(1)
        }
    }
}
