import CMapGuard
import CSHA256
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A file mapped read-only, unmapped with the last snapshot that reads from it; guarded against
/// being cut short and able to tell whether its cells still hold what was read.
///
/// A cache entry is never changed once renamed into place, but its owner (or root) can still
/// cut it short or write into it while viewers map it:
/// - **Cut short**: reading a page past the new end raises SIGBUS. The mapping is registered
///   with the map guard (`CMapGuard`), whose handler maps zero pages over it: the viewer reads
///   zeros instead of dying, and `damage` says so.
/// - **Written into**: `damage` computes the cells' CRC-32C again and compares it with the one
///   they were read with.
/// The viewer asks `damage` when the guard's pipe or an inotify watch on the entry says that
/// something happened, and loads the export again when it is damaged.
///
/// Why not copy what is read instead (no SIGBUS, nothing to check again): the cells are
/// what sixty viewers share: 50.3 MB of the Tuyên Quang sample's 52 MB entry, which a copy
/// would add to each viewer's 9.3–9.5 MB (PSS). The guard costs a signal handler, one slot of
/// a table and, on a change only, one pass of CRC-32C over the cells (9 ms for those 50.3 MB).
final class MappedFile: @unchecked Sendable {
    // Unchecked: the mapping is read-only and lives until deinit; `sealed` and `identity` are
    // set by the reader before the file is shared with any other thread.
    let bytes: UnsafeRawBufferPointer
    private let slot: Int32
    /// The cells' span in the file and their CRC-32C as read.
    private var sealed: (range: Range<Int>, crc: UInt32)?
    /// Where the file was read from, and its device, inode and change time then.
    private(set) var identity: (path: String, device: UInt64, inode: UInt64, changed: timespec)?

    /// Maps `size` bytes of `fd`; nil when it cannot be mapped or guarded (then it is not read in place).
    init?(fd: Int32, size: Int) {
        // Again at every mapping: a handler installed since (the crash guard) goes behind it.
        cds_mapguard_install()
        guard size > 0, let p = mmap(nil, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0), p != MAP_FAILED else { return nil }
        let s = cds_mapguard_add(p, size)
        guard s >= 0 else {
            munmap(p, size)
            return nil
        }
        slot = s
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit {
        cds_mapguard_remove(slot)
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Whether a page was found missing (the file cut short): the mapping reads zeros since.
    var isCutShort: Bool { cds_mapguard_damaged(slot) != 0 }

    /// Remembers the cells' span and checksum as read, and the file's identity.
    func seal(cells: Range<Int>, crc: UInt32, path: String, stat st: stat) {
        sealed = (cells, crc)
        identity = (path, UInt64(st.st_dev), UInt64(st.st_ino), st.st_ctim)
    }

    /// Why the cells no longer hold what was read (cut short, or written into), or nil.
    func damage() -> String? {
        if isCutShort { return "cut short under this viewer" }
        guard let (range, crc) = sealed, let base = bytes.baseAddress else { return nil }
        let now = cds_crc32c_chunked(base.assumingMemoryBound(to: UInt8.self) + range.lowerBound, range.count)
        // The pass itself may have reached a page past a new end.
        if isCutShort { return "cut short under this viewer" }
        return now == crc ? nil : "written into under this viewer (its checksum differs from what was read)"
    }

    /// The guard's pipe: readable after it caught a SIGBUS in a mapping.
    static var wakeDescriptor: Int32 {
        cds_mapguard_install()
        return cds_mapguard_wake_fd()
    }

    /// Empties the guard's pipe.
    static func drainWake() { cds_mapguard_drain() }
}
