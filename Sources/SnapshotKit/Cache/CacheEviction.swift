import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

extension SharedSnapshotCache {
    /// Removes all but the newest `keep` entries (and those written in the last minute), with
    /// their locks when no one holds them, and temporary files left by a writer that died.
    ///
    /// Only what the cache wrote is removed, whatever else the directory holds (it may be a
    /// directory of other files, such as `~/.cache` itself): files of this account named as an
    /// entry is (`CacheFile.entryVersion`) that begin with an entry's header of that version,
    /// and temporary files named as the cache names them, ten minutes old.
    func evict(except current: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let now = Date().timeIntervalSince1970
        var entries: [(path: String, mtime: Double)] = []
        for n in names {
            let p = directory + "/" + n
            var st = stat()
            guard lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid() else { continue }
            let mtime = Double(st.st_mtim.tv_sec)
            if CacheFile.isTemporaryName(n), now - mtime > 600 { unlink(p) }
            if p != current, let v = CacheFile.entryVersion(name: n), CacheFile.hasEntryHeader(p, nameVersion: v) {
                entries.append((p, mtime))
            }
        }
        entries.sort { $0.mtime > $1.mtime }
        for (k, e) in entries.enumerated() where k >= keep - 1 && now - e.mtime > 60 {
            let lockPath = String(e.path.dropLast(".snapshot".count)) + ".lock"
            if let held = KeyLock.acquire(lockPath, waitLimit: 0, create: false, account: account) {
                unlink(e.path)
                held.remove()
            } else {
                unlink(e.path)
            }
        }
    }
}
