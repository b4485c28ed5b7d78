import CByteScan

/// A fixed-size set of 64-bit hashes that several threads insert into at once (lock-free,
/// compare-and-swap per slot), for finding suspected duplicate dossier IDs while the parts of a
/// file are read on all cores. `.duplicate` means an equal hash, not an equal ID: the caller
/// compares the IDs themselves before reporting one. 8 bytes per expected row at most 70% full, allocated once; it never
/// grows, so when the estimate was too low `insert` answers `.full` and the caller checks
/// duplicates again the slow way.
final class ConcurrentHashSet64: @unchecked Sendable {
    private let table: UnsafeMutablePointer<UInt64>
    private let slots: UInt64

    private let huge: Bool

    init(expected: Int) {
        slots = UInt64(max(1024, expected * 10 / 7))
        if let p = cds_alloc_table(Int(slots) * 8) {
            table = p.bindMemory(to: UInt64.self, capacity: Int(slots))   // zeroed by the kernel
            huge = true
        } else {
            table = .allocate(capacity: Int(slots))
            table.initialize(repeating: 0, count: Int(slots))
            huge = false
        }
    }

    deinit {
        if huge { cds_free_table(table, Int(slots) * 8) } else { table.deallocate() }
    }

    /// The table as a plain value for hot loops: using the object itself from two threads
    /// would make them fight over its reference count. Valid while the set lives.
    var access: Access { Access(table: table, slots: slots) }

    struct Access {
        enum Outcome { case inserted, duplicate, full }
        let table: UnsafeMutablePointer<UInt64>
        let slots: UInt64

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
}
