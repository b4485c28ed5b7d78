import Foundation

/// `targets.json`: `{"targets": [{"indicator", "target", "at_risk"}]}`. Every problem is
/// reported at the `file:line:column` of the value it is about: an indicator the catalog does
/// not know or repeated, a value that is not a finite number within the indicator's range
/// (`Indicator.range`), `at_risk` better than `target`.
enum TargetsParser {
    static func parse(data: Data, name f: String = "targets.json", catalog: IndicatorCatalog = .standard,
                      issues: inout IssueCollector) -> Targets {
        let o: [String: Any]
        do { o = try JSONFiles.object(data: data, name: f) } catch { issues.add(error); return Targets() }
        guard let list = o["targets"] as? [[String: Any]] else {
            issues.add(SnapshotIssue(file: f, at: JSONPositions(data).rootValue("targets"),
                                     message: "missing \"targets\" list of {\"indicator\", \"target\", \"at_risk\"}"))
            return Targets()
        }
        let places = JSONPositions(data).objects(under: "targets", depth: 2)
        var out: [Target] = []
        var firstLine: [String: Int] = [:]
        for (k, t) in list.enumerated() {
            let at = k < places.count ? places[k] : nil
            func fail(_ key: String, _ message: String) {
                issues.add(SnapshotIssue(file: f, at: at?.values[key] ?? at?.opening, message: message))
            }
            guard let ind = (t["indicator"] as? String), !ind.isEmpty else {
                fail("indicator", "target #\(k + 1): missing or empty \"indicator\""); continue
            }
            let shown = "\"\(ind.prefix(60))\""
            guard let indicator = catalog[ind] else {
                fail("indicator", "target #\(k + 1): unknown indicator \(shown) (known: \(catalog.ids.joined(separator: ", ")))")
                continue
            }
            let line = at?.opening.line ?? k + 1
            if let first = firstLine[ind] {
                fail("indicator", "indicator \(ind) is repeated (first on line \(first))"); continue
            }
            firstLine[ind] = line
            let range = indicator.range
            var values: [Double] = []
            for key in ["target", "at_risk"] {
                // `true` is an NSNumber too (of a boolean class): refused, not read as 1.
                guard let n = t[key] as? NSNumber, !String(describing: type(of: n)).contains("Boolean") else {
                    fail(key, "target \(ind): \"\(key)\" must be a number"); continue
                }
                let v = n.doubleValue
                guard v.isFinite, range.contains(v) else {
                    fail(key, "target \(ind): \(key) \(v) is outside \(describe(indicator))"); continue
                }
                values.append(v)
            }
            guard values.count == 2 else { continue }
            // "At risk" lies between behind and the target: below it when higher is better.
            guard indicator.isAtLeast(values[0], asGoodAs: values[1]) else {
                let side = indicator.better == .higher ? "above" : "below"
                fail("at_risk", "target \(ind): at_risk (\(values[1])) is \(side) target (\(values[0]))"
                     + (indicator.better == .lower ? " (lower is better for \(ind))" : "")); continue
            }
            out.append(Target(indicator: ind, target: values[0], atRisk: values[1], better: indicator.better))
        }
        return Targets(out)
    }

    /// "0 … 1 (a share is a fraction: 0.85 for 85%)"
    static func describe(_ indicator: Indicator) -> String {
        func n(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
        let r = indicator.range
        return "\(n(r.lowerBound)) … \(n(r.upperBound)) (\(indicator.valueMeaning))"
    }
}
