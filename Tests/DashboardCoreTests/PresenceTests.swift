import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// A meeting room in the reducer: a follower shows the presenter's route, breaks away with a
/// navigation key and comes back with `F`; a place its data lacks is ignored with a note; the
/// presenter leaving keeps the view; the presenter's header counts its followers.
@Suite struct PresenceTests {
    static let version = SnapshotVersion(SampleState.snapshot)

    static func follower(size: Size = Size(width: 120, height: 40), language: Language = .vi) -> AppState {
        var s = SampleState.state(size: size, language: language)
        s.presence = .following(FollowState(room: "default"))
        return s
    }

    /// A presenter's route after some keys, at its own size.
    static func presenterRoute(_ keys: String) -> Route {
        var p = SampleState.state(size: Size(width: 200, height: 60))
        _ = SampleState.press(&p, keys)
        return p.route
    }

    @Test func aFollowerShowsThePresentersRouteAndSaysWhom() throws {
        let route = Self.presenterRoute("Enter [ Tab")
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            var s = Self.follower(size: size)
            _ = update(&s, .followed(route, Self.version, presenter: "lan"))
            #expect(s.route == route, "at \(size.width)×\(size.height)")
            #expect(s.presenceLabel == "Theo lan")
            #expect(s.presenceNote == nil)
            #expect(render(s).plainText.contains("Theo lan"), "the header does not say whom it follows at \(size.width)")
        }
    }

    @Test func aNavigationKeyBreaksAwayAndFFollowsAgain() throws {
        let route = Self.presenterRoute("Enter")
        var s = Self.follower()
        _ = update(&s, .followed(route, Self.version, presenter: "lan"))
        _ = SampleState.press(&s, "Down")
        #expect(s.followState?.independent == true)
        #expect(s.presenceNote == "Đang xem riêng — F: theo người trình bày")
        let mine = s.route
        // The presenter moves on: an independent viewer stays where it is, and remembers.
        let next = Self.presenterRoute("Enter Enter")
        _ = update(&s, .followed(next, Self.version, presenter: "lan"))
        #expect(s.route == mine)
        _ = SampleState.press(&s, "F")
        #expect(s.followState?.independent == false)
        #expect(s.route == next)
        #expect(render(s).plainText.contains("Theo lan"))
    }

    @Test func helpThemeAndRedrawDoNotBreakAway() {
        var s = Self.follower()
        _ = update(&s, .followed(Self.presenterRoute("Enter"), Self.version, presenter: "lan"))
        _ = SampleState.press(&s, "t ? Esc C-l")
        #expect(s.followState?.independent == false)
        // `/` starts a search: that is navigating.
        _ = SampleState.press(&s, "/")
        #expect(s.followState?.independent == true)
    }

    @Test func aPlaceThisDataLacksIsIgnoredWithANote() throws {
        var s = Self.follower()
        let first = Self.presenterRoute("Enter")
        _ = update(&s, .followed(first, Self.version, presenter: "lan"))
        let before = s.route
        _ = update(&s, .followed(try Route.parse("commune:99999,panel:bts").get(), Self.version, presenter: "lan"))
        #expect(s.route == before, "the view changed for a place this data lacks")
        #expect(s.presenceNote == "commune:99999 không có trong dữ liệu của máy này")
        _ = update(&s, .followed(first, Self.version, presenter: "lan"))
        #expect(s.presenceNote == nil)
    }

    @Test func anotherExportIsNamedWithItsDate() throws {
        var s = Self.follower()
        var other = Self.version
        other.generated -= 86_400 * 3
        _ = update(&s, .followed(Self.presenterRoute("Enter"), other, presenter: "lan"))
        let note = try #require(s.presenceNote)
        #expect(note.hasPrefix("Người trình bày đang xem dữ liệu ngày "))
        #expect(note.contains("/2024"), "no date: \(note)")
        var en = Self.follower(language: .en)
        _ = update(&en, .followed(Self.presenterRoute("Enter"), other, presenter: "lan"))
        #expect(en.presenceNote?.hasPrefix("The presenter is viewing data of 2024-") == true)
    }

    @Test func thePresenterGoneKeepsTheViewAndBackFollowsAgain() {
        var s = Self.follower()
        let route = Self.presenterRoute("Enter Tab")
        _ = update(&s, .followed(route, Self.version, presenter: "lan"))
        _ = update(&s, .presenterGone)
        #expect(s.route == route)
        #expect(s.presenceLabel == "Người trình bày đã thoát")
        #expect(render(s).plainText.contains("Người trình bày đã thoát"))
        let next = Self.presenterRoute("Enter Enter")
        _ = update(&s, .followed(next, Self.version, presenter: "lan"))
        #expect(s.route == next)
    }

    @Test func thePresentersHeaderCountsItsFollowers() {
        var s = SampleState.state()
        s.presence = .presenting(followers: 0)
        _ = update(&s, .followerCount(3))
        #expect(s.presenceLabel == "Đang trình bày · 3 người theo")
        #expect(render(s).plainText.contains("Đang trình bày · 3 người theo"))
        // Its own keys are its own: nothing breaks away.
        _ = SampleState.press(&s, "Enter")
        #expect(s.presence == .presenting(followers: 3))
    }

    @Test func aKioskFollowerFollowsWhileThePresenterIsThereAndRotatesOtherwise() {
        var s = Self.follower(size: Size(width: 200, height: 60))
        s.kiosk = KioskState(interval: 5)
        _ = update(&s, .tick(Instant(wall: SampleState.now, monotonic: 100)))
        let route = Self.presenterRoute("Enter Tab Tab")
        _ = update(&s, .followed(route, Self.version, presenter: "lan"))
        // Keys on the wall do not break away; time does not rotate it.
        _ = SampleState.press(&s, "Right")
        _ = update(&s, .tick(Instant(wall: SampleState.now, monotonic: 200)))
        #expect(s.place == route.placeOfState)
        #expect(s.followState?.independent == false)
        s.showClock = false
        #expect((nextWake(s) ?? 0) > 200 + 5 + 1, "a following wall wakes for its rotation")
        _ = update(&s, .presenterGone)
        _ = update(&s, .tick(Instant(wall: SampleState.now, monotonic: 206)))
        #expect(s.place == .province, "the wall did not rotate by itself after the presenter left")
    }

    @Test func followIsAKeymapActionInHelpAndRebindable() {
        #expect(Keymap.standard.label(.followPresenter) == "F")
        var k = Keymap.standard
        #expect(k.rebind("follow", to: [.function(6)]) == nil)
        #expect(k.action(for: .function(6), in: .normal) == .followPresenter)
        var s = SampleState.state()
        s.showHelp = true
        #expect(Overlays.helpLines(s).contains { $0.keys == "F" && $0.text.hasPrefix("Theo lại người trình bày") })
    }
}

extension Route {
    /// The state's place for this route's.
    var placeOfState: Place {
        switch place {
        case .province: return .province
        case .district(let c): return .district(c)
        case .commune(let c): return .commune(c)
        }
    }
}
