/// A key press, decoded by the terminal edge.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case ctrl(Character)
    case function(Int)

    /// Parses the `--keys` script form: `j j Enter / x u y e n Enter Esc`, or names such as
    /// `Up`, `Down`, `PgDn`, `Tab`, `S-Tab`, `C-l`, `Space`.
    public static func script(_ text: String) -> [Key]? {
        var out: [Key] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let k = named(String(token)) else { return nil }
            out.append(k)
        }
        return out
    }

    static func named(_ t: String) -> Key? {
        switch t.lowercased() {
        case "up", "↑": return .up
        case "down", "↓": return .down
        case "left", "←": return .left
        case "right", "→": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "bs", "bksp", "backspace": return .backspace
        case "tab": return .tab
        case "s-tab", "backtab": return .backTab
        case "space": return .char(" ")
        default: break
        }
        if t.count == 3, t.lowercased().hasPrefix("c-"), let c = t.last { return .ctrl(Character(c.lowercased())) }
        if t.count == 1, let c = t.first { return .char(c) }
        return nil
    }
}
