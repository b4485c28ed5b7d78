/// Parser for the society table (`society.csv`): one row per month × commune (or district,
/// with no commune); an empty count is "not reported", never zero.
enum SocietyParser {
    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext,
                                        _ issues: inout IssueCollector) -> [(Month, Int, SocietyTally)] {
        let units = ctx.units
        let col = ColumnIndex(SocietyDataset.columns)
        var out: [(Month, Int, SocietyTally)] = []
        var seen: [[Int]: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let m = try row.month(col["month"], in: ctx.window)
            // Read by code and month: a row dated before a change of the units (old codes) counts
            // in the new units it went to, split by share.
            let place = try DossierParsers.place(row, col["district_code"], col["commune_code"], units, on: m.firstDay, communeRequired: false)
            let key = place.old.map { [m.index, $0.tree + 1, $0.index] } ?? [m.index, 0, place.unit]
            if let first = seen.updateValue(row.line, forKey: key) {
                let code = row.raw(col["commune_code"]).isEmpty ? row.raw(col["district_code"]) : row.raw(col["commune_code"])
                throw row.fail("duplicate row for \(m) / \(code.isEmpty ? units.province.code : code) (first on line \(first))")
            }
            var t = SocietyTally()
            for measure in SocietyMeasure.allCases {
                let k = col[measure.column]
                if !row.isEmpty(k) { t[measure] = try row.count(k, measure.column) }
            }
            for (part, whole) in SocietyMeasure.parts {
                if let p = t[part], let w = t[whole], p > w {
                    throw row.fail(col[part.column], "\(part.column) (\(p)) is greater than \(whole.column) (\(w))")
                }
            }
            if let teams = t[.teams], let members = t[.teamMembers], members < teams {
                throw row.fail(col[SocietyMeasure.teamMembers.column],
                               "team_members (\(members)) is fewer than digital_teams (\(teams)): a team has members")
            }
            guard let links = place.links, links.count > 1 else { out.append((m, place.unit, t)); return }
            var parts = links.map { _ in SocietyTally() }
            for measure in SocietyMeasure.allCases {
                guard let v = t[measure] else { continue }
                for (k, n) in allocate(v, weights: links.map(\.share)).enumerated() { parts[k][measure] = n }
            }
            for (l, part) in zip(links, parts) { out.append((m, l.unit, part)) }
        }
        return out
    }
}
