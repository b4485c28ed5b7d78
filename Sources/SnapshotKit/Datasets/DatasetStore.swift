/// The values of a snapshot's data kinds, by kind: what `Snapshot` holds of every kind that
/// moved behind `DatasetKind`. Equal when the same kinds hold equal values.
struct DatasetStore: Equatable, Sendable {
    /// One kind's value, type-erased (in the order they were set: the registry's).
    private struct Entry: Sendable {
        let id: DatasetID
        let codecVersion: Int
        let indicators: [Indicator]
        let value: any Sendable
        let equals: @Sendable (any Sendable) -> Bool
        let write: @Sendable (inout CacheWriter) -> Void
    }

    private var entries: [Entry] = []

    init() {}

    subscript<K: DatasetKind>(_ kind: K.Type) -> K.Value? {
        entries.first { $0.id == K.id }?.value as? K.Value
    }

    /// Sets `kind`'s value (in place when it has one, else after the others).
    mutating func set<K: DatasetKind>(_ kind: K.Type, _ value: K.Value) {
        let entry = Entry(id: K.id, codecVersion: K.codecVersion, indicators: K.indicators, value: value,
                          equals: { ($0 as? K.Value) == value }, write: { K.encode(value, to: &$0) })
        if let k = entries.firstIndex(where: { $0.id == K.id }) { entries[k] = entry } else { entries.append(entry) }
    }

    /// The indicators of the kinds held, in order.
    var indicators: [Indicator] { entries.flatMap(\.indicators) }

    static func == (a: DatasetStore, b: DatasetStore) -> Bool {
        a.entries.count == b.entries.count
            && a.entries.allSatisfy { e in b.entries.contains { $0.id == e.id && e.equals($0.value) } }
    }

    // MARK: The cache

    /// Each value with its kind's id and codec version.
    func write(to w: inout CacheWriter) {
        w.put(entries.count)
        for e in entries {
            w.put(e.id.rawValue)
            w.put(e.codecVersion)
            e.write(&w)
        }
    }

    /// The values written by `write`; a kind `registry` does not list, or of another codec
    /// version, makes the entry unreadable (it is then loaded again from the source).
    init(from r: inout CacheReader, units: UnitTree, registry: DatasetRegistry) throws(CacheReader.Malformed) {
        let n = try r.count(minimumBytes: 16)
        for _ in 0..<n {
            let id = DatasetID(try r.get(String.self))
            let version: Int = try r.get()
            guard let kind = registry.kind(id), kind.codecVersion == version, !entries.contains(where: { $0.id == id }) else {
                throw CacheReader.Malformed(description: "dataset \(id) of codec \(version) unknown or repeated")
            }
            try read(kind, &r, units)
        }
    }

    private mutating func read<K: DatasetKind>(_ kind: K.Type, _ r: inout CacheReader, _ units: UnitTree) throws(CacheReader.Malformed) {
        set(kind, try K.decode(from: &r, units: units))
    }
}
