import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// `Route`: one text form for "where to look", read back to the same value, and followed to
/// the same place, period, panel, sort and selection on terminals of any size.
@Suite struct RouteTests {
    @Test func theTextFormReadsBackToTheSameRoute() throws {
        let text = "district:030,period:2024-Q1,flat,panel:bts,expanded,map,sites,sort:-online_share,select:00793"
        let r = try Route.parse(text).get()
        #expect(r.place == .district("030"))
        #expect(r.period == .quarter(year: 2024, quarter: 1))
        #expect(r.panel == "bts" && r.expanded && r.map && r.sites && r.flat)
        #expect(r.sort == RouteSort(column: "online_share", descending: true))
        #expect(r.selected == "00793")
        #expect(r.description == text)
        #expect(try Route.parse(r.description).get() == r)
        // Parts in another order give the same route and the same canonical text.
        #expect(try Route.parse("select:00793,sort:-online_share,sites,map,expanded,panel:bts,flat,period:2024-Q1,district:030").get() == r)
        // As JSON: one string.
        let json = try JSONEncoder().encode(r)
        #expect(String(decoding: json, as: UTF8.self) == "\"\(text)\"")
        #expect(try JSONDecoder().decode(Route.self, from: json) == r)
    }

    @Test(arguments: ["", "district", "district:", "commune:a b", "period:2024-Q5", "panel:", "sort:-", "zoom", "select:\u{1b}[2J",
                      "province,", "commune:" + String(repeating: "9", count: 40)])
    func aPartThatCannotBeReadIsNamed(_ text: String) {
        guard case .failure(let e) = Route.parse(text) else { Issue.record("\"\(text)\" was read"); return }
        #expect(e.description.contains("cannot read"))
    }

    /// The presenter's route, followed on a terminal of another size, shows the same place,
    /// period, panel, sort and selected unit (a key would not: PageDown moves by the page).
    @Test func aRouteMeansTheSameOnEveryTerminalSize() throws {
        var presenter = SampleState.state(size: Size(width: 200, height: 60))
        _ = SampleState.press(&presenter, "Enter")           // into the first district
        _ = SampleState.press(&presenter, "PgDn")        // a page down: depends on the size
        _ = SampleState.press(&presenter, "[")                 // the period before
        let route = presenter.route
        #expect(route.selected != nil)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 300, height: 80)] {
            var follower = SampleState.state(size: size)
            try follow(&follower, route)
            #expect(follower.place == presenter.place)
            #expect(follower.period == presenter.period)
            #expect(follower.focus == presenter.focus)
            #expect(follower.route == route, "at \(size.width)×\(size.height)")
        }
    }

    @Test func aRouteTheSnapshotCannotShowChangesNothing() throws {
        var s = SampleState.state()
        _ = SampleState.press(&s, "Enter")
        let before = s
        for text in ["commune:99999", "district:00793", "panel:nothing", "sort:no_such_column"] {
            #expect(throws: RouteMismatch.self) { try follow(&s, try Route.parse(text).get()) }
            #expect(s == before, "\(text) changed the state")
        }
    }

    @Test func aKioskStepMayBeAnyRoute() throws {
        let district = try #require(SampleState.snapshot.units.districts.first)
        let commune = try #require(SampleState.snapshot.units.units[district.children[0]])
        var s = SampleState.state(size: Size(width: 137, height: 38))
        s.kiosk = KioskState(parts: ["overview", "commune:\(commune.code),panel:bts,expanded"])
        #expect(KioskState.isValidPart("commune:\(commune.code),panel:bts,expanded"))
        #expect(!KioskState.isValidPart("commune:,panel"))
        _ = perform(&s, .kioskNext)
        #expect(s.place == .commune(commune.code))
        #expect(s.expandedPanel == PanelID("bts"))
    }
}

/// Reloading is an effect the reducer asks for (`R`), not something the provider alone decides.
@Suite struct ReloadEffectTests {
    @Test func rAsksForAReloadAndSaysSoUntilTheDataComes() {
        var s = SampleState.state()
        #expect(SampleState.press(&s, "R") == [.reload])
        #expect(s.flash == "Đang đọc lại dữ liệu…")
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.flash == nil)
        #expect(Overlays.helpLines(s).contains { $0.keys == "R" && $0.text == "Đọc lại dữ liệu ngay" })
    }
}
