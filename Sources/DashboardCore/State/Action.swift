/// Every user action, with its keys and help text: one table drives the keymap, the help
/// overlay and what kiosk mode allows.
public enum Action: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back, search
    case nextFocus, previousFocus, panel1, panel2, panel3, panel4
    case previousPeriod, nextPeriod, cyclePeriodKind
    case sort, reverseSort
    case cycleTheme, toggleMouse, help, redraw, suspend, quit

    public struct Binding: Sendable {
        public let action: Action
        public let keys: [Key]
        /// How the keys are shown in the help overlay.
        public let label: String
        public let vi: String
        public let en: String
    }

    public static let bindings: [Binding] = [
        .init(action: .moveUp, keys: [.up, .char("k")], label: "↑ k", vi: "Lên một dòng", en: "Move up"),
        .init(action: .moveDown, keys: [.down, .char("j")], label: "↓ j", vi: "Xuống một dòng", en: "Move down"),
        .init(action: .pageUp, keys: [.pageUp], label: "PgUp", vi: "Lên một trang", en: "Page up"),
        .init(action: .pageDown, keys: [.pageDown], label: "PgDn", vi: "Xuống một trang", en: "Page down"),
        .init(action: .first, keys: [.home, .char("g")], label: "g Home", vi: "Dòng đầu", en: "First row"),
        .init(action: .last, keys: [.end, .char("G")], label: "G End", vi: "Dòng cuối", en: "Last row"),
        .init(action: .open, keys: [.enter, .right, .char("l")], label: "Enter →", vi: "Mở đơn vị / bảng đang chọn",
              en: "Open the selected unit or panel"),
        .init(action: .back, keys: [.escape, .backspace, .left, .char("h")], label: "Esc ← h",
              vi: "Lên một cấp", en: "Up one level"),
        .init(action: .search, keys: [.char("/")], label: "/", vi: "Tìm đơn vị (không dấu cũng được)",
              en: "Find a unit (diacritics optional)"),
        .init(action: .nextFocus, keys: [.tab], label: "Tab", vi: "Bảng tiếp theo", en: "Next panel"),
        .init(action: .previousFocus, keys: [.backTab], label: "S-Tab", vi: "Bảng trước", en: "Previous panel"),
        .init(action: .panel1, keys: [.char("1")], label: "1", vi: "Bảng hồ sơ TTHC", en: "Dossiers panel"),
        .init(action: .panel2, keys: [.char("2")], label: "2", vi: "Bảng hạ tầng số", en: "BTS panel"),
        .init(action: .panel3, keys: [.char("3")], label: "3", vi: "Bảng OCOP", en: "OCOP panel"),
        .init(action: .panel4, keys: [.char("4")], label: "4", vi: "Bảng du lịch", en: "Tourism panel"),
        .init(action: .previousPeriod, keys: [.char("[")], label: "[", vi: "Kỳ trước", en: "Previous period"),
        .init(action: .nextPeriod, keys: [.char("]")], label: "]", vi: "Kỳ sau", en: "Next period"),
        .init(action: .cyclePeriodKind, keys: [.char("p")], label: "p", vi: "Tháng / quý / năm", en: "Month / quarter / year"),
        .init(action: .sort, keys: [.char("s")], label: "s", vi: "Đổi cột sắp xếp", en: "Sort by next column"),
        .init(action: .reverseSort, keys: [.char("S")], label: "S", vi: "Đảo chiều sắp xếp", en: "Reverse the sort"),
        .init(action: .cycleTheme, keys: [.char("t")], label: "t", vi: "Đổi giao diện màu", en: "Next colour theme"),
        .init(action: .toggleMouse, keys: [.char("m")], label: "m", vi: "Bật/tắt chuột", en: "Mouse on/off"),
        .init(action: .help, keys: [.char("?")], label: "?", vi: "Trợ giúp", en: "Help"),
        .init(action: .redraw, keys: [.ctrl("l")], label: "C-l", vi: "Vẽ lại màn hình", en: "Redraw the screen"),
        .init(action: .suspend, keys: [.ctrl("z")], label: "C-z", vi: "Tạm dừng (fg để tiếp tục)", en: "Suspend (fg resumes)"),
        .init(action: .quit, keys: [.char("q"), .ctrl("c")], label: "q C-c", vi: "Thoát", en: "Quit"),
    ]

    private static let byKey: [Key: Action] = {
        var m: [Key: Action] = [:]
        for b in bindings { for k in b.keys { m[k] = b.action } }
        return m
    }()

    public static func forKey(_ key: Key) -> Action? { byKey[key] }
}
