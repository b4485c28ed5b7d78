import Foundation
import SnapshotKit

/// The header (province, data time, stale marker, clock), the breadcrumb and period row,
/// and the status bar (key hints, or the error of a refused snapshot).
enum HeaderView {
    static func draw(_ state: AppState, _ layout: Layout, into c: inout Canvas) {
        let s = state.strings
        let f = state.format
        let h = layout.header
        c.fill(h, role: .header)
        let province = state.snapshot?.units.province.shortName ?? "cdsboard"
        var right: [(String, Role)] = []
        var official: String?
        if let snap = state.snapshot {
            let t = Int(snap.manifest.generatedAt.timeIntervalSince1970)
            official = f.dataTimeOfficial(secondsSince1970: t, utcOffset: snap.manifest.utcOffsetSeconds)
            right.append(("\(s[.dataTime]): \(f.dateTime(secondsSince1970: t, utcOffset: snap.manifest.utcOffsetSeconds))", .header))
            if state.clockIsBehind {
                right.append(("  \(c.glyphs.bad) \(s[.clockBehind]) ", .error))
            } else if let days = state.staleDays {
                right.append(("  \(s[.stale]) (\(f.integer(days)) \(s[.days])) ", .stale))
            }
        }
        if state.refusal != nil, state.snapshot != nil { right.append(("  \(c.glyphs.bad) \(s[.refused]) ", .error)) }
        if state.showClock, let now = state.now, let offset = state.snapshot?.manifest.utcOffsetSeconds ?? Optional(7 * 3600) {
            right.append(("  " + NumberFormat.clock(secondsSince1970: Int(now.timeIntervalSince1970), utcOffset: offset), .header))
        }
        let title = " \(province) · \(state.presenceLabel ?? s[.appTitle])"
        // The administration's wording of the data time when the row has room for it.
        if let official, !right.isEmpty,
           DisplayWidth.of(title) + 2 + right.dropFirst().reduce(DisplayWidth.of(official) + 1, { $0 + DisplayWidth.of($1.0) }) <= h.width {
            right[0].0 = official
        }
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.0) } + 1
        c.write(title, x: h.x, y: h.y, role: .title, maxWidth: max(0, h.width - rightWidth - 1))
        var col = h.maxX - rightWidth
        if col < h.x + DisplayWidth.of(title) + 1 { col = max(h.x + 1, h.maxX - rightWidth) }
        Widgets.segments(right, x: col, y: h.y, maxX: h.maxX, into: &c)

        // Breadcrumb and period: both always visible. The comparison periods go first when
        // room is short, then the breadcrumb loses its upper levels (… › Vị Xuyên › Xã Đạo Đức).
        let sub = layout.subheader
        var crumbs: [String] = []
        if let snap = state.snapshot, let here = state.placeIndex {
            crumbs = snap.units.path(to: here).map { $0.level == .commune || $0.isGrouping ? UnitNames.name($0, state.language) : $0.shortName }
            if TableModel.flat(state), crumbs.count == 3 { crumbs.remove(at: 1) }
        }
        var periodText = ""
        if let span = state.span {
            let label = f.span(span)
            let full = "\(label) · \(comparisons(span, s, f)) "
            let crumbWidth = DisplayWidth.of(" " + crumbs.joined(separator: c.glyphs.separator))
            let note = state.snapshot.flatMap { UnitFigures.rebasedNote($0, span, s, f) }.map { "(\($0)) " } ?? ""
            // The note on re-based figures goes before the comparisons, after the label. Part
            // of a quarter keeps its months compared in a shorter form before losing them.
            let fits = { (text: String) in crumbWidth + DisplayWidth.of(text) + 1 <= sub.width }
            let short = "\(label) · \(comparisons(span, s, f, short: true)) "
            let candidates = [note + full] + (short == full ? [] : [note + short, short])
                + [note + label + " "] + (note.isEmpty ? [] : [label + " "])
            periodText = candidates.first(where: fits) ?? label + " "
        }
        let room = max(0, sub.width - DisplayWidth.of(periodText) - 1)
        var shown = crumbs
        var crumbText = " " + shown.joined(separator: c.glyphs.separator)
        while shown.count > 1, DisplayWidth.of(crumbText) > room {
            shown.removeFirst()
            crumbText = " …" + c.glyphs.separator + shown.joined(separator: c.glyphs.separator)
        }
        c.write(crumbText, x: sub.x, y: sub.y, role: .accent, maxWidth: room)
        c.write(periodText, x: sub.x, y: sub.y, width: sub.width, align: .right, role: .muted)

        drawStatus(state, layout.status, into: &c)
    }

    /// `so kỳ trước Quý I/2024, so cùng kỳ Quý II/2023`; for part of a quarter the months
    /// (`so kỳ trước tháng 7/2026, so cùng kỳ tháng 10/2025`, short `so T7/2026 và T10/2025`).
    static func comparisons(_ span: Span, _ s: Strings, _ f: NumberFormat, short: Bool = false) -> String {
        let previous = f.compared(span.previous, short: short), lastYear = f.compared(span.sameLastYear, short: short)
        // Only part of a quarter has a short form: a whole period's header is as it was.
        guard short, case .quarter = span.period, span.isPartial, !span.isEmpty else {
            return "\(s[.vsPrevious]) \(previous), \(s[.vsLastYear]) \(lastYear)"
        }
        return f.language == .vi ? "so \(previous) và \(lastYear)" : "vs \(previous), \(lastYear)"
    }

    /// The status bar's hints, in order: each the first key of its actions (from the keymap,
    /// so a rebound key shows) and a word; on the map (after `Tab`), the map's keys.
    static func hints(_ keymap: Keymap, mode: InputMode = .normal) -> [(String, StringKey)] {
        let specs: [([Action], String, StringKey)]
        if mode == .map {
            specs = [
                ([.moveUp, .moveDown, .mapWest, .mapEast], "", .hintMapMove), ([.open], "", .hintOpen),
                ([.back], "", .hintMapBack), ([.nextFocus], "", .hintPanel), ([.help], "", .hintHelp), ([.quit], "", .hintQuit),
            ]
        } else {
            specs = [
                ([.moveUp, .moveDown], "", .hintMove), ([.open], "", .hintOpen), ([.back], "", .hintBack),
                ([.search], "", .hintSearch), ([.help], "", .hintHelp), ([.quit], "", .hintQuit), ([.nextFocus], "", .hintPanel),
                ([.sort], "", .hintSort), ([.previousPeriod, .nextPeriod, .cyclePeriodKind], " ", .hintPeriod),
            ]
        }
        return specs.compactMap { actions, separator, word in
            // A mode's own key first, else the one it inherits from the table's (normal) keys.
            let keys = actions.compactMap { a in (keymap.keys(for: a, in: mode).first ?? keymap.keys(for: a).first)?.label }
            return keys.isEmpty ? nil : (keys.joined(separator: separator), word)
        }
    }

    static func drawStatus(_ state: AppState, _ r: Rect, into c: inout Canvas) {
        let s = state.strings
        c.fill(r, role: .status)
        if let refusal = state.refusal {
            var text = " \(c.glyphs.bad) \(s[.refused]): \(RefusalText.first(refusal, s))"
            if refusal.errorTotal > 1 { text += " (+\(state.format.integer(refusal.errorTotal - 1)) \(s[.errorsMore]))" }
            c.write(text, x: r.x, y: r.y, role: .error, maxWidth: r.width)
            return
        }
        if let search = state.search {
            let col = c.write(" " + s[.searchPrompt], x: r.x, y: r.y, role: .statusKey)
            c.write(search.query + "_", x: r.x + col, y: r.y, role: .status, maxWidth: r.width - col)
            return
        }
        if let flash = state.flash {
            c.write(" " + flash, x: r.x, y: r.y, role: .statusKey, maxWidth: r.width)
            return
        }
        if let note = state.presenceNote {
            c.write(" " + note, x: r.x, y: r.y, role: .warn, maxWidth: r.width)
            return
        }
        if let arriving = state.arriving {
            c.write(" \(s[.arriving]): \(arriving)", x: r.x, y: r.y, role: .warn, maxWidth: r.width)
            return
        }
        var col = r.x + 1
        for (keys, word) in hints(state.keymap, mode: inputMode(state)) {
            let w = DisplayWidth.of(keys) + 1 + DisplayWidth.of(s[word])
            if col + w > r.maxX { break }
            col += c.write(keys, x: col, y: r.y, role: .statusKey)
            col += c.write(" " + s[word], x: col, y: r.y, role: .status)
            col += 2
        }
    }
}
