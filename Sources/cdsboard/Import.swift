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
        Tourism reports are written into tourism.csv (that month's rows replaced), the 766 portal's \
        table into index_766.csv (that period's rows replaced), and the new version \
        is published whole after passing check. Dossier reports (mot-cua, bieu-06) are read and \
        explained with --dry-run only: the snapshot format has no statistics rows without a split by \
        channel and field yet, and figures a report does not carry are never invented.
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
        let source = try SourceChoice.choose(into)
        let snap: Snapshot
        switch source.loadOnce() {
        case .success(let s): snap = s
        case .failure(let failure):
            FileHandle.standardError.write(Data("\(into): the snapshot is refused, nothing imported\n\(failure.printed(source: into))\n".utf8))
            throw ExitCode(1)
        }
        let u = snap.units
        let communes = u.communeIndexes.map { UnitMatcher.Entry(code: u.units[$0].code, name: u.units[$0].name) }
        let districts = u.districts.map { UnitMatcher.Entry(code: $0.code, name: $0.name) }
        let province = [UnitMatcher.Entry(code: u.province.code, name: u.province.name)]
        var refused = false
        var plans: [ImportPlan] = []
        for path in files {
            do {
                let plan = try ImportPlan.make(URL(fileURLWithPath: path), catalogueFor: { $0 == .index766 ? province + communes : $0.communes ? communes : districts },
                                               layouts: layouts, sheet: sheet, period: periodOption)
                for line in plan.summary() { print(line) }
                plans.append(plan)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                refused = true
            }
        }
        if refused { throw ExitCode(1) }
        if dryRun { return }
        if let p = plans.first(where: { $0.match.layout.carries == .dossierTotals }) {
            FileHandle.standardError.write(Data("\(p.file): nothing written: dossier reports can only be checked (--dry-run) yet; the snapshot format has no statistics rows without a split by channel and field\n".utf8))
            throw ExitCode(2)
        }
        try write(plans, into: into, provinceCode: u.province.code)
    }

    /// Merges the plans into the snapshot's tables and publishes the new version whole.
    func write(_ plans: [ImportPlan], into dir: String, provinceCode: String) throws {
        func existing(_ name: String) -> String? {
            FileManager.default.contents(atPath: dir + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }
        var changes: [String: String] = [:]
        var lines: [String] = []
        do {
            for plan in plans {
                switch plan.match.layout.carries {
                case .tourism:
                    let merge = try TourismWriter.merge(existing: changes["tourism.csv"] ?? existing("tourism.csv") ?? "", plan: plan)
                    changes["tourism.csv"] = merge.text
                    lines.append("\(plan.file): tourism.csv \(plan.period.first): \(merge.replaced) rows replaced, \(merge.added) added, \(merge.removed) removed")
                case .index766:
                    let merge = try Index766Writer.merge(existing: changes["index_766.csv"] ?? existing("index_766.csv"), plan: plan, provinceCode: provinceCode)
                    changes["index_766.csv"] = merge.text
                    lines.append("\(plan.file): index_766.csv \(merge.period): \(merge.replaced) rows replaced, \(merge.added) added, \(merge.removed) removed"
                                 + (merge.rankedFromRows.map { "; ranked = \($0), the units the sheet ranks (ranks written without \"/N\")" } ?? ""))
                case .dossierTotals:
                    continue
                }
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\nnothing written\n".utf8))
            throw ExitCode(1)
        }
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        do {
            let published = try SnapshotPublisher.publish(changes.mapValues { Data($0.utf8) }, into: dir, generatedAt: stamp.string(from: Date()))
            for l in lines { print(l) }
            print("published \(published.viaSymlink ? "as \(published.directory), \(dir) now points to it" : "in \(dir)"): \(published.changed.joined(separator: ", "))")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
