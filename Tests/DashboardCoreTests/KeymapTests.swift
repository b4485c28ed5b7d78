import DashboardTestSupport
import Foundation
import Testing
@testable import DashboardCore

/// The keymap is the one source of bindings, help and hints.
@Suite struct KeymapTests {
    @Test func noKeyMeansTwoThingsInOneMode() {
        let conflicts = Keymap.standard.conflicts.map { "\($0.0.rawValue): \($0.1.label) → \($0.2.map(\.name))" }
        #expect(conflicts.isEmpty, "\(conflicts)")
    }

    @Test func everyBoundActionHasHelpInBothLanguagesAndAUniqueName() {
        for b in Keymap.standard.bindings {
            for lang in Language.allCases {
                #expect(!Strings(lang).help(b.action).isEmpty, "\(b.action.name) has no \(lang) help")
            }
            #expect(Action.named(b.action.name) == b.action)
        }
        #expect(Set(Action.all.map(\.name)).count == Action.all.count)
        #expect(Strings(.vi).help(.quit) != Strings(.en).help(.quit))
    }

    @Test func aDoubleBindingIsFoundAndARebindThatWouldMakeOneIsRefused() {
        var map = Keymap.standard
        #expect(map.rebind("quit", to: [.char("j")])?.contains("move_down") == true)
        #expect(map == Keymap.standard)
        #expect(map.rebind("no_such_action", to: [.char("x")])?.contains("unknown action") == true)
        let doubled = Keymap(Keymap.standard.bindings + [.init(mode: .normal, action: .help, keys: [.char("s")])])
        #expect(doubled.conflicts.contains { $0.0 == .normal && $0.1 == .char("s") })
    }

    @Test func configRebindsByActionNameAndHintsFollow() {
        let c = Config.parse("[keys]\nquit = \"x\"\nmove_down = [\"n\", \"Down\"]\n", path: "config.toml")
        #expect(c.problem == nil)
        var s = SampleState.state(size: Size(width: 120, height: 40))
        s.keymap = c.keymap
        #expect(SampleState.press(&s, "q") == [])
        _ = SampleState.press(&s, "n")
        #expect(s.selectedRow == 1)
        #expect(render(s).line(39).contains("x thoát"))
        #expect(SampleState.press(&s, "x") == [.quit])
    }

    @Test func aBadKeysTableIsReportedWithItsLine() {
        let c = Config.parse("clock = true\n[keys]\nquit = \"j\"\n", path: "config.toml")
        #expect(c.problem?.line == 3)
        #expect(c.problem?.message.contains("move_down") == true)
        let unknown = Config.parse("[keys]\nfly = \"f\"\n", path: "config.toml")
        #expect(unknown.problem?.message.contains("unknown action") == true)
        let badKey = Config.parse("[keys]\nquit = \"NotAKey\"\n", path: "config.toml")
        #expect(badKey.problem?.line == 2)
    }

    @Test func infiniteOrHugeDurationsInTheConfigAreRefused() {
        for text in ["kiosk_interval_seconds = inf", "stale_after_days = inf", "stale_after_days = nan", "kiosk_interval_seconds = 1e300"] {
            #expect(Config.parse(text + "\n", path: "config.toml").problem?.line == 1, "\(text)")
        }
    }

    @Test func searchTypesLettersThatAreKeysElsewhere() {
        var s = SampleState.state()
        #expect(SampleState.press(&s, "/ q j s") == [])
        #expect(s.search?.query == "qjs")
        _ = SampleState.press(&s, "Esc")
        #expect(s.search == nil)
    }
}
