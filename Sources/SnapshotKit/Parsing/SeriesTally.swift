import CByteScan

/// Raw rows' counts while a part of `dossiers.csv` is read: per series (unit × level × field ×
/// channel) a block of months, each month one cell of `DossierAccumulator`'s lanes.
///
/// A dossier adds to its month of receipt and, for form 06, to the months it left and became
/// overdue: months of one series, so all of a row's cells lie in one block. The series are
/// found in a small table that stays in cache, and the blocks take a few megabytes whatever
/// the row count (a `DossierAccumulator` keyed by month as well spread the same counts over
/// tens of megabytes, and a million rows spent most of their time in its cache misses).
/// `fold` hands the counts to a `DossierAccumulator` once the part is read.
final class SeriesTally {
    /// One month of a series: the accumulator's lanes; `b[7]` counts the adds, so that a
    /// cell whose counts cancel out still names its month (as a key added to does).
    struct Cell {
        var a = SIMD16<UInt32>()
        var b = SIMD8<UInt32>()
    }

    private struct Series {
        var key: DossierKey
        /// First month of the block, its length, and where its cells start.
        var low: Int
        var count: Int
        var offset: Int
    }

    private var series: [Series] = []
    /// Open addressing: packed series key + 1 (0: empty) and the series' index.
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var indexes = [Int32](repeating: 0, count: 1024)
    private var cells: UnsafeMutablePointer<Cell>
    private var used = 0
    private var capacity = 1 << 12
    /// Months a new block covers on each side of its first month, and the margin a block grows by.
    static let margin = 12

    init() {
        cells = .allocate(capacity: capacity)
    }

    deinit { cells.deallocate() }

    /// The index of `key`'s series (its month ignored), made when new; its block then holds `key.month`.
    @inline(__always)
    func series(of key: DossierKey) -> Int {
        let p = DossierAccumulator.pack(key) & ((1 << 40) - 1)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 44) & mask
        while true {
            let k = slots[i]
            if k == p &+ 1 { return Int(indexes[i]) }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        let s = series.count
        slots[i] = p &+ 1
        indexes[i] = Int32(s)
        let m = key.month.index
        series.append(Series(key: key, low: m - Self.margin, count: 2 * Self.margin + 1, offset: allocate(2 * Self.margin + 1)))
        if series.count * 2 > slots.count { rehash() }
        return s
    }

    /// Where month `m` of series `s` is, its block grown to hold it if need be.
    @inline(__always)
    func cell(_ s: Int, _ m: Int) -> UnsafeMutablePointer<Cell> {
        let b = series[s]
        let k = m &- b.low
        if k >= 0, k < b.count { return cells + (b.offset &+ k) }
        return grown(s, m)
    }

    /// Starts loading month `m` of series `s` (a row ahead of adding to it).
    @inline(__always)
    func prefetch(_ s: Int, _ m: Int) { cds_prefetch(cell(s, m)) }

    @inline(__always)
    func add(_ s: Int, _ m: Int, _ a: SIMD16<UInt32>, _ b: SIMD8<UInt32>) {
        let c = cell(s, m)
        c.pointee.a &+= a
        c.pointee.b &+= b
    }

    /// Every touched cell's counts added to `acc` under its key.
    func fold(into acc: inout DossierAccumulator) {
        for s in series {
            for k in 0..<s.count {
                let c = cells[s.offset + k]
                guard c.b[7] != 0 else { continue }
                var key = s.key
                key.month = Month(index: s.low + k)
                var b = c.b
                b[7] = 0
                acc.add(key, DossierTally(lanes: c.a, b))
            }
        }
    }

    private func grown(_ s: Int, _ m: Int) -> UnsafeMutablePointer<Cell> {
        let old = series[s]
        let low = min(old.low, m - Self.margin)
        let high = max(old.low + old.count, m + Self.margin + 1)
        let offset = allocate(high - low)
        (cells + offset + (old.low - low)).update(from: cells + old.offset, count: old.count)
        series[s] = Series(key: old.key, low: low, count: high - low, offset: offset)
        return cells + (offset + m - low)
    }

    /// `n` zeroed cells at the end; returns their offset.
    private func allocate(_ n: Int) -> Int {
        if used + n > capacity {
            var c = capacity
            while used + n > c { c *= 2 }
            let bigger = UnsafeMutablePointer<Cell>.allocate(capacity: c)
            bigger.moveInitialize(from: cells, count: used)
            cells.deallocate()
            cells = bigger
            capacity = c
        }
        (cells + used).initialize(repeating: Cell(), count: n)
        used += n
        return used - n
    }

    private func rehash() {
        let n = slots.count * 2
        slots = Array(repeating: 0, count: n)
        indexes = Array(repeating: 0, count: n)
        for (s, entry) in series.enumerated() {
            let p = DossierAccumulator.pack(entry.key) & ((1 << 40) - 1)
            var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 44) & (n - 1)
            while slots[i] != 0 { i = (i + 1) & (n - 1) }
            slots[i] = p &+ 1
            indexes[i] = Int32(s)
        }
    }
}
