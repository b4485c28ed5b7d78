/// `indicators.csv`, the targets (chỉ tiêu) of the plans a committee is judged on: one row per
/// indicator of a set (the national programme's, the province's own); optional. A set is rows,
/// not code: a province adds its plan as rows with its own `set`.
enum IndicatorsDataset: CachedAsRecords {
    static let id = DatasetID("indicators")
    static let fileName = "indicators.csv"
    static let columns = ["code", "name", "unit", "direction", "baseline_year", "baseline_value", "target_value", "target_year",
                          "source"]
    static let optionalColumns = ["set", "name_en"]
    static let presence = Presence.optional(warning: nil)
    static let codecVersion = 1
    /// The set of a row without one.
    static let defaultSet = "Chỉ tiêu"
    static let years = 1990...2100

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [PlanIndicator] {
        var out: [PlanIndicator] = []
        var lines: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let code = try row.text(0, "code")
            if code.isEmpty { throw row.fail(0, "code is empty") }
            let name = try row.text(1, "name")
            if name.isEmpty { throw row.fail(1, "name is empty") }
            let unit = try row.text(2, "unit")
            if unit.isEmpty { throw row.fail(2, "unit is empty (%, count or a word)") }
            guard let direction = PlanIndicator.Direction(rawValue: try row.text(3, "direction")) else {
                throw row.fail(3, "direction \"\(row.raw(3))\" is not higher or lower")
            }
            let baselineYear = try year(row, 4, "baseline_year")
            let baseline = try number(row, 5, "baseline_value", unit)
            let target = try number(row, 6, "target_value", unit)
            let targetYear = try year(row, 7, "target_year")
            if targetYear <= baselineYear { throw row.fail(7, "target_year \(targetYear) is not after baseline_year \(baselineYear)") }
            let source = try row.text(8, "source")
            if source.isEmpty { throw row.fail(8, "source is empty (the document or agency the target comes from)") }
            let set = row.has(9) ? try row.text(9, "set") : ""
            let nameEn = row.has(10) ? try row.text(10, "name_en") : ""
            let key = (set.isEmpty ? defaultSet : set) + "\u{1F}" + code
            if let first = lines[key] { throw row.fail(0, "indicator \(code) given twice in its set (first on line \(first))") }
            lines[key] = row.line
            out.append(PlanIndicator(set: set.isEmpty ? defaultSet : set, code: code, name: name, nameEn: nameEn, unit: unit,
                                     direction: direction, baselineYear: baselineYear, baselineValue: baseline,
                                     targetValue: target, targetYear: targetYear, source: source))
        }
        return out
    }

    static func year(_ row: TableRow, _ c: Int, _ name: String) throws(SnapshotIssue) -> Int {
        guard let y = row.reader.integer(row.span(c)), years.contains(y) else {
            throw row.fail(c, "\(name) \"\(row.raw(c))\" is not a year from \(years.lowerBound) to \(years.upperBound)")
        }
        return y
    }

    /// A value of an indicator of `unit`: a percent lies in 0–100, a count is whole and not negative.
    static func number(_ row: TableRow, _ c: Int, _ name: String, _ unit: String) throws(SnapshotIssue) -> Double {
        guard let v = row.reader.decimal(row.span(c)), v.isFinite else {
            throw row.fail(c, "\(name) \"\(row.raw(c))\" is not a number (a dot for decimals: 82.5)")
        }
        try check(v, unit, row, c, name)
        return v
    }

    static func check(_ v: Double, _ unit: String, _ row: TableRow, _ c: Int, _ name: String) throws(SnapshotIssue) {
        if unit == "%", !(0...100).contains(v) { throw row.fail(c, "\(name) \(row.raw(c)) is not a percent from 0 to 100") }
        if unit == "count", v < 0 || v != v.rounded() { throw row.fail(c, "\(name) \(row.raw(c)) is not a count (a whole number, 0 or more)") }
    }

    static func aggregate(_ rows: [PlanIndicator], units: UnitTree) -> [PlanIndicator] { rows }
    static func records(_ value: [PlanIndicator]) -> [PlanIndicator] { value }
    static func fits(_ row: PlanIndicator, unitCount: Int) -> Bool { true }
}

/// `indicator_values.csv`, observed values of the indicators of `indicators.csv`: one row per
/// period × unit × code; optional (an indicator without a value is "chưa có số liệu").
enum IndicatorValuesDataset: CachedAsRecords {
    static let id = DatasetID("indicator_values")
    static let fileName = "indicator_values.csv"
    static let columns = ["period", "unit_code", "code", "value"]
    static let optionalColumns = ["numerator", "denominator", "note"]
    static let presence = Presence.optional(warning: nil)
    static let codecVersion = 1

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [IndicatorObservation] {
        var out: [IndicatorObservation] = []
        var lines: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let text = try row.string(0)
            guard let period = Period(parsing: text) else { throw row.fail(0, "period \"\(row.raw(0))\" is not YYYY, YYYY-Qn or YYYY-MM") }
            guard ctx.window.contains(Month(index: period.months.lowerBound)), period.lastMonth <= ctx.periodEnd.month else {
                throw row.fail(0, "period \(period) is outside the data's months (\(ctx.window.first) … \(ctx.periodEnd.month))")
            }
            let code = try row.text(1, "unit_code")
            guard let unit = ctx.units.unit(code: code)?.index else {
                throw row.fail(1, "unknown unit_code \"\(row.raw(1))\" (not a unit of units.json)")
            }
            let indicator = try row.text(2, "code")
            if indicator.isEmpty { throw row.fail(2, "code is empty") }
            guard let value = row.reader.decimal(row.span(3)), value.isFinite else {
                throw row.fail(3, "value \"\(row.raw(3))\" is not a number (a dot for decimals: 82.5; no value: leave the row out)")
            }
            let numerator = try optional(row, 4, "numerator"), denominator = try optional(row, 5, "denominator")
            if let d = denominator, d <= 0 { throw row.fail(5, "denominator \(row.raw(5)) is not above 0") }
            if let n = numerator, let d = denominator, n > d { throw row.fail(4, "numerator \(row.raw(4)) is more than denominator \(row.raw(5))") }
            let note = row.has(6) ? try row.text(6, "note") : ""
            let key = "\(period)/\(unit)/\(indicator)"
            if let first = lines[key] { throw row.fail("duplicate value of \(indicator) for \(period) / \(code) (first on line \(first))") }
            lines[key] = row.line
            out.append(IndicatorObservation(period: period, unit: unit, code: indicator, value: value, numerator: numerator,
                                            denominator: denominator, note: note, line: row.line))
        }
        return out
    }

    static func optional(_ row: TableRow, _ c: Int, _ name: String) throws(SnapshotIssue) -> Double? {
        guard row.has(c), !row.isEmpty(c) else { return nil }
        guard let v = row.reader.decimal(row.span(c)), v.isFinite, v >= 0 else {
            throw row.fail(c, "\(name) \"\(row.raw(c))\" is not a number of 0 or more")
        }
        return v
    }

    /// Every value names an indicator of `indicators.csv`, and lies in its unit's range.
    static func check(_ rows: [IndicatorObservation], others: [DatasetID: any Sendable], _ issues: inout IssueCollector) -> [IndicatorObservation] {
        guard !rows.isEmpty else { return rows }
        guard let defs = others[IndicatorsDataset.id] as? [PlanIndicator] else {
            issues.add(SnapshotIssue(file: fileName, line: nil, message: "values given without indicators.csv (what they measure and their targets)"))
            return []
        }
        var units: [String: String] = [:]
        for d in defs { units[d.code] = d.unit }
        return rows.filter { v in
            guard let unit = units[v.code] else {
                issues.add(SnapshotIssue(file: fileName, line: v.line, column: 3, message: "unknown code \"\(v.code)\" (not in indicators.csv)"))
                return false
            }
            if unit == "%", !(0...100).contains(v.value) {
                issues.add(SnapshotIssue(file: fileName, line: v.line, column: 4, message: "value \(v.value) of \(v.code) is not a percent from 0 to 100"))
                return false
            }
            return true
        }
    }

    static func aggregate(_ rows: [IndicatorObservation], units: UnitTree) -> [IndicatorObservation] { rows }
    static func records(_ value: [IndicatorObservation]) -> [IndicatorObservation] { value }
    static func fits(_ row: IndicatorObservation, unitCount n: Int) -> Bool { UnitChain.inTree(row.unit, n) }
}

extension PlanIndicator: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(set); w.put(code); w.put(name); w.put(nameEn); w.put(unit); w.put(direction.rawValue); w.put(baselineYear)
        w.put(baselineValue); w.put(targetValue); w.put(targetYear); w.put(source)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let set: String = try r.get(), code: String = try r.get(), name: String = try r.get(), nameEn: String = try r.get()
        let unit: String = try r.get()
        guard let direction = Direction(rawValue: try r.get(String.self)) else { throw CacheReader.Malformed(description: "bad direction") }
        self.init(set: set, code: code, name: name, nameEn: nameEn, unit: unit, direction: direction, baselineYear: try r.get(),
                  baselineValue: try r.get(), targetValue: try r.get(), targetYear: try r.get(), source: try r.get())
    }
}

extension IndicatorObservation: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(period); w.put(unit); w.put(code); w.put(value); w.put(numerator); w.put(denominator); w.put(note); w.put(line)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(period: try r.get(), unit: try r.get(), code: try r.get(), value: try r.get(), numerator: try r.get(),
                  denominator: try r.get(), note: try r.get(), line: try r.get())
    }
}
