/// Every user action. The `Keymap` binds keys to actions per `InputMode`; help text and
/// status-bar hints are derived from it, and `config.toml` rebinds keys by action `name`.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back, search
    case nextFocus, previousFocus
    /// Focus the n-th panel shown (1-based).
    case focusPanel(Int)
    case previousPeriod, nextPeriod, cyclePeriodKind
    case sort, reverseSort
    /// Two-tier provinces: the flat list of all communes, or by former district (khu vực).
    case toggleFlatList
    case cycleTheme, toggleMouse, help, redraw, suspend, quit
    case searchAccept, searchCancel, searchErase, searchPrevious, searchNext
    case closeHelp
    case kioskPause, kioskNext, kioskPrevious
    /// The map instead of the panels; BTS sites on it; on the map, the neighbour west or east
    /// (↑ ↓ move north and south).
    case toggleMap, toggleSites, mapWest, mapEast
    /// In a meeting room: follow the presenter again after breaking away.
    case followPresenter
    /// Read the data again now (as when the export changes), without waiting for a change.
    case reload

    /// The actions without a parameter, and panels 1–9.
    public static let all: [Action] = [
        .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .back, .search, .nextFocus, .previousFocus,
    ] + (1...9).map { .focusPanel($0) } + [
        .previousPeriod, .nextPeriod, .cyclePeriodKind, .sort, .reverseSort, .toggleFlatList, .cycleTheme, .toggleMouse, .help, .redraw,
        .suspend, .quit, .searchAccept, .searchCancel, .searchErase, .searchPrevious, .searchNext, .closeHelp,
        .kioskPause, .kioskNext, .kioskPrevious, .toggleMap, .toggleSites, .mapWest, .mapEast, .followPresenter, .reload,
    ]

    /// The name used in `config.toml`'s `[keys]` table.
    public var name: String {
        switch self {
        case .moveUp: "move_up"
        case .moveDown: "move_down"
        case .pageUp: "page_up"
        case .pageDown: "page_down"
        case .first: "first"
        case .last: "last"
        case .open: "open"
        case .back: "back"
        case .search: "search"
        case .nextFocus: "next_panel"
        case .previousFocus: "previous_panel"
        case .focusPanel(let n): "panel_\(n)"
        case .previousPeriod: "previous_period"
        case .nextPeriod: "next_period"
        case .cyclePeriodKind: "period_kind"
        case .sort: "sort"
        case .reverseSort: "reverse_sort"
        case .toggleFlatList: "flat_list"
        case .cycleTheme: "theme"
        case .toggleMouse: "mouse"
        case .help: "help"
        case .redraw: "redraw"
        case .suspend: "suspend"
        case .quit: "quit"
        case .searchAccept: "search_accept"
        case .searchCancel: "search_cancel"
        case .searchErase: "search_erase"
        case .searchPrevious: "search_previous"
        case .searchNext: "search_next"
        case .closeHelp: "close_help"
        case .kioskPause: "kiosk_pause"
        case .kioskNext: "kiosk_next"
        case .kioskPrevious: "kiosk_previous"
        case .toggleMap: "map"
        case .toggleSites: "map_sites"
        case .mapWest: "map_west"
        case .mapEast: "map_east"
        case .followPresenter: "follow"
        case .reload: "reload"
        }
    }

    public static func named(_ name: String) -> Action? { all.first { $0.name == name } }
}

/// Which keys mean what: the dashboard, the search line, the help overlay, the wall screen.
public enum InputMode: String, CaseIterable, Sendable {
    case normal, search, help, kiosk
    /// The map has the keys (shown, with a panel focused): arrows move between neighbouring
    /// units; keys not bound here mean what they mean in `normal`.
    case map
}

/// The one table of key bindings, per mode. Help, status-bar hints and config rebinding read it.
public struct Keymap: Equatable, Sendable {
    public struct Binding: Equatable, Sendable {
        public let mode: InputMode
        public let action: Action
        public var keys: [Key]
    }

    public private(set) var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    public static let standard: Keymap = {
        func b(_ mode: InputMode, _ action: Action, _ keys: [Key]) -> Binding { Binding(mode: mode, action: action, keys: keys) }
        let scroll: [Binding] = [
            b(.normal, .moveUp, [.up, .char("k")]), b(.normal, .moveDown, [.down, .char("j")]),
            b(.normal, .pageUp, [.pageUp]), b(.normal, .pageDown, [.pageDown]),
            b(.normal, .first, [.home, .char("g")]), b(.normal, .last, [.end, .char("G")]),
        ]
        var out = scroll + [
            b(.normal, .open, [.enter, .right, .char("l")]),
            b(.normal, .back, [.escape, .backspace, .left, .char("h")]),
            b(.normal, .search, [.char("/")]),
            b(.normal, .nextFocus, [.tab]), b(.normal, .previousFocus, [.backTab]),
        ]
        out += (1...9).map { b(.normal, .focusPanel($0), [.char(Character(String($0)))]) }
        out += [
            b(.normal, .previousPeriod, [.char("[")]), b(.normal, .nextPeriod, [.char("]")]),
            b(.normal, .cyclePeriodKind, [.char("p")]),
            b(.normal, .sort, [.char("s")]), b(.normal, .reverseSort, [.char("S")]),
            b(.normal, .toggleFlatList, [.char("f")]),
            b(.normal, .cycleTheme, [.char("t")]), b(.normal, .toggleMouse, [.char("m")]),
            b(.normal, .toggleMap, [.char("b")]), b(.normal, .toggleSites, [.char("d")]),
            b(.normal, .followPresenter, [.char("F")]),
            b(.normal, .help, [.char("?")]), b(.normal, .redraw, [.ctrl("l")]), b(.normal, .reload, [.char("R")]),
            b(.normal, .suspend, [.ctrl("z")]),
            b(.normal, .quit, [.char("q"), .ctrl("c")]),
            b(.search, .searchAccept, [.enter]), b(.search, .searchCancel, [.escape, .ctrl("c")]),
            b(.search, .searchErase, [.backspace]), b(.search, .searchPrevious, [.up]),
            b(.search, .searchNext, [.down, .tab]),
        ]
        out += [
            b(.map, .moveUp, [.up, .char("k")]), b(.map, .moveDown, [.down, .char("j")]),
            b(.map, .mapWest, [.left, .char("h")]), b(.map, .mapEast, [.right, .char("l")]),
            b(.map, .open, [.enter]), b(.map, .back, [.escape, .backspace]),
        ]
        out += scroll.map { b(.help, $0.action, $0.keys) }
        out += [
            b(.help, .closeHelp, [.escape, .char("?"), .enter]), b(.help, .quit, [.char("q"), .ctrl("c")]),
            b(.kiosk, .kioskPause, [.char(" ")]),
            b(.kiosk, .kioskNext, [.right, .char("l"), .pageDown]), b(.kiosk, .kioskPrevious, [.left, .char("h"), .pageUp]),
            b(.kiosk, .quit, [.char("q"), .ctrl("c")]), b(.kiosk, .redraw, [.ctrl("l")]),
        ]
        return Keymap(out)
    }()

    public func action(for key: Key, in mode: InputMode) -> Action? {
        bindings.first { $0.mode == mode && $0.keys.contains(key) }?.action
            ?? (mode == .map ? action(for: key, in: .normal) : nil)
    }

    public func keys(for action: Action, in mode: InputMode = .normal) -> [Key] {
        bindings.first { $0.mode == mode && $0.action == action }?.keys ?? []
    }

    public func bindings(in mode: InputMode) -> [Binding] { bindings.filter { $0.mode == mode } }

    /// Keys bound to more than one action in a mode: `(mode, key, actions)`.
    public var conflicts: [(InputMode, Key, [Action])] {
        var out: [(InputMode, Key, [Action])] = []
        for mode in InputMode.allCases {
            var seen: [Key: [Action]] = [:]
            var order: [Key] = []
            for b in bindings(in: mode) {
                for k in b.keys {
                    if seen[k] == nil { order.append(k) }
                    seen[k, default: []].append(b.action)
                }
            }
            for k in order where seen[k]!.count > 1 { out.append((mode, k, seen[k]!)) }
        }
        return out
    }

    /// Gives an action new keys in every mode it is bound in; a message if the name is unknown
    /// or a key would then mean two things.
    public mutating func rebind(_ name: String, to keys: [Key]) -> String? {
        guard let action = Action.named(name), bindings.contains(where: { $0.action == action }) else {
            return "unknown action \"\(String(name.prefix(40)))\""
        }
        guard !keys.isEmpty else { return "\(name): give at least one key" }
        var next = self
        for i in next.bindings.indices where next.bindings[i].action == action { next.bindings[i].keys = keys }
        if let (mode, key, actions) = next.conflicts.first {
            return "\(key.label) would mean both \(actions.map(\.name).joined(separator: " and ")) (\(mode.rawValue) mode)"
        }
        self = next
        return nil
    }

    /// `↑ k`: how an action's keys are shown in help.
    public func label(_ action: Action, in mode: InputMode = .normal) -> String {
        keys(for: action, in: mode).map(\.label).joined(separator: " ")
    }
}

extension Key {
    /// How the key is written in help and hints (and read back by `Key.named`).
    public var label: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .ctrl(let c): "C-\(c)"
        case .function(let n): "F\(n)"
        case .char(" "): "Space"
        case .char(let c): String(c)
        }
    }
}
