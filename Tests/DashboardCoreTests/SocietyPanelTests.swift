import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The fifth panel, "digital society", on the bundled sample: figures computed by hand from
/// `SampleData/ha-giang/society.csv`, its place in the layout, the kiosk, the table and the
/// report, and a snapshot without the file.
@Suite struct SocietyPanelTests {
    func figures(_ code: String? = nil, period: Period = .quarter(year: 2024, quarter: 2)) -> SocietyFigures {
        let s = SampleState.snapshot
        let unit = code.map { s.units.unit(code: $0)!.index } ?? 0
        return UnitFigures(snapshot: s, unit: unit, period: period).society!
    }

    @Test func theProvinceFiguresAreTheArticles() {
        let f = figures()
        // June 2024 (the quarter's last month): 431.261 of 662.460 adults.
        #expect(f.now[.vneidActivated] == 431_261 && f.now[.adults] == 662_460)
        #expect(NumberFormat(.vi).percent(f.vneidShare) == "65,1%")
        #expect(f.previous[.vneidActivated] == 399_580)   // March 2024
        #expect(f.lastYear[.vneidActivated] == 304_537)   // June 2023
        #expect(f.now[.teams] == 2_071 && f.now[.teamMembers] == 12_131)
        #expect(f.now[.appDownloads] == 18_157 && f.now[.appAccounts] == 15_624)
        #expect(f.now[.emailAccounts] == 25_468 && f.emailShare == 1.0)
        // Payments are added up over April–June: 64.452 of 173.287 without cash.
        #expect(f.cashlessShare == 64_452.0 / 173_287.0)
        #expect(f.accountShare == 154_002.0 / 226_474.0)
        #expect(f.now[.certified] == nil && f.certifiedShare == nil)   // "—", not 0
        // A district: Mèo Vạc, June 2024 and June 2023.
        let meoVac = figures("027")
        #expect(meoVac.now[.vneidActivated] == 34_540 && meoVac.now[.adults] == 60_459)
        #expect(meoVac.lastYear[.vneidActivated] == 24_390)
        // Before the data (2022) nothing is known.
        #expect(figures(period: .year(2022)).now.isEmpty)
    }

    @Test func theCompactPanelShowsTheHeadlineChangeAndStatus() {
        let text = render(SampleState.state(size: Size(width: 200, height: 50))).plainText
        #expect(text.contains("5 Xã hội số"))
        #expect(text.contains("VNeID đã kích hoạt           431.261"))
        #expect(text.contains("▲ 7,9% so kỳ trước · ▲ 41,6% so cùn"))   // 431.261 / 399.580, / 304.537
        #expect(text.contains("Tỷ lệ kích hoạt      65,1% ◆ Nguy cơ"))   // target 80%, at risk from 60% (short word: the label keeps its room)
        #expect(text.contains("2.071 · 12.131 thành viên"))
    }

    @Test func atEightyColumnsTheTabStripShowsAllFiveNumbers() {
        for language in [Language.vi, .en] {
            for focus in ["", "1", "3", "5"] {
                var s = SampleState.state(size: Size(width: 80, height: 24), language: language)
                if !focus.isEmpty { _ = SampleState.press(&s, focus) }
                let tabs = render(s).line(2)
                for k in 1...5 { #expect(tabs.contains(" \(k) "), "\(language) focus \(focus): \(tabs)") }
                #expect(DisplayWidth.of(tabs.trimmingCharacters(in: .whitespaces)) <= 79)
            }
        }
        var s = SampleState.state(size: Size(width: 80, height: 24))
        _ = SampleState.press(&s, "5")
        #expect(s.focus == .panel(.society))
        #expect(render(s).line(2).contains(" 5 Xã hội số "))
    }

    @Test func itIsAKioskStepAndAValidPart() {
        #expect(KioskState(parts: ["panels"]).playlist(for: SampleState.snapshot).last == .panel(.society))
        #expect(KioskState.isValidPart("society"))
        #expect(KioskState(parts: ["society"]).playlist(for: SampleState.snapshot) == [.panel(.society)])
    }

    @Test func itsColumnsSortTheTableWithTheWorstMarked() {
        var s = SampleState.state(size: Size(width: 200, height: 50))
        let vneid = s.panels.tableColumn("vneid")!
        for _ in 0..<20 where s.sortColumn != "vneid" { _ = SampleState.press(&s, "s") }
        #expect(s.sortColumn == "vneid")
        let shares = TableModel.rows(s).map { vneid.value($0)! }
        #expect(shares == shares.sorted(by: >) || shares == shares.sorted())
        let worst = TableModel.worst(TableModel.rows(s), vneid)
        #expect(worst.map { SampleState.snapshot.units.units[TableModel.rows(s)[$0].unit.index].code } == ["027"])   // Mèo Vạc, 57,1%
    }

    @Test func itsColumnsAreInTheReport() {
        let r = Report(snapshot: SampleState.snapshot, period: .quarter(year: 2024, quarter: 2), language: .en)
        let keys = r.columns.map(\.key)
        #expect(Array(keys.suffix(10)) == ["vneid_activated", "vneid_share", "digital_teams", "team_members", "certified",
                                           "cashless_share", "household_account_share", "app_downloads", "app_accounts",
                                           "email_accounts"])
        // The citizen app's downloads (18.157) as well as its accounts (15.624).
        let csv = r.rendered(as: .csv).split(separator: "\n")
        #expect(csv[1].contains(",431261,0.650999,2071,12131,,0.371938,0.679999,18157,15624,25468,2024-Q2,"))
        #expect(Report(snapshot: SampleState.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi)
            .rendered(as: .text, width: 600).contains("Lượt tải ứng dụng công dân"))
        #expect(r.rendered(as: .text, width: 600).contains("Community digital technology teams"))
    }

    @Test func aSnapshotWithoutTheFileHidesThePanel() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-nosociety")
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleDirectory) where name != "society.csv" {
            try FileManager.default.copyItem(atPath: Fixtures.sampleDirectory + "/" + name, toPath: dir + "/" + name)
        }
        // The manifest lists the files that are there (as an exporter without the file would).
        try ExportIntegrity.relistedManifest(directory: dir).write(to: URL(fileURLWithPath: dir + "/manifest.json"))
        guard case .success(let snap) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(snap.society == nil)
        #expect(snap.warnings.map(\.description) == ["society.csv: warning: not present: the digital society panel is hidden"])
        var s = SampleState.state(size: Size(width: 200, height: 50))
        _ = update(&s, .snapshotLoaded(snap))
        #expect(s.shownPanels.map(\.id) == [.dossiers, .bts, .ocop, .tourism, .targets, .dti, .tasks])
        #expect(!render(s).plainText.contains("Xã hội số"))
        #expect(KioskState(parts: ["panels"]).playlist(for: snap).count == 7)   // the committee's three are in the sample
        // The four other panels' figures do not depend on it.
        let q2 = Period.quarter(year: 2024, quarter: 2)
        let a = UnitFigures(snapshot: snap, unit: 0, period: q2), b = UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: q2)
        #expect(a.dossiers == b.dossiers && a.sites == b.sites && a.villages == b.villages && a.ocop == b.ocop && a.tourism == b.tourism)
        #expect(b.dossiers.received == 143_218 && b.sites == 2_942)
    }
}
