import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The dossiers panel and the report with and without the optional columns: a figure whose
/// column is missing is "—", never 0.
@Suite struct Form06PanelTests {
    let q2 = Period.quarter(year: 2024, quarter: 2)

    /// The sample with its dossier statistics cut to the thirteen required columns.
    static let withoutOptional: Snapshot = {
        let dir = Fixtures.copyOfSample()
        let path = dir + "/dossier_stats.csv"
        let cut = Fixtures.read(path).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(13).joined(separator: ",") }
        Fixtures.write(cut.joined(separator: "\n") + "\n", to: path)
        // An export made so has no file listing (its digests would name the other file).
        var manifest = try! JSONSerialization.jsonObject(with: Data(Fixtures.read(dir + "/manifest.json").utf8)) as! [String: Any]
        manifest["files"] = nil
        Fixtures.write(String(decoding: try! JSONSerialization.data(withJSONObject: manifest), as: UTF8.self), to: dir + "/manifest.json")
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { fatalError("sample without optional columns refused") }
        return s
    }()

    @Test func withoutTheColumnsTheFiguresAreAbsent() {
        let s = Self.withoutOptional
        let fig = UnitFigures(snapshot: s, unit: 0, period: q2)
        #expect(fig.dossiersHeld && fig.form06 == nil)
        #expect(fig.estimate766?.progress == nil && fig.estimate766?.payment == nil && fig.estimate766?.digitized == nil)
        #expect(fig.dossiers.received == 143_218)    // the old figures unchanged
        let r = Report(snapshot: s, period: q2, language: .vi, form: .form06)
        #expect(r.rows[0].dropFirst(2).allSatisfy { $0 == "—" })
        #expect(r.rawRows[0].dropFirst(2).allSatisfy { $0.isEmpty })
        #expect(r.notes[0].contains("Biểu 06: Chưa có dữ liệu"))
    }

    @Test func theSampleGivesForm06AndTheEstimate() {
        let s = SampleState.snapshot
        let fig = UnitFigures(snapshot: s, unit: 0, period: q2)
        let f = try! #require(fig.form06)
        #expect(f.receivedInPeriod == 143_218 && f.receivedOnline == 125_029)
        #expect(f.supplement != nil)                   // statistics say it for every month
        let e = try! #require(fig.estimate766)
        // 766 progress counts those in progress within due: not the dashboard's on-time share.
        #expect(e.progress!.rate != fig.dossiers.onTimeShare)
        #expect(e.onlineShare!.points == 6 && e.fullOnline != nil && e.payment != nil && e.eResult != nil)
        #expect(abs(e.maximum - (20 + 6 + 6 + 6 + 44.0 / 3)) < 1e-9)
    }

    @Test func theExpandedPanelAndTheCommuneDetailShowForm06() {
        var s = SampleState.state(size: Size(width: 200, height: 60))
        _ = SampleState.press(&s, "1 Enter")
        let screen = render(s).textDump()
        // The column of `~` cells says they are estimates (not the published index).
        for title in ["Tiến độ (766)", "Kỳ trước chuyển", "Đã giải quyết", "Đang giải quyết", "Chờ bổ sung", "766 ~ước tính", "~4"] {
            #expect(screen.contains(title), "\(title)")
        }
        #expect(render(SampleState.state(size: Size(width: 80, height: 24))).textDump().contains("Ước tính theo công thức 766"))
    }

    /// The estimate's label is never cut to "Ước …" (issue 30): in a 38-column panel it is
    /// the short "766 ước tính" with the points, in both languages.
    @Test func theEstimateKeepsAReadableLabelInANarrowPanel() {
        for (language, label) in [(Language.vi, "766 ước tính          46,7/52,7 điểm"), (.en, "766 estimate        46.7/52.7 points")] {
            let screen = render(SampleState.state(size: Size(width: 120, height: 40), language: language)).textDump()
            #expect(screen.contains(label), "\(language)")
            #expect(!screen.contains("Ước …") && !screen.contains("Estim…"))
        }
    }

    /// A CSV's estimate says what it is out of (the published index is out of 100).
    @Test func theReportGivesTheEstimatesMaximum() throws {
        let csv = Report(snapshot: SampleState.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi).rendered(as: .csv)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let points = try #require(header.firstIndex(of: "index_766_estimate"))
        let maximum = try #require(header.firstIndex(of: "index_766_estimate_max"))
        #expect(lines[1][points] == "46.73" && lines[1][maximum] == "52.67", "\(lines[1])")
    }

    @Test func targetsMayName766Indicators() {
        for i in ["dossiers.progress_766", "index_766.total"] {
            #expect(IndicatorCatalog.standard[i] != nil)
        }
    }

    @Test func officialScoresAreShownBesideTheEstimateWithRankAndChange() throws {
        let dir = Fixtures.copyOfSample()
        Fixtures.write("""
        period,unit_code,transparency,progress,online_service,online_payment,digitisation,satisfaction,total,rank,ranked
        2024-Q2,02,9.9,19.1,8.1,10,14,18,79.1,5,34
        2024-Q1,02,9.5,18.9,8.0,9.6,13.9,18,77.9,7,34
        2024-Q2,026,10,19,8,9,14,17.5,77.5,12,124

        """, to: dir + "/index_766.csv")
        var manifest = try JSONSerialization.jsonObject(with: Data(Fixtures.read(dir + "/manifest.json").utf8)) as! [String: Any]
        manifest["files"] = nil
        Fixtures.write(String(decoding: try JSONSerialization.data(withJSONObject: manifest), as: UTF8.self), to: dir + "/manifest.json")
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        let fig = UnitFigures(snapshot: s, unit: 0, period: q2)
        #expect(fig.official766?.total == 79.1 && fig.official766Previous?.rank == 7)
        let text = DossiersPanel.official766Text(fig.official766!, fig.official766Previous, NumberFormat(.vi), .unicode, Strings(.vi))
        #expect(text == "79,1 điểm (+1,2) · 5/34 (▲2)")
        let dongVan = UnitFigures(snapshot: s, unit: s.units.unit(code: "026")!.index, period: q2)
        #expect(DossiersPanel.index766Cell(dongVan, NumberFormat(.vi)) == "77,5 · 12/124")
        let other = UnitFigures(snapshot: s, unit: s.units.unit(code: "030")!.index, period: q2)
        #expect(DossiersPanel.index766Cell(other, NumberFormat(.vi)).hasPrefix("~"))   // the estimate, marked
        let report = Report(snapshot: s, period: q2, language: .vi)
        let csv = report.rendered(as: .csv)
        #expect(csv.contains(",79.10,5,") || csv.contains("79.10"))
        let detail = DossiersPanel.form06Table(PanelContext(state: SampleState.state(), snapshot: s, figures: fig))
        #expect(detail.rows.contains { $0[0].contains("Công khai, minh bạch") && $0[2] == "9,9/18" })
    }
}
