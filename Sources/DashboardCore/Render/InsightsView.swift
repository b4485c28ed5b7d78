import SnapshotKit

/// Where the table leaves rows free (a wall screen): the units furthest behind their targets
/// and the largest changes against a year earlier — what a committee would ask next.
enum InsightsView {
    /// A share judged against a target, as the table's units have it.
    struct Gap {
        let unit: String
        let label: String
        let value: Double
        let target: Double
        /// How far the value is past the target in the better direction (negative: short of it).
        let margin: Double
    }

    static func gaps(_ state: AppState, _ rows: [UnitFigures]) -> [Gap] {
        guard let snap = state.snapshot else { return [] }
        let s = state.strings
        // What the panels judge against targets, in the panels' order.
        let measures: [(String, String, (UnitFigures) -> Double?)] = state.panels.all.flatMap { panel in
            panel.judged.compactMap { j in
                panel.tableColumns.first { $0.id == j.column }.map { (j.indicator, $0.title(s), $0.value) }
            }
        }
        var out: [Gap] = []
        for (indicator, label, value) in measures {
            guard let t = snap.targets.targets[indicator], let judged = snap.indicators[indicator] else { continue }
            for r in rows {
                guard let v = value(r), judged.margin(v, over: t.target) < 0 else { continue }
                out.append(Gap(unit: UnitColumn.name.text(r, state.format), label: label, value: v, target: t.target,
                               margin: judged.margin(v, over: t.target)))
            }
        }
        return out.sorted { ($0.margin, $0.unit) < ($1.margin, $1.unit) }
    }

    static func draw(_ state: AppState, _ rect: Rect, into c: inout Canvas) {
        let s = state.strings, f = state.format
        let rows = TableModel.rows(state)
        let halves = rect.height >= 16 ? rect.rows([1, 1]) : rect.columns([1, 1])
        let behind = gaps(state, rows)
        ListTable(title: s[.furthestBehind],
                  columns: [.unitName(s), .init(title: "", weight: 2, minWidth: 10, align: .left),
                            .figure(s[.value], 7), .figure(s[.targetValue], 8), .figure(s[.gap], 7)],
                  rows: behind.map { g in
                      [g.unit, g.label, f.percent(g.value), f.percent(g.target, places: 0), f.signedPercent(g.margin)]
                  },
                  rowRoles: behind.map { _ in .warn }).draw(in: halves[0], into: &c)
        let changes = rows.compactMap { r -> (String, Double)? in
            guard r.dossiersHeld, let ch = UnitFigures.change(r.dossiers.received, r.dossiersLastYear?.received) else { return nil }
            return (UnitColumn.name.text(r, f), ch)
        }.sorted { abs($0.1) == abs($1.1) ? $0.0 < $1.0 : abs($0.1) > abs($1.1) }
        let largest = changes.map { abs($0.1) }.max() ?? 0
        ListTable(title: "\(s[.largestChanges]): \(s[.received].lowercased()) \(s[.vsLastYear])",
                  columns: [.unitName(s), .figure(s[.vsLastYearShort], 9), .bar],
                  rows: changes.map { [$0.0, f.signedPercent($0.1), PanelParts.bar(share: abs($0.1), of: largest, 20, c.glyphs)] })
            .draw(in: halves[1], into: &c)
    }
}
