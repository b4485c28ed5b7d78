import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit

/// `cdsboard report`: the dashboard's figures as text, Markdown, CSV or JSON.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the figures for the province (or one district) and each of its units, for meeting minutes.")

    @Argument(help: "Snapshot directory (default: the bundled sample).")
    var directory: String?

    @Option(help: "Period: 2024-06, 2024-Q2 or 2024 (default: the latest quarter).")
    var period: Period?

    @Option(help: "A district code (e.g. 030): report its communes.")
    var district: String?

    @Option(help: "Output format.")
    var format: DashboardCore.Report.Format = .text

    @Option(help: "Language (default: the environment, then vi).")
    var lang: Language?

    func validate() throws { try Echo.check(period) }

    func run() throws {
        let snapshot: Snapshot
        let source = SnapshotSource.choose(directory)
        switch source.load() {
        case .success(let s): snapshot = s
        case .failure(let f):
            FileHandle.standardError.write(Data((f.printed(source: source.name) + "\n").utf8))
            throw ExitCode(1)
        }
        var index = 0
        if let district {
            guard let u = snapshot.units.unit(code: district), u.level == .district else {
                throw CommandError("--district: no district \"\(Echo.cut(district))\" in the snapshot")
            }
            index = u.index
        }
        let p = period ?? Period.containing(snapshot.latestMonth, kind: .quarter)
        let language = lang ?? Language.from(environment: ProcessInfo.processInfo.environment)
        let report = DashboardCore.Report(snapshot: snapshot, period: p, unit: index, language: language)
        print(report.rendered(as: format), terminator: "")
    }
}
