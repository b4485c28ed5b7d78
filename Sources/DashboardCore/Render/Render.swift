import Foundation
import SnapshotKit

/// Draws the whole frame from the state: immediate mode, nothing retained between frames.
/// The terminal edge sends only the cells that changed.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(size: state.size, ascii: state.ascii, glyphs: state.consoleGlyphs ? .console : .unicode)
    guard let layout = Layout.make(state) else {
        Overlays.tooSmall(state, into: &canvas)
        return canvas
    }
    if state.kiosk != nil, let snapshot = state.snapshot, let period = state.period {
        KioskView.draw(state, snapshot, period, into: &canvas)
        Overlays.notes(state, into: &canvas)
        return canvas
    }
    HeaderView.draw(state, layout, into: &canvas)
    if let snapshot = state.snapshot, let period = state.period, let here = state.placeIndex {
        let ctx = PanelContext(state: state, snapshot: snapshot, figures: UnitFigures(snapshot: snapshot, unit: here, period: period))
        if let tabs = layout.tabs { PanelView.tabs(state, tabs, into: &canvas) }
        for (id, rect) in layout.panels {
            guard let panel = state.panels[id] else { continue }
            if state.expandedPanel != nil {
                ExpandedPanelView.draw(panel, ctx, rect, into: &canvas)
            } else {
                PanelView.draw(panel, ctx, rect, into: &canvas)
            }
        }
        if let map = layout.map { MapView.draw(state, map, into: &canvas) }
        if let table = layout.table { TableView.draw(state, layout, table, into: &canvas) }
        if let insights = layout.insights { InsightsView.draw(state, insights, into: &canvas) }
        if let detail = layout.detail { DetailView.draw(ctx, detail, into: &canvas) }
    } else {
        let message = state.refusal.map { state.strings[.refused] + ": " + RefusalText.first($0, state.strings) } ?? state.strings[.loading]
        canvas.write(message, x: layout.body.x, y: layout.body.y + layout.body.height / 2, width: layout.body.width,
                     align: .center, role: state.refusal == nil ? .muted : .error)
    }
    Overlays.notes(state, into: &canvas)
    if state.search != nil { Overlays.search(state, layout, into: &canvas) }
    if state.showHelp { Overlays.help(state, into: &canvas) }
    return canvas
}
