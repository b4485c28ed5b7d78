import SnapshotKit

extension PanelID {
    public static let targets: PanelID = "targets"
}

/// The plans' indicators for the place shown, each with its latest value up to the span's end
/// and its status by trajectory; nil when the snapshot has no `indicators.csv`.
struct TargetFigures {
    let readings: [IndicatorReading]

    init?(_ f: UnitFigures) {
        guard let plan = f.snapshot.plan else { return nil }
        readings = plan.readings(unit: f.unit.index, upTo: f.span.isEmpty ? nil : Month(index: f.span.last))
    }

    func count(_ s: TargetStatus?) -> Int { readings.filter { $0.status == s }.count }

    /// The worst first: behind, at risk, no data, on track; then by gap (furthest short first), then code.
    var sorted: [IndicatorReading] {
        func rank(_ s: TargetStatus?) -> Int { switch s { case .behind: 0; case .atRisk: 1; case nil: 2; case .onTrack: 3 } }
        return readings.sorted { a, b in
            if rank(a.status) != rank(b.status) { return rank(a.status) < rank(b.status) }
            let ga = a.observation.map { a.indicator.gap($0.value) / max(1e-9, abs(a.indicator.targetValue)) } ?? 0
            let gb = b.observation.map { b.indicator.gap($0.value) / max(1e-9, abs(b.indicator.targetValue)) } ?? 0
            return ga != gb ? ga < gb : (a.indicator.code, a.indicator.set) < (b.indicator.code, b.indicator.set)
        }
    }

    /// The latest period of any value shown.
    var latestPeriod: Period? {
        readings.compactMap { $0.observation?.period }.max { $0.lastMonth < $1.lastMonth }
    }
}

extension UnitFigures {
    var targetFigures: TargetFigures? { TargetFigures(self) }
}

extension Panel {
    /// Targets (chỉ tiêu) of the national programme and the province's own plans, as data:
    /// "12/20 chỉ tiêu đúng lộ trình · 5 có nguy cơ · 3 chưa đạt", each indicator's value and
    /// period against its target and the straight line to it, "chưa có số liệu" without a value.
    public static let targets = Panel(
        id: .targets, title: { $0.pick("Chỉ tiêu", "Targets") },
        isShown: { $0.plan != nil },
        compact: TargetsPanel.compact, expanded: TargetsPanel.expanded, tile: TargetsPanel.tile,
        reportObjects: [ReportObject(key: "indicators", value: TargetsPanel.json)])
}

enum TargetsPanel {
    static func noData(_ s: Strings) -> String { s.pick("chưa có số liệu", "no data yet") }

    /// "12/20 chỉ tiêu đúng lộ trình" and "5 có nguy cơ · 3 chưa đạt · 2 chưa có số liệu".
    static func headline(_ t: TargetFigures, _ s: Strings, _ f: NumberFormat) -> (String, String) {
        let first = "\(f.integer(t.count(.onTrack)))/\(f.integer(t.readings.count)) \(s.pick("chỉ tiêu đúng lộ trình", "targets on track"))"
        var rest = ["\(f.integer(t.count(.atRisk))) \(s.pick("có nguy cơ", "at risk"))",
                    "\(f.integer(t.count(.behind))) \(s.pick("chưa đạt", "behind"))"]
        if t.count(nil) > 0 { rest.append("\(f.integer(t.count(nil))) \(noData(s))") }
        return (first, rest.joined(separator: " · "))
    }

    /// A value in its indicator's unit: `82,5%`, `1.234`, `14,5 ngày`.
    static func value(_ v: Double, _ i: PlanIndicator, _ f: NumberFormat) -> String {
        // As written: 80%, 82,5%, 0,25 (at most two places).
        let places = v == v.rounded() ? 0 : ((v * 10).rounded() == v * 10 ? 1 : 2)
        switch i.unit {
        case "%": return f.decimal(v, places: places) + "%"
        case "count": return f.integer(Int(v))
        default: return f.decimal(v, places: places) + " " + i.unit
        }
    }

    static func name(_ i: PlanIndicator, _ s: Strings) -> String { s.language == .en && !i.nameEn.isEmpty ? i.nameEn : i.name }

    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, inner = lines.inner, g = c.glyphs
        guard let t = ctx.figures.targetFigures, !t.readings.isEmpty else { return PanelParts.muted(s[.noData], &lines, &c) }
        if let y = lines.takeLast() {
            let period = t.latestPeriod.map { "\(s.pick("số liệu đến", "values to")) \(f.period($0))" } ?? noData(s)
            c.write(period, x: inner.x, y: y, width: inner.width, align: .right, role: .muted)
        }
        let (first, rest) = headline(t, s, f)
        if DisplayWidth.of(first + " · " + rest) <= inner.width, let y = lines.take() {
            c.write(first + " · " + rest, x: inner.x, y: y, role: .accent, maxWidth: inner.width)
        } else {
            if let y = lines.take() { c.write(first, x: inner.x, y: y, role: .accent, maxWidth: inner.width) }
            if let y = lines.take() { c.write(rest, x: inner.x, y: y, role: .muted, maxWidth: inner.width) }
        }
        for r in t.sorted {
            guard let y = lines.take() else { return }
            let mark = Widgets.mark(r.status, g)
            c.write(String(mark?.0 ?? "·"), x: inner.x, y: y, role: mark?.1 ?? .muted)
            let figure = (r.observation.map { value($0.value, r.indicator, f) } ?? "—") + " / " + value(r.indicator.targetValue, r.indicator, f)
            Widgets.labelValue("\(r.indicator.code) \(name(r.indicator, s))", figure, x: inner.x + 2, y: y, width: inner.width - 2,
                               labelRole: .text, valueRole: r.observation == nil ? .muted : .text, into: &c)
        }
    }

    /// Every indicator, the worst first (status, then the gap to the target, then code), grouped
    /// by set when there are several: value and period, the line's value today, target and
    /// year, status, source, and the way from baseline to target as a bar.
    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let columns: [ListTable.Column] = [
            .init(title: s.pick("Mã", "Code"), weight: 0, minWidth: 6, align: .left),
            .init(title: s.pick("Chỉ tiêu", "Target"), weight: 5, minWidth: 18, align: .left),
            .figure(s.pick("Giá trị", "Value"), 8), .figure(s.pick("Kỳ", "Period"), 12),
            .figure(s.pick("Lộ trình", "Trajectory"), 9), .figure(s.pick("Mục tiêu", "Target"), 14),
            .init(title: s.pick("Đánh giá", "Status"), weight: 1, minWidth: 12, align: .left),
            .init(title: s.pick("Nguồn", "Source"), weight: 2, minWidth: 10, align: .left), .bar]
        let title = s.pick("Chỉ tiêu theo lộ trình", "Targets by trajectory")
        guard let t = ctx.figures.targetFigures else { return ListTable(title: title, columns: columns, rows: []) }
        var rows: [[String]] = []
        var roles: [Role?] = []
        let sets = ctx.snapshot.plan?.sets ?? []
        for set in sets {
            let readings = t.sorted.filter { $0.indicator.set == set }
            if sets.count > 1 { rows.append(["", set]); roles.append(.accent) }
            for r in readings {
                let i = r.indicator
                let obs = r.observation
                let line = obs.map { value(i.expected(at: $0.period.lastMonth), i, f) } ?? "—"
                let progress = obs.map { o -> Double in
                    i.targetValue == i.baselineValue ? 1 : min(1, max(0, (o.value - i.baselineValue) / (i.targetValue - i.baselineValue)))
                }
                rows.append([i.code, name(i, s), obs.map { value($0.value, i, f) } ?? "—", obs.map { f.period($0.period) } ?? noData(s),
                             line, "\(value(i.targetValue, i, f)) (\(i.targetYear))",
                             r.status.map { Widgets.statusLabel($0, s, short: true) } ?? noData(s), i.source,
                             PanelParts.bar(share: progress, of: 1, 10, g)])
                roles.append(r.status.flatMap { Widgets.mark($0, g)?.1 } ?? .muted)
            }
        }
        return ListTable(title: title, columns: columns, rows: rows, rowRoles: roles)
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format
        let label = s.pick("Chỉ tiêu đúng lộ trình", "Targets on track")
        guard let t = ctx.figures.targetFigures, !t.readings.isEmpty else { return KioskTile(label: label, big: "—") }
        return KioskTile(label: label, big: "\(f.integer(t.count(.onTrack)))/\(f.integer(t.readings.count))",
                         detail: headline(t, s, f).1)
    }

    /// `indicators` of `report --format json`: each indicator of the place reported.
    static func json(_ r: UnitFigures) -> JSONValue? {
        guard let t = r.targetFigures else { return nil }
        return .array(t.readings.map { x in
            .object(["set": .string(x.indicator.set), "code": .string(x.indicator.code), "value": .number(x.observation?.value),
                     "period": .string(x.observation?.period.description), "target_value": .number(x.indicator.targetValue),
                     "target_year": .int(x.indicator.targetYear), "status": .string(x.status?.rawValue ?? "no_data")])
        })
    }
}
