import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit

/// `cdsboard report`: the dashboard's figures as text, Markdown, CSV or JSON.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the figures for the province (or one district) and each of its units, for meeting minutes.",
        discussion: """
        Text and Markdown fit --width: Markdown gives each panel its own table (cut again when wider), \
        each with the code and the unit. CSV and JSON carry the title, the period and the export's time \
        (generated_at) with the figures: CSV on every row, after the figures.

        Exit status: 0 the report was printed; 1 the snapshot is missing or refused, or --district \
        is not in it; 3 the period holds no figures (no dossiers, visitors or society counts; the \
        report is still printed, saying so).
        """)

    @Argument(help: "Snapshot directory, or a PostgreSQL database: postgresql://user@host/db (default: the bundled sample).")
    var directory: String?

    @Option(help: "Period: 2024-06, 2024-Q2, 2024, or last-month, last-quarter, last-year: the last complete one before the data's end (period_end). Default: the quarter holding the data's last month, to date when the data ends inside it (Tuyên Quang sample: Q4 2026 to 2026-10-31).")
    var period: ReportPeriod?

    @Option(help: "A district code (e.g. 030): report its communes.")
    var district: String?

    @Option(help: "Output format.")
    var format: DashboardCore.Report.Format = .text

    @Option(help: "current (today's units, earlier figures re-based onto them) or historical (a period before the catalogue's change by the old provinces, districts and communes, as reported then).")
    var structure: String = "current"

    @Option(help: "06: the layout of form 06 (Biểu số 06/VPCP/KSTT, procedures received and resolved) instead of the dashboard's figures.")
    var form: DashboardCore.Report.Form = .dashboard

    @Option(help: "Language (default: the environment, then vi).")
    var lang: Language?

    @Option(help: "Text format: line width; columns that do not fit go to a table below (default: the terminal's, else 100).")
    var width: Int?

    func validate() throws {
        try Echo.check(period?.given)
        if let width, !(40...1000).contains(width) { throw ValidationError("--width must be between 40 and 1000") }
        if structure != "current", structure != "historical" { throw ValidationError("--structure must be current or historical") }
    }

    /// The terminal's width when standard output is one, else 100.
    static func terminalWidth() -> Int {
        var ws = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col >= 40 else { return 100 }
        return Int(ws.ws_col)
    }

    func run() throws {
        let snapshot: Snapshot
        let source = try SourceChoice.choose(directory)
        switch source.loadOnce() {
        case .success(let s): snapshot = s
        case .failure(let f):
            FileHandle.standardError.write(Data((f.printed(source: source.name) + "\n").utf8))
            throw ExitCode(1)
        }
        if structure == "historical" { return try historical(snapshot) }
        var index = 0
        if let district {
            guard let u = snapshot.units.unit(code: district), u.level == .district else {
                throw CommandError("--district: no district \"\(Echo.cut(district))\" in the snapshot")
            }
            index = u.index
        }
        let p = period?.resolve(dataEnd: snapshot.manifest.periodEnd) ?? Period.containing(snapshot.latestMonth, kind: .quarter)
        let language = lang ?? Language.from(environment: Environment.values)
        let config = Config.load()
        let report = DashboardCore.Report(snapshot: snapshot, period: p, unit: index, language: language, form: form, now: Date(),
                                          staleAfter: config.staleAfterDays * 86400)
        print(report.rendered(as: format, width: width ?? Self.terminalWidth()), terminator: "")
        // A period the data holds none of is said on the page, and in the exit status.
        if !report.hasData {
            FileHandle.standardError.write(Data("report: no data for \(p) in this snapshot\n".utf8))
            throw ExitCode(3)
        }
    }

    /// The old units' figures as reported, in every format, form 06 or one old district.
    func historical(_ snapshot: Snapshot) throws {
        let before = snapshot.units.change.map { $0.date.month.adding(-1) }
        let p = period?.resolve(dataEnd: snapshot.units.change.map { Day(number: $0.date.number - 1) } ?? snapshot.manifest.periodEnd)
            ?? Period.containing(before ?? snapshot.latestMonth, kind: .quarter)
        let language = lang ?? Language.from(environment: Environment.values)
        let r: HistoricalReport
        do {
            r = try HistoricalReport(snapshot: snapshot, period: p, language: language, form: form, district: district, now: Date(),
                                     staleAfter: Config.load().staleAfterDays * 86400)
        } catch { throw CommandError(error.description) }
        print(r.rendered(as: format, width: width ?? Self.terminalWidth()), terminator: "")
        if !r.hasData {
            let change = snapshot.units.change.map { " (before \($0.date))" } ?? ""
            FileHandle.standardError.write(Data("report: no figures in the old units for \(p)\(change)\n".utf8))
            throw ExitCode(3)
        }
    }
}
