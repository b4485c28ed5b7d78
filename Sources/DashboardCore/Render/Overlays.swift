import SnapshotKit

/// Help, search and "window too small": drawn over (or instead of) the dashboard.
enum Overlays {
    static func tooSmall(_ state: AppState, into c: inout Canvas) {
        let s = state.strings
        let h = state.size.height
        let w = state.size.width
        guard w > 0, h > 0 else { return }
        let y = max(0, h / 2 - 1)
        c.write(s[.enlarge], x: 0, y: y, width: w, align: .center, role: .warn)
        if y + 1 < h { c.write(s[.enlargeDetail], x: 0, y: y + 1, width: w, align: .center, role: .muted) }
        if y + 2 < h { c.write("\(w)×\(h) < \(Layout.minimum.width)×\(Layout.minimum.height)", x: 0, y: y + 2, width: w, align: .center, role: .muted) }
    }

    static func help(_ state: AppState, into c: inout Canvas) {
        let s = state.strings
        let bindings = Action.bindings
        let width = min(state.size.width - 4, 64)
        let height = min(state.size.height - 2, bindings.count + 4)
        let rect = Rect(x: (state.size.width - width) / 2, y: (state.size.height - height) / 2, width: width, height: height)
        c.fill(rect, role: .background)
        c.box(rect, role: .accent, title: s[.helpTitle])
        let rows = height - 4
        for (k, b) in bindings.prefix(rows).enumerated() {
            let y = rect.y + 1 + k
            c.write(b.label, x: rect.x + 2, y: y, role: .statusKey, maxWidth: 10)
            c.write(state.language == .vi ? b.vi : b.en, x: rect.x + 13, y: y, role: .text, maxWidth: width - 15)
        }
        c.write(s[.helpClose], x: rect.x, y: rect.maxY - 2, width: width, align: .center, role: .muted)
    }

    static func search(_ state: AppState, _ layout: Layout, into c: inout Canvas) {
        guard let search = state.search, let snap = state.snapshot else { return }
        let s = state.strings
        let results = TableModel.searchResults(state)
        let width = min(layout.body.width - 4, 70)
        let height = min(layout.body.height, max(5, min(results.count, 12) + 4))
        let rect = Rect(x: layout.body.x + (layout.body.width - width) / 2, y: layout.body.y + 1, width: width, height: height)
        c.fill(rect, role: .background)
        c.box(rect, role: .accent, title: s[.searchPrompt] + search.query)
        if results.isEmpty {
            c.write(search.query.isEmpty ? "…" : s[.noMatches], x: rect.x + 2, y: rect.y + 1, role: .muted, maxWidth: width - 4)
            return
        }
        let capacity = height - 2
        let first = max(0, search.selected - capacity + 1)
        for (k, unit) in results.enumerated().dropFirst(first).prefix(capacity) {
            let y = rect.y + 1 + (k - first)
            let path = snap.units.path(to: unit.index).dropFirst().map { $0.level == .district ? $0.shortName : $0.name }
            let selected = k == search.selected
            if selected { c.fill(Rect(x: rect.x + 1, y: y, width: width - 2, height: 1), role: .selection) }
            c.write(path.joined(separator: c.glyphs.separator), x: rect.x + 2, y: y, role: selected ? .selection : .text,
                    maxWidth: width - 12)
            c.write(unit.code, x: rect.x + 1, y: y, width: width - 3, align: .right, role: selected ? .selection : .muted)
        }
    }
}
