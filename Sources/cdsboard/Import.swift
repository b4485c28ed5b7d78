import ArgumentParser
import Foundation
import SnapshotImport
import SnapshotKit

/// `cdsboard import FILE... --into DIR`: a province's own reports (.xlsx, .csv) read through a
/// layout, units matched by name, the period found; `--dry-run` explains all of it.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the province's own reports (.xlsx, .csv) into a snapshot, units by name.",
        discussion: """
        Layouts shipped: \(ShippedLayouts.all.map { (try? Layout.parse($0.toml, source: $0.name)).map { "\($0.id) (\($0.name))" } ?? $0.name }.joined(separator: "; ")).
        A user's own: $XDG_CONFIG_HOME/cdsboard/layouts/*.toml, or --layout FILE.
        Writing into the snapshot is not available yet: the snapshot format has no statistics rows \
        without a split by channel and field, and the figures a report does not carry are never \
        invented. Use --dry-run to check a report now.
        """)

    @Argument(help: "The reports to read (.xlsx or .csv).")
    var files: [String]

    @Option(help: "The snapshot directory whose units the names are matched against.")
    var into: String

    @Flag(help: "Explain the layout, period, units and totals found, and write nothing.")
    var dryRun = false

    @Option(help: "A layout file (TOML) to use instead of detecting one.")
    var layout: String?

    @Option(help: "Read only this sheet of a workbook.")
    var sheet: String?

    @Option(help: "The period the reports cover (2026-11, 2026-Q4, 2026-09..2026-11) when neither title nor file name says.")
    var period: String?

    func run() throws {
        var periodOption: ReportPeriod?
        if let period {
            guard let p = ReportPeriod(option: period) else {
                throw ValidationError("--period \(period): expected YYYY-MM, YYYY-Qn, YYYY or FIRST..LAST")
            }
            periodOption = p
        }
        let layouts: LayoutCatalog
        do { layouts = try LayoutCatalog.load(environment: ProcessInfo.processInfo.environment, layoutFile: layout) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let source = SnapshotSource.choose(into)
        let snap: Snapshot
        switch source.load() {
        case .success(let s): snap = s
        case .failure(let failure):
            FileHandle.standardError.write(Data("\(into): the snapshot is refused, nothing imported\n\(failure.printed(source: into))\n".utf8))
            throw ExitCode(1)
        }
        let u = snap.units
        let catalogue = u.communeIndexes.map { UnitMatcher.Entry(code: u.units[$0].code, name: u.units[$0].name) }
        var refused = false
        for path in files {
            do {
                let plan = try ImportPlan.make(URL(fileURLWithPath: path), catalogue: catalogue, layouts: layouts, sheet: sheet, period: periodOption)
                for line in plan.summary() { print(line) }
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                refused = true
            }
        }
        if refused { throw ExitCode(1) }
        if !dryRun {
            FileHandle.standardError.write(Data("nothing written: only --dry-run is available yet (the snapshot format has no statistics rows without a split by channel and field)\n".utf8))
            throw ExitCode(2)
        }
    }
}
