/// The values of a snapshot's data kinds, by kind: what `Snapshot` holds of every kind that
/// moved behind `DatasetKind`. Equal when the same kinds hold equal values.
struct DatasetStore: Equatable, Sendable {
    /// One kind's value, type-erased (in registry order, so reflection walks them in order).
    private struct Entry: Sendable {
        let id: DatasetID
        let value: any Sendable
        let equals: @Sendable (any Sendable) -> Bool
        let write: @Sendable (inout CacheWriter) -> Void
    }

    private var entries: [Entry] = []

    init() {}

    subscript<K: DatasetKind>(_ kind: K.Type) -> K.Value? {
        entries.first { $0.id == K.id }?.value as? K.Value
    }

    /// Sets `kind`'s value (kept in registry order).
    mutating func set<K: DatasetKind>(_ kind: K.Type, _ value: K.Value) {
        entries.removeAll { $0.id == K.id }
        let entry = Entry(id: K.id, value: value, equals: { ($0 as? K.Value) == value },
                          write: { K.write(value, to: &$0) })
        let order = { (id: DatasetID) in DatasetRegistry.kinds.firstIndex { $0.id == id } ?? Int.max }
        entries.insert(entry, at: entries.firstIndex { order($0.id) > order(K.id) } ?? entries.endIndex)
    }

    static func == (a: DatasetStore, b: DatasetStore) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.id == $1.id && $0.equals($1.value) }
    }

    // MARK: The cache

    /// Each value with its kind's id and codec version.
    func write(to w: inout CacheWriter) {
        w.put(entries.count)
        for e in entries {
            w.put(e.id.rawValue)
            w.put(DatasetRegistry.kind(e.id)?.codecVersion ?? -1)
            e.write(&w)
        }
    }

    /// The values written by `write`; a kind this build does not know, or of another codec
    /// version, makes the entry unreadable (it is then loaded again from the source).
    init(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) {
        let n = try r.count(minimumBytes: 16)
        for _ in 0..<n {
            let id = DatasetID(try r.get(String.self))
            let version: Int = try r.get()
            guard let kind = DatasetRegistry.kind(id), kind.codecVersion == version, self.entry(id) == nil else {
                throw CacheReader.Malformed(description: "dataset \(id) of codec \(version) unknown or repeated")
            }
            try read(kind, &r, units)
        }
    }

    private mutating func read<K: DatasetKind>(_ kind: K.Type, _ r: inout CacheReader, _ units: UnitTree) throws(CacheReader.Malformed) {
        set(kind, try K.read(from: &r, units: units))
    }

    private func entry(_ id: DatasetID) -> Entry? { entries.first { $0.id == id } }
}
