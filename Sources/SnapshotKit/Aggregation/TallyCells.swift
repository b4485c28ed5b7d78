import Foundation

/// A cube's cells, read-only once made: in memory this process owns, or read in place from a
/// mapped cache file, so that every viewer of one export shares one copy of its pages
/// (`SharedSnapshotCache`).
struct TallyCells: @unchecked Sendable, Equatable {
    // Unchecked: the memory behind `base` is never written after `init`, and `owner` keeps it alive.
    private let base: UnsafePointer<DossierTally>?
    let count: Int
    /// An `OwnedCells` or the mapping the cells lie in.
    private let owner: AnyObject?

    init(_ cells: [DossierTally]) {
        let owned = OwnedCells(cells)
        base = UnsafePointer(owned.pointer)
        count = cells.count
        owner = owned
    }

    /// `count` cells at `start` (aligned for `DossierTally`) inside memory `owner` keeps alive.
    init(start: UnsafeRawPointer, count: Int, owner: AnyObject) {
        // A trap on purpose (misaligned loads are undefined): the cache's reader only makes
        // cells at aligned offsets of a page-aligned mapping (`CacheFile.read`), whatever the file says.
        precondition(Int(bitPattern: start) % MemoryLayout<DossierTally>.alignment == 0, "misaligned cells")
        base = start.assumingMemoryBound(to: DossierTally.self)
        self.count = count
        self.owner = owner
    }

    subscript(_ i: Int) -> DossierTally {
        // A trap on purpose (past the end is other memory): the cube checks its indexes first,
        // and the cache's reader checks a cube's sizes against its cells (`DossierCube` decoding).
        precondition(i >= 0 && i < count, "cell index out of range")
        return base![i]
    }

    /// The cells' bytes, as the cache writes them.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<DossierTally>.stride)
    }

    /// Whether the cells are read in place from a mapped file.
    var isMapped: Bool { mapping != nil }

    /// The mapped file the cells lie in, if they are read in place.
    var mapping: MappedFile? { owner as? MappedFile }

    static func == (a: TallyCells, b: TallyCells) -> Bool {
        // DossierTally is whole numbers only: equal bytes are equal tallies.
        a.count == b.count && (a.count == 0 || memcmp(a.base!, b.base!, a.bytes.count) == 0)
    }
}

/// Cells allocated by this process, freed with the last cube that reads them.
private final class OwnedCells {
    let pointer: UnsafeMutablePointer<DossierTally>
    init(_ cells: [DossierTally]) {
        pointer = .allocate(capacity: max(cells.count, 1))
        cells.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: cells.count) }
    }
    deinit { pointer.deallocate() }
}
