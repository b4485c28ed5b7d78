import CByteScan

/// Dossier counts keyed as the statistics form is: month × unit × level × field × channel.
///
/// Both `dossiers.csv` (one row per dossier) and `dossier_stats.csv` (one row per key) are
/// folded into this one structure, so the two forms cannot disagree on what a figure means.
/// Keys are packed into one `UInt64` and kept with their counts in one open-addressing table
/// of 40-byte slots: adding a row touches one cache line, which the reader prefetches a row
/// ahead (Swift's Dictionary spent a fifth of a million-row load hashing and missing cache).
/// Counts are 32-bit in the table: a row of the statistics form is refused above
/// `maximumCount`, and a raw file would need billions of rows to overflow a slot.
public struct DossierAccumulator: Sendable {
    public private(set) var fields: [String] = []
    private var fieldIndex: [String: Int] = [:]
    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// Keys in the order they first came, for a stable `forEach`.
    private var keys: [DossierKey] = []
    public static let maximumCount = 1_000_000_000
    /// Distinct fields, and units, a key can tell apart (16 bits each in the packed key).
    public static let maximumFields = 4096
    public static let maximumUnits = 1 << 16

    struct Slot {
        var key: UInt64 = .max          // .max: empty (no packed key reaches it)
        /// The counts in `DossierTally`'s order: the first 8 by month of receipt, then form 06
        /// and the flags. Form 06's stocks hold signed changes while raw rows are read
        /// (`DossierCube` turns them into stocks), hence wrapping arithmetic.
        var a = SIMD16<UInt32>()
        var b = SIMD8<UInt32>()

        @inline(__always)
        mutating func add(_ t: DossierTally) {
            let (x, y) = t.lanes
            a &+= x; b &+= y
        }

        var tally: DossierTally { DossierTally(lanes: a, b) }
    }

    /// Which optional figures the table carried (its optional columns).
    public var measures: DossierMeasures = []
    /// Raw rows: form 06's stocks are held as changes (+1 the month a dossier came, −1 the
    /// month it left) and awaiting supplement is known for this month only (the data's end).
    public var supplementMonth: Month? = nil

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

    @inline(__always)
    private static func firstSlot(_ p: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 40) & (count - 1)
    }

    /// Starts loading the slot `key` is looked up in first (see `RawDossierParser`).
    @inline(__always)
    mutating func prefetch(_ key: DossierKey) {
        // Mutating on purpose: a non-mutating method would copy `self`, retaining every array.
        let i = Self.firstSlot(Self.pack(key), slots.count)
        slots.withUnsafeMutableBufferPointer { cds_prefetch($0.baseAddress! + i) }
    }

    mutating func add(_ key: DossierKey, _ t: DossierTally) {
        let p = Self.pack(key)
        let mask = slots.count - 1
        var i = Self.firstSlot(p, slots.count)
        while true {
            let k = slots[i].key
            if k == p { slots[i].add(t); return }
            if k == .max { break }
            i = (i + 1) & mask
        }
        slots[i].key = p
        slots[i].add(t)
        keys.append(key)
        if keys.count * 2 > slots.count { rehash() }
    }

    private func slotIndex(_ p: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Self.firstSlot(p, slots.count)
        while slots[i].key != .max {
            if slots[i].key == p { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func rehash() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.key != .max {
            var i = Self.firstSlot(slot.key, slots.count)
            while slots[i].key != .max { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// Every key with its counts.
    public var tallies: [DossierKey: DossierTally] {
        var out: [DossierKey: DossierTally] = [:]
        forEach { out[$0] = $1 }
        return out
    }

    /// Visits every key with its counts, in the order keys first came.
    public func forEach(_ body: (DossierKey, DossierTally) -> Void) {
        for k in keys { if let i = slotIndex(Self.pack(k)) { body(k, slots[i].tally) } }
    }

    /// Merges another accumulator (e.g. another part of a file read on another core).
    public mutating func merge(_ other: DossierAccumulator) {
        measures.formUnion(other.measures)
        supplementMonth = supplementMonth ?? other.supplementMonth
        // Field names are mapped once: hashing a Vietnamese String per key made this merge
        // take 30 ms for two parts of a million rows.
        var fieldMap: [Int] = []
        for name in other.fields { fieldMap.append(field(name)) }
        other.forEach { k, t in
            var key = k
            key.field = fieldMap[k.field]
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
