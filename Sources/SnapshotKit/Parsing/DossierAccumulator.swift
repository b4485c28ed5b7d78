/// Dossier counts keyed as the statistics form is: month × unit × level × field × channel.
///
/// Both `dossiers.csv` (one row per dossier) and `dossier_stats.csv` (one row per key) are
/// folded into this one structure, so the two forms cannot disagree on what a figure means.
/// Keys are packed into one `UInt64` and tallies kept in a flat array: a million rows cost a
/// million cheap integer-hash lookups, not a million hashes of a five-field struct.
public struct DossierAccumulator: Sendable {
    public private(set) var fields: [String] = []
    private var fieldIndex: [String: Int] = [:]
    /// Open addressing from packed key to position in `keys`/`counts` (a few thousand keys:
    /// it stays in cache, where Swift's Dictionary spent a fifth of the load in hashing).
    private var slotKeys = [UInt64](repeating: .max, count: 1024)
    private var slotIndex = [Int32](repeating: 0, count: 1024)
    private var keys: [DossierKey] = []
    private var counts: [DossierTally] = []

    public init() {}

    public mutating func field(_ name: String) -> Int {
        if let i = fieldIndex[name] { return i }
        fields.append(name)
        fieldIndex[name] = fields.count - 1
        return fields.count - 1
    }

    @inline(__always)
    static func pack(_ k: DossierKey) -> UInt64 {
        UInt64(truncatingIfNeeded: k.month.index) << 40 | UInt64(truncatingIfNeeded: k.unit & 0xFFFF) << 24
            | UInt64(truncatingIfNeeded: k.field & 0xFFFF) << 4 | UInt64(k.level.rawValue) << 2 | UInt64(k.channel.rawValue)
    }

    mutating func add(_ key: DossierKey, _ t: DossierTally) {
        let p = Self.pack(key)
        let mask = slotKeys.count - 1
        var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = slotKeys[i]
            if k == p { counts[Int(slotIndex[i])].add(t); return }
            if k == .max { break }
            i = (i + 1) & mask
        }
        slotKeys[i] = p
        slotIndex[i] = Int32(keys.count)
        keys.append(key)
        counts.append(t)
        if keys.count * 2 > slotKeys.count { rehash() }
    }

    private mutating func rehash() {
        let n = slotKeys.count * 2
        slotKeys = Array(repeating: .max, count: n)
        slotIndex = Array(repeating: 0, count: n)
        for (position, key) in keys.enumerated() {
            let p = Self.pack(key)
            var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 40) & (n - 1)
            while slotKeys[i] != .max { i = (i + 1) & (n - 1) }
            slotKeys[i] = p
            slotIndex[i] = Int32(position)
        }
    }

    /// Every key with its counts.
    public var tallies: [DossierKey: DossierTally] {
        Dictionary(uniqueKeysWithValues: zip(keys, counts))
    }

    /// Visits every key with its counts, in insertion order.
    public func forEach(_ body: (DossierKey, DossierTally) -> Void) {
        for i in keys.indices { body(keys[i], counts[i]) }
    }

    /// Merges another accumulator (e.g. the other half of a file read on another core).
    public mutating func merge(_ other: DossierAccumulator) {
        other.forEach { k, t in
            var key = k
            key.field = field(other.fields[k.field])
            add(key, t)
        }
    }
}

/// A set of 64-bit hashes with open addressing: duplicate IDs are found with 8 bytes per
/// row and no allocation per insert (a `Set<String>` would make a String per row).
struct HashSet64 {
    private var table: [UInt64]
    private var count = 0

    init(capacity: Int = 1024) {
        var n = 1024
        while n * 7 < capacity * 10 { n <<= 1 }
        table = Array(repeating: 0, count: n)
    }

    /// Inserts; returns false when the value was already there.
    mutating func insert(_ value: UInt64) -> Bool {
        let v = value == 0 ? 1 : value
        if (count + 1) * 10 > table.count * 7 { grow() }   // linear probing stays short below 70% load
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while true {
            let e = table[i]
            if e == 0 { table[i] = v; count += 1; return true }
            if e == v { return false }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = table
        table = Array(repeating: 0, count: old.count * 2)
        count = 0
        for v in old where v != 0 { _ = insert(v) }
    }
}
