import CByteScan

/// A fixed-size set of 64-bit hashes that several threads insert into at once (lock-free,
/// compare-and-swap per slot), for finding duplicate dossier IDs while both halves of a file
/// are read on two cores. 8 bytes per expected row, allocated once; it never grows, so when
/// the estimate was too low `insert` answers `.full` and the caller checks duplicates again
/// the slow way.
final class ConcurrentHashSet64: @unchecked Sendable {
    enum Outcome { case inserted, duplicate, full }
    private let table: UnsafeMutablePointer<UInt64>
    private let slots: UInt64

    /// Room for `expected` values at a load factor of at most 0.7.
    init(expected: Int) {
        slots = UInt64(max(1024, expected * 10 / 7))
        table = .allocate(capacity: Int(slots))
        table.initialize(repeating: 0, count: Int(slots))
    }

    deinit { table.deallocate() }

    @inline(__always)
    private func slot(_ v: UInt64) -> UInt64 { v.multipliedFullWidth(by: slots).high }

    /// Starts loading the slot `value` will probe first, so that `insert` later finds it in cache.
    @inline(__always)
    func prefetch(_ value: UInt64) { cds_prefetch(table + Int(slot(value == 0 ? 1 : value))) }

    @inline(__always)
    func insert(_ value: UInt64) -> Outcome {
        let v = value == 0 ? 1 : value
        switch cds_concurrent_insert64(table, slots, slot(v), v, 4096) {
        case 1: return .inserted
        case 0: return .duplicate
        default: return .full
        }
    }
}
