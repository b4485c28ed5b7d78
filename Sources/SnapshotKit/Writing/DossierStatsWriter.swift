import Foundation

/// Writes a `DossierAccumulator` as `dossier_stats.csv`, rows in a stable order, with the
/// optional columns the accumulator carries. This is how an exporter fills the form 06 columns
/// from per-dossier records: for each month and key, `carried_over` = in progress at the month's
/// start (received before it, not yet left), `resolved_*` and `*_in_month` = those that left
/// during the month whenever received, `pending_end_overdue` = in progress at the month's end
/// with a due date before that end; a key gets a row for every month it has dossiers in
/// progress, received or not.
public enum DossierStatsWriter {
    /// The raw rows of `dir/name` aggregated exactly as a load does; the first problem thrown.
    public static func aggregate(rawFile name: String, in dir: String, units: UnitTree, periodEnd: Day) throws -> DossierAccumulator {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        DossierParsers.raw(dir, file: name, RowContext(units: units, periodEnd: periodEnd), into: &acc, issues: &issues)
        if let e = issues.errors.first { throw e }
        return acc
    }

    public static func write(_ acc: DossierAccumulator, units: UnitTree, to path: String) throws {
        let m = acc.measures
        let flags = zip(TableKind.flagColumns, DossierMeasures.flags).filter { m.contains($0.1) }
        let header = TableKind.dossierStats.columns + (m.contains(.form06) ? TableKind.form06Columns : [])
            + (m.contains(.supplement) ? ["supplement"] : []) + flags.map(\.0)
        let w = try CSVWriter(path: path, header: header)
        var cells = acc.tallies
        if let last = acc.supplementMonth { cells = stocks(cells, through: last) }
        let keys = cells.keys.sorted {
            ($0.month.index, $0.unit, $0.level.rawValue, acc.fields[$0.field], $0.channel.rawValue)
                < ($1.month.index, $1.unit, $1.level.rawValue, acc.fields[$1.field], $1.channel.rawValue)
        }
        for k in keys {
            let t = cells[k]!
            let u = units.units[k.unit]
            let district = u.level == .commune ? units.units[u.parent!].code : u.code
            var row = [k.month.description, district, u.level == .commune ? u.code : "", k.level.name, acc.fields[k.field],
                       k.channel.name] + DossierStatsWriter.counts(t)
            if m.contains(.form06) {
                row += [t.openStart, t.doneEarly, t.doneOnDue, t.doneLate, t.doneReturned, t.doneWithdrawn, t.overdueEnd].map(String.init)
            }
            if m.contains(.supplement) { row.append(String(t.supplementEnd)) }
            let values = [t.feeRequired, t.paidOnline, t.fullOnline, t.digitized, t.eResult, t.vneidVerified]
            for (name, _) in flags { row.append(String(values[TableKind.flagColumns.firstIndex(of: name)!])) }
            w.row(row)
        }
        try w.close()
    }

    /// The required counts of a `dossier_stats.csv` row, in the file's order.
    public static func counts(_ t: DossierTally) -> [String] {
        [t.received, t.resolved, t.resolvedOnTime, t.returned, t.withdrawn, t.pending, t.pendingOverdue].map(String.init)
    }

    /// Raw rows' stock changes turned into each key's stocks, month by month up to `last`, with
    /// an empty cell for a month a key has dossiers in progress but no other count.
    static func stocks(_ cells: [DossierKey: DossierTally], through last: Month) -> [DossierKey: DossierTally] {
        var out = cells
        var byKey: [DossierKey: [Month]] = [:]
        for k in cells.keys { byKey[k.at(Month(index: 0)), default: []].append(k.month) }
        for (base, months) in byKey {
            var open = 0, overdue = 0
            guard let first = months.min() else { continue }
            var m = first
            while m <= max(last, months.max()!) {
                let k = base.at(m)
                var t = out[k] ?? DossierTally()
                let had = out[k] != nil
                t.openStart = open
                open += t.openEnd; overdue += t.overdueEnd
                t.openEnd = open; t.overdueEnd = overdue
                if had || open > 0 { out[k] = t }
                m = m.adding(1)
            }
        }
        return out
    }
}
