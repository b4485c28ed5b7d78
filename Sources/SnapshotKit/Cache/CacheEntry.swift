import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The shared cache's entry a snapshot's cells are read from in place: where it lies, and
/// whether it still holds what was read (an entry cut short or written into under a viewer:
/// see `MappedFile`).
public struct MappedCacheEntry: Sendable {
    let file: MappedFile

    /// The entry's path when it was read.
    public var path: String { file.identity?.path ?? "" }

    /// Why the entry no longer holds what was read from it, or nil while it does. Computes the
    /// cells' checksum again: call it when something says the entry changed, not per frame.
    public func damage() -> String? { file.damage() }

    /// Whether the file at `path` is still the one read (a watch by name then watches it).
    public var isAtPath: Bool { atPath() != nil }

    /// Whether the file at `path` is the one read, and changed (written, cut short, its mode
    /// changed) since: what a viewer without inotify looks at when it polls.
    public var changedSinceRead: Bool {
        guard let id = file.identity, let st = atPath() else { return false }
        return st.st_ctim.tv_sec != id.changed.tv_sec || st.st_ctim.tv_nsec != id.changed.tv_nsec
    }

    private func atPath() -> stat? {
        guard let id = file.identity else { return nil }
        var st = stat()
        guard lstat(id.path, &st) == 0, UInt64(st.st_dev) == id.device, UInt64(st.st_ino) == id.inode else { return nil }
        return st
    }

    /// Readable when a mapped entry was found cut short (the map guard's pipe; see `drainWake`).
    public static var wakeDescriptor: Int32 { MappedFile.wakeDescriptor }

    /// Empties the pipe of `wakeDescriptor`.
    public static func drainWake() { MappedFile.drainWake() }
}

extension Snapshot {
    /// The cache entry whose mapping holds this snapshot's cells; nil for a snapshot loaded in
    /// this process.
    public var cacheEntry: MappedCacheEntry? { dossiers.totals.mapping.map(MappedCacheEntry.init) }
}
