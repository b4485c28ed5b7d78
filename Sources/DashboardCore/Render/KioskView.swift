import Foundation
import SnapshotKit

/// The wall screen: headline figures in large digits, the clock, the data time, and a loud
/// banner when the data is stale or a new snapshot was refused. No key hints, no cursor.
enum KioskView {
    /// Where the parts of a wall screen go: the panels' tiles (or one tile above an expanded
    /// panel's table) and the table of units, with how many of its rows show at once.
    struct Frame {
        var header, sub, body, status: Rect
        var tiles: [(Panel, Rect)] = []
        var table: Rect?
        var tableCapacity = 0
        /// Whether an expanded panel's units are drawn as its ranking (not its table).
        var ranked = false
        var map: Rect?
    }

    static func frame(_ state: AppState) -> Frame {
        let size = state.size
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, rest) = screen.splitTop(1)
        let (sub, rest2) = rest.splitTop(1)
        let (body, status) = rest2.splitBottom(1)
        var f = Frame(header: header, sub: sub, body: body, status: status)
        if state.showMap, state.snapshot?.geometry != nil {
            f.map = body
        } else if let id = state.expandedPanel, let panel = state.panels[id] {
            let (top, bottom) = body.splitTop(min(body.height / 2, 11))
            f.tiles = [(panel, top)]
            f.table = bottom
            // The units as large bars by this panel's headline (read from the back of the room),
            // else, for a panel without one, its table.
            f.ranked = RankingView.ranking(state, only: panel) != nil
            f.tableCapacity = f.ranked ? RankingView.capacity(bottom, count: TableModel.rows(state).count)
                : max(0, bottom.height - 3)
        } else {
            let panels = state.shownPanels
            let across = size.width >= 160 && size.width / max(1, panels.count) >= 36
            // More than four tiles stand three to a row when each keeps 36 columns.
            let perRow = PanelGrid.perRow(count: panels.count, width: size.width, minimumWidth: 36)
            let gridRows = (panels.count + perRow - 1) / perRow
            let tall = body.height >= 13 * gridRows
            // Short of that, tiles of at least 5 rows (a label, the figure, a line) leave the
            // ranking 13 (eight panels on the 137×38 console); else the tiles take the screen.
            let short = (body.height - 13) / gridRows
            let tilesHeight = across ? 11 : (tall ? 11 * gridRows : (short >= 5 ? short * gridRows : body.height))
            let (top, bottom) = body.splitTop(min(tilesHeight, body.height))
            let rects = across ? top.columns(Array(repeating: 1, count: panels.count))
                : PanelGrid.cells(top, count: panels.count, perRow: perRow)
            f.tiles = Array(zip(panels, rects))
            if bottom.height >= 6 {
                f.table = bottom
                f.tableCapacity = RankingView.capacity(bottom, count: TableModel.rows(state).count)
            }
        }
        return f
    }

    /// How many pages the step's table takes (the rotation shows each in turn).
    static func pages(_ state: AppState) -> Int {
        let capacity = frame(state).tableCapacity
        guard capacity > 0 else { return 1 }
        return max(1, (TableModel.rows(state).count + capacity - 1) / capacity)
    }

    static func draw(_ state: AppState, _ snap: Snapshot, _ period: Period, into c: inout Canvas) {
        let s = state.strings, f = state.format
        let size = state.size
        let geometry = frame(state)
        let (header, sub, status) = (geometry.header, geometry.sub, geometry.status)
        let k = state.kiosk!
        let list = k.playlist(for: snap, panels: state.panels)
        let here = state.placeIndex ?? 0
        let unit = snap.units.units[here]

        // Header: place and step, data time, clock.
        c.fill(header, role: .header)
        var title = " \(snap.units.province.shortName) · \(s[.appTitle])"
        if unit.level != .province { title += c.glyphs.separator + UnitNames.name(unit, state.language) }
        if let p = state.expandedPanel { title += c.glyphs.separator + state.title(of: p) }
        if let presence = state.presenceLabel { title += " · " + presence }
        let t = Int(snap.manifest.generatedAt.timeIntervalSince1970)
        var right = "\(s[.dataTime]): \(f.dateTime(secondsSince1970: t, utcOffset: snap.manifest.utcOffsetSeconds))"
        if let now = state.now, state.showClock {
            right += "   " + NumberFormat.clock(secondsSince1970: Int(now.timeIntervalSince1970),
                                                   utcOffset: snap.manifest.utcOffsetSeconds) + " "
        }
        c.write(title, x: 0, y: 0, role: .title, maxWidth: max(0, size.width - DisplayWidth.of(right) - 1))
        c.write(right, x: 0, y: 0, width: size.width, align: .right, role: .header)
        var position = "\(k.position % list.count + 1)/\(list.count)"
        let pageCount = pages(state)
        if pageCount > 1, geometry.tableCapacity > 0 {
            position = "\(s[.page]) \(state.listScroll / geometry.tableCapacity + 1)/\(pageCount) · " + position
        }
        let span = Span(period, dataEnd: snap.manifest.periodEnd)
        // Part of a quarter keeps its months compared in the short form where the long one is cut.
        let room = sub.width - position.count - 2
        let long = " \(f.span(span)) · \(HeaderView.comparisons(span, s, f))"
        let caption = DisplayWidth.of(long) <= room ? long : " \(f.span(span)) · \(HeaderView.comparisons(span, s, f, short: true))"
        c.write(caption, x: sub.x, y: sub.y, role: .muted, maxWidth: room)
        c.write(position + " ", x: sub.x, y: sub.y, width: sub.width, align: .right, role: .muted)

        let ctx = PanelContext(state: state, snapshot: snap, figures: UnitFigures(snapshot: snap, unit: here, period: period))
        for (panel, r) in geometry.tiles { tile(panel, ctx, r, into: &c) }
        if let map = geometry.map { MapView.draw(state, map, into: &c, focused: false, selection: false) }
        if let table = geometry.table {
            if let id = state.expandedPanel, let panel = state.panels[id], geometry.ranked {
                RankingView.draw(state, table, scroll: state.listScroll, only: panel, into: &c)
            } else if let id = state.expandedPanel, let panel = state.panels[id] {
                ExpandedPanelView.draw(panel, ctx, table, tableOnly: true, into: &c)
            } else {
                RankingView.draw(state, table, scroll: state.listScroll, into: &c)
            }
        }

        // Status: refused or stale data, loudly; paused; never key hints.
        c.fill(status, role: .background)
        var banners: [(String, Role)] = []
        if let r = state.refusal { banners.append((" \(c.glyphs.bad) \(s[.refused]): \(RefusalText.first(r, s)) ", .error)) }
        if let note = state.presenceNote { banners.append((" \(note) ", .warn)) }
        if state.clockIsBehind {
            banners.append((" \(c.glyphs.bad) \(s[.clockBehind]) ", .error))
        } else if let days = state.staleDays {
            banners.append((" \(s[.stale]): \(f.integer(days)) \(s[.days]) ", .stale))
        }
        if let a = state.arriving { banners.append((" \(s[.arriving]): \(a) ", .warn)) }
        if k.paused { banners.append((" \(s[.kioskPaused]) ", .warn)) }
        // The loudest banner takes the whole row, impossible to miss from the back of the room;
        // the others follow it.
        if let (first, role) = banners.first {
            c.fill(status, role: role)
            let rest = banners.dropFirst().map(\.0).joined(separator: " · ")
            c.write(first + (rest.isEmpty ? "" : "· " + rest), x: status.x, y: status.y, width: status.width, align: .center,
                    role: role)
        }
    }

    /// One panel's headline in large digits, with its change and status below.
    static func tile(_ panel: Panel, _ ctx: PanelContext, _ rect: Rect, into c: inout Canvas) {
        let s = ctx.strings, f = ctx.format
        c.fill(rect, role: .background)
        c.box(rect, role: .border, title: panel.title(s), titleRole: .title)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        guard inner.height >= 3, inner.width >= 8 else { return }
        let t = panel.tile(ctx, c.glyphs)
        let status = t.value.flatMap { t.indicator.isEmpty ? nil : ctx.snapshot.targets.status(of: t.indicator, value: $0) }
        let mark = Widgets.mark(status, c.glyphs)
        var y = inner.y
        c.write(t.label, x: inner.x, y: y, role: .muted, maxWidth: inner.width)
        y += 1
        let digitsRole: Role = mark?.1 ?? .bigDigits
        if inner.height >= BigDigits.height + 3, BigDigits.width(of: t.big) <= inner.width {
            BigDigits.draw(t.big, x: inner.x + (inner.width - BigDigits.width(of: t.big)) / 2, y: y, role: digitsRole, into: &c)
            y += BigDigits.height + 1
        } else {
            c.write(t.big, x: inner.x, y: y, width: inner.width, align: .center, role: digitsRole)
            y += 1
        }
        if y < inner.maxY {
            var parts: [(String, Role)] = []
            if let (sym, role) = mark { parts.append(("\(sym) \(Widgets.statusLabel(status, s))  ", role)) }
            parts.append((t.detail, .text))
            if let ch = t.change { parts.append(("  \(f.change(ch, glyphs: c.glyphs)) \(s[.vsLastYear])", ch >= 0 ? .good : .warn)) }
            Widgets.segments(parts, x: inner.x, y: y, maxX: inner.maxX, into: &c)
        }
    }
}
