import Foundation

extension UnitTree {
    /// The catalogue of `units.json` (with `units_before.json`'s, for a province made by a
    /// merger), checked as a load checks it: the first problem is thrown.
    public static func read(units: Data, before: Data? = nil) throws -> UnitTree {
        guard let before else { return try JSONFiles.units(data: units) }
        var issues = IssueCollector()
        let tree = try Catalogue.read(units: units, name: "units.json", before: before, issues: &issues)
        if let e = issues.errors.first { throw e }
        return tree
    }
}
