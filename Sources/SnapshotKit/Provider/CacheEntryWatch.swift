import Foundation

/// Follows the shared cache's entry that the shown snapshot's cells are read from, and tells
/// when it no longer holds what was read (cut short or written into under the viewer), so that
/// the export is loaded again instead of showing zeros or other figures.
///
/// Told by an inotify watch on the entry (on the source's change signal) or, without
/// inotify, by its change time at each poll; and by the map guard's pipe when a read found a
/// page missing. Each of these only asks `MappedCacheEntry.damage`, which compares the cells'
/// checksum with the one read: nothing is done while nothing happens. Used from the run loop's
/// thread only.
final class CacheEntryWatch {
    private let watcher: ChangeSignal
    private(set) var entry: MappedCacheEntry?
    private var wd: Int32?

    init(watcher: ChangeSignal) { self.watcher = watcher }

    /// Follows `snapshot`'s entry instead of the one before (none for a snapshot loaded here).
    func follow(_ snapshot: Snapshot) {
        let next = snapshot.cacheEntry
        // The same file read again has the same watch (inotify gives one per inode).
        let nextWD = next.flatMap { $0.isAtPath ? watcher.watchFile($0.path) : nil }
        if let wd, wd != nextWD { watcher.unwatchFile(wd) }
        entry = next
        wd = nextWD
    }

    /// Whether something may have changed the entry: an event on its watch (`events` from the
    /// watcher), or, with no watch, a change time that differs from the one read.
    func touched(_ events: Set<Int32>) -> Bool {
        guard let entry else { return false }
        if let wd { return events.contains(wd) }
        return entry.changedSinceRead
    }

    /// Why the entry no longer holds what was read (then it is no longer followed), or nil.
    func damage() -> String? {
        guard let entry, let why = entry.damage() else { return nil }
        if let wd { watcher.unwatchFile(wd) }
        self.entry = nil
        wd = nil
        return "the cache entry \(entry.path) was \(why): its figures are dropped and the export is loaded again"
    }
}
