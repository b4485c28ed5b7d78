/// Dossier counts keyed as the statistics form is: month × unit × level × field × channel.
///
/// Both `dossiers.csv` (one row per dossier) and `dossier_stats.csv` (one row per key) are
/// folded into this one structure, so the two forms cannot disagree on what a figure means.
public struct DossierAccumulator: Sendable {
    public private(set) var fields: [String] = []
    private var fieldIndex: [String: Int] = [:]
    public private(set) var tallies: [DossierKey: DossierTally] = [:]

    public init() {}

    public mutating func field(_ name: String) -> Int {
        if let i = fieldIndex[name] { return i }
        fields.append(name)
        fieldIndex[name] = fields.count - 1
        return fields.count - 1
    }

    mutating func add(_ key: DossierKey, _ t: DossierTally) {
        tallies[key, default: DossierTally()].add(t)
    }

    mutating func contains(_ key: DossierKey) -> Bool { tallies[key] != nil }

    /// Merges another accumulator (e.g. the other half of a file read on another core).
    public mutating func merge(_ other: DossierAccumulator) {
        for (k, t) in other.tallies {
            var key = k
            key.field = field(other.fields[k.field])
            add(key, t)
        }
    }
}
