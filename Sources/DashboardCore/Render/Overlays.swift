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

    /// Start-up notes (a broken theme or config, a terminal fallback), one per line at the
    /// bottom, until the first key; above the bottom row when it carries a banner (stale,
    /// refused, clock wrong, export arriving: on the wall screen, where nobody presses a key,
    /// that row is always the banner's), so a note never hides one.
    static func notes(_ state: AppState, into c: inout Canvas) {
        let bannerRow = state.kiosk != nil || state.refusal != nil || state.arriving != nil
        let bottom = c.size.height - 1 - (bannerRow ? 1 : 0)
        for (k, note) in state.notes.prefix(3).reversed().enumerated() where bottom - k > 1 {
            let y = bottom - k
            c.fill(Rect(x: 0, y: y, width: c.size.width, height: 1), role: .warn)
            c.write(" " + note, x: 0, y: y, role: .warn)
        }
    }

    /// One line of help: a heading, or keys and what they do.
    struct HelpLine: Equatable {
        var keys: String
        var text: String
        var heading = false
        /// A line of a definition: written across the whole width.
        var prose = false
    }

    /// The help box's width (the definitions are wrapped to it).
    static func helpWidth(_ state: AppState) -> Int { min(state.size.width - 4, 64) }

    /// Every binding of every mode, from the keymap; panel keys only for the panels shown.
    static func helpLines(_ state: AppState) -> [HelpLine] {
        let s = state.strings
        let panels = state.shownPanels
        var out: [HelpLine] = [HelpLine(keys: "", text: s[.definitions], heading: true)]
        // What the figures mean, first: one key from any screen.
        for d in Definitions.entries(state.language) {
            for line in Definitions.wrap("\(d.term): \(d.text)", width: max(20, helpWidth(state) - 4)) {
                out.append(HelpLine(keys: "", text: line, prose: true))
            }
        }
        for (mode, title) in [(InputMode.normal, StringKey.helpDashboard), (.search, .helpSearch), (.help, .helpTitle),
                              (.map, .helpMap), (.kiosk, .helpKiosk)] {
            if !out.isEmpty { out.append(HelpLine(keys: "", text: "")) }
            out.append(HelpLine(keys: "", text: s[title], heading: true))
            for b in state.keymap.bindings(in: mode) {
                // The wall screen ignores quit unless the config allows it (visitors may reach the keyboard).
                var text = mode == .kiosk && b.action == .quit ? s[.kioskQuitHelp] : s.help(b.action)
                if case .focusPanel(let n) = b.action {
                    guard panels.indices.contains(n - 1) else { continue }
                    text += ": " + panels[n - 1].title(s)
                }
                out.append(HelpLine(keys: state.keymap.label(b.action, in: mode), text: text))
            }
        }
        out.append(HelpLine(keys: "", text: ""))
        out.append(HelpLine(keys: "", text: s[.helpLegend], heading: true))
        let g = state.ascii ? Glyphs.ascii : (state.consoleGlyphs ? Glyphs.console : Glyphs.unicode)
        for (glyph, key) in [(String(g.good), StringKey.onTrack), (String(g.warn), .atRisk), (String(g.bad), .behind),
                             ("\(g.up) \(g.down)", .legendChange), (String(g.worst), .legendWorst),
                             ("\(g.sortUp) \(g.sortDown)", .legendSort)] {
            out.append(HelpLine(keys: glyph, text: s[key]))
        }
        return out
    }

    static func help(_ state: AppState, into c: inout Canvas) {
        let s = state.strings
        let lines = helpLines(state)
        let width = helpWidth(state)
        let height = min(state.size.height - 2, lines.count + 4)
        let rect = Rect(x: (state.size.width - width) / 2, y: (state.size.height - height) / 2, width: width, height: height)
        c.fill(rect, role: .background)
        c.box(rect, role: .accent, title: s[.helpTitle])
        let rows = max(0, height - 4)
        let first = min(state.helpScroll, max(0, lines.count - rows))
        for (k, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = rect.y + 1 + k
            if line.heading || line.prose {
                c.write(line.text, x: rect.x + 2, y: y, role: line.heading ? .accent : .text, maxWidth: width - 4)
                continue
            }
            c.write(line.keys, x: rect.x + 2, y: y, role: .statusKey, maxWidth: 12)
            c.write(line.text, x: rect.x + 15, y: y, role: .text, maxWidth: width - 17)
        }
        var footer = s[.helpClose]
        if lines.count > rows { footer += " · \(first + 1)–\(min(lines.count, first + rows))/\(lines.count)" }
        c.write(footer, x: rect.x, y: rect.maxY - 2, width: width, align: .center, role: .muted)
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
        for (k, hit) in results.enumerated().dropFirst(first).prefix(capacity) {
            let unit = hit.unit
            let y = rect.y + 1 + (k - first)
            let path = snap.units.path(to: unit.index).dropFirst()
                .map { $0.level == .district ? UnitNames.shortName($0, state.language) : UnitNames.name($0, state.language) }
            let selected = k == search.selected
            if selected { c.fill(Rect(x: rect.x + 1, y: y, width: width - 2, height: 1), role: .selection) }
            let arrow = c.glyphs.separator == " › " ? "→" : "->"
            var text = hit.formerLabel(state.format, arrow: arrow) ?? path.joined(separator: c.glyphs.separator)
            if DisplayWidth.of(text) > width - 12, let short = hit.formerLabel(state.format, arrow: arrow, short: true) { text = short }
            c.write(text, x: rect.x + 2, y: y, role: selected ? .selection : .text, maxWidth: width - 12)
            c.write(unit.code, x: rect.x + 1, y: y, width: width - 3, align: .right, role: selected ? .selection : .muted)
        }
    }
}
