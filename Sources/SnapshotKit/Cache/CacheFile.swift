import CSHA256
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// One cache entry on disk: a 128-byte header, the records, then the cubes' cells in blocks
/// aligned to 64 bytes, so that a reader maps the file and reads the cells in place.
///
/// Header (little-endian): magic `CDSBCACH`, format version, `DossierTally`'s stride, the key
/// (32 bytes), records offset and length, cells offset and length, the chunked CRC-32C
/// (`cds_crc32c_chunked`) of the records and of the cells, the CRC-32C of the header before it.
/// A file that is short, foreign (another magic, version, layout or key), whose checksums differ
/// or whose cells hold a count no export can have (beyond ±2³², what the parsers' 32-bit
/// lanes hold; checked in the checksum's pass) is not read.
enum CacheFile {
    static let magic: [UInt8] = Array("CDSBCACH".utf8)
    /// Bumped whenever what `SnapshotEncoding` writes changes.
    static let version: UInt32 = 5
    static let headerSize = 128
    static let alignment = 64
    /// The largest count a cell may hold (in either sign).
    static let cellLimit: UInt64 = 1 << 32
    /// Larger files are not mapped (a full disk of garbage cannot be read as a snapshot).
    static let maximumBytes = 8 << 30

    enum ReadError: Error, Equatable, CustomStringConvertible {
        case absent
        case foreign(String)
        case corrupt(String)
        var description: String {
            switch self {
            case .absent: return "absent"
            case .foreign(let why): return "foreign (\(why))"
            case .corrupt(let why): return "corrupt (\(why))"
            }
        }
    }

    /// The bytes of an entry for `outcome` under `key`: header and records, then each cell block
    /// at its aligned offset (written by `write` without copying the cells).
    static func layout(_ outcome: LoadOutcome, key: [UInt8]) -> (head: [UInt8], blocks: [(offset: Int, cells: TallyCells)], total: Int) {
        var w = CacheWriter()
        w.put(outcome)
        let recordsOffset = headerSize
        var at = align(recordsOffset + w.bytes.count)
        let cellsOffset = at
        var blocks: [(Int, TallyCells)] = []
        for c in w.cells {
            blocks.append((at, c))
            at = align(at + c.bytes.count)
        }
        var head = [UInt8](repeating: 0, count: headerSize)
        put(magic, at: 0, in: &head)
        put(version, at: 8, in: &head)
        put(UInt32(MemoryLayout<DossierTally>.stride), at: 12, in: &head)
        put(key, at: 16, in: &head)
        put(UInt64(recordsOffset), at: 48, in: &head)
        put(UInt64(w.bytes.count), at: 56, in: &head)
        put(UInt64(cellsOffset), at: 64, in: &head)
        put(UInt64(at - cellsOffset), at: 72, in: &head)
        head += w.bytes
        head += [UInt8](repeating: 0, count: cellsOffset - head.count)
        return (head, blocks, at)
    }

    /// Writes the entry to `path` through a new temporary file renamed over it: a reader sees
    /// the old entry, the new one or none, never part of one.
    ///
    /// A file size limit (`ulimit -f`) below the entry's size is "cannot cache" (EFBIG), not
    /// death by SIGXFSZ: that signal is ignored from the first write on (a write past the limit
    /// then fails with EFBIG, everywhere in the process, which every writer handles as an error).
    static func write(_ outcome: LoadOutcome, key: [UInt8], to path: String) -> Int32? {
        signal(SIGXFSZ, SIG_IGN)
        let (head, blocks, total) = layout(outcome, key: key)
        let dir = (path as NSString).deletingLastPathComponent
        let temp = dir + "/" + temporaryName()
        let fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return errno }
        var ok = ftruncate(fd, off_t(total)) == 0 && pwriteAll(fd, head, at: 0)
        for (offset, cells) in blocks where ok { ok = pwriteAll(fd, cells.bytes, at: offset) }
        // The checksums, of the file as written (read back from the page cache), then the header's.
        if ok, let map = MappedFile(fd: fd, size: total), let start = map.bytes.baseAddress {
            var header = Array(head[0..<headerSize])
            let base = start.assumingMemoryBound(to: UInt8.self)
            let cellsAt = blocks.first?.offset ?? total
            put(cds_crc32c_chunked(base + headerSize, cellsAt - headerSize), at: 80, in: &header)
            put(cds_crc32c_chunked(base + cellsAt, total - cellsAt), at: 84, in: &header)
            put(cds_crc32c(0, header, 88), at: 88, in: &header)
            // Read-only once written: entries are replaced by rename, never changed in place (a
            // viewer maps it and reads its cells there). A file cut short meanwhile read as
            // zeros (the map guard): its checksums would be of zeros.
            ok = !map.isCutShort && pwriteAll(fd, header, at: 0) && fchmod(fd, 0o400) == 0
            if map.isCutShort { errno = EIO }
        } else {
            ok = false
        }
        let failure = ok ? 0 : (errno == 0 ? EIO : errno)
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let e = ok ? errno : failure
            unlink(temp)
            return e == 0 ? EIO : e
        }
        return nil
    }

    /// The entry at `path` under `key`, checked and read; its cells stay in the mapping.
    /// `datasets`: the kinds the entry's values are read as (those of the options it was made with).
    static func read(_ path: String, key: [UInt8], datasets: DatasetRegistry = .standard) -> Result<LoadOutcome, ReadError> {
        // Non-blocking: a FIFO planted at the path must not hold the viewer until someone writes.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .absent : .foreign("cannot open: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.foreign("not a regular file")) }
        // Written by this account (or by root for everyone): another account's file is not trusted.
        guard st.st_uid == geteuid() || st.st_uid == 0 else { return .failure(.foreign("owned by uid \(st.st_uid)")) }
        let size = Int(st.st_size)
        guard size >= headerSize, size <= maximumBytes else { return .failure(.corrupt("\(size) bytes")) }
        guard let map = MappedFile(fd: fd, size: size), let start = map.bytes.baseAddress else {
            return .failure(.corrupt("cannot be mapped"))
        }
        let b = map.bytes
        let base = start.assumingMemoryBound(to: UInt8.self)
        func u32(_ at: Int) -> UInt32 { b.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian }
        func u64(_ at: Int) -> Int { Int(truncatingIfNeeded: b.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian) }
        guard b.prefix(8).elementsEqual(magic) else { return .failure(.foreign("not a cdsboard cache file")) }
        guard cds_crc32c(0, base, 88) == u32(88) else {
            return .failure(.corrupt("header checksum"))
        }
        guard u32(8) == version, u32(12) == UInt32(MemoryLayout<DossierTally>.stride) else {
            return .failure(.foreign("format \(u32(8)), another version of cdsboard"))
        }
        guard b[16..<48].elementsEqual(key) else { return .failure(.foreign("another export's key")) }
        let recordsAt = u64(48), recordsCount = u64(56), cellsAt = u64(64), cellsCount = u64(72)
        // Each length is compared with what is left before any sum (a lying one must not overflow);
        // the writer pads the file to the alignment, so every cell block starts aligned.
        guard recordsAt == headerSize, recordsCount >= 0, recordsCount <= size - recordsAt, cellsAt >= recordsAt + recordsCount,
              cellsAt % alignment == 0, size % alignment == 0, cellsCount >= 0, cellsAt <= size, cellsCount == size - cellsAt
        else { return .failure(.corrupt("section bounds")) }
        guard cds_crc32c_chunked(base + headerSize, cellsAt - headerSize) == u32(80) else { return .failure(.corrupt("checksum")) }
        var outside: UInt64 = 0
        let cellsCRC = cds_crc32c_chunked_within(base + cellsAt, size - cellsAt, cellLimit, &outside)
        // Cut short while it was read: what was checked is zeros.
        guard !map.isCutShort else { return .failure(.corrupt("cut short while it was read")) }
        guard cellsCRC == u32(84) else { return .failure(.corrupt("checksum")) }
        guard outside == 0 else { return .failure(.corrupt("a count beyond what an export holds")) }
        // What `damage` compares with when the viewer is told that the file changed.
        map.seal(cells: cellsAt..<size, crc: cellsCRC, path: path, stat: st)
        // Cell blocks follow one another from `cellsAt`, each aligned, in the order the records name them.
        do {
            var cursor = cellsAt, next = 0
            var r = CacheReader(records: UnsafeRawBufferPointer(rebasing: b[recordsAt..<(recordsAt + recordsCount)])) { block, count in
                let stride = MemoryLayout<DossierTally>.stride
                // No sum here can overflow: `cursor` ≤ `size` (8 GiB at most) and `count × stride`
                // ≤ `size − cursor`; `cursor` stays aligned (the file's size is a multiple of
                // the alignment), which `TallyCells` requires.
                guard block == next, count >= 0, count <= (size - cursor) / stride else { return nil }
                let cells = TallyCells(start: start + cursor, count: count, owner: map)
                cursor = min(align(cursor + count * stride), size)
                next += 1
                return cells
            }
            r.datasets = datasets
            let outcome = try r.get(LoadOutcome.self)
            guard r.isAtEnd, cursor == size else { return .failure(.corrupt("records and cells do not match")) }
            return .success(outcome)
        } catch {
            return .failure(.corrupt(error.description))
        }
    }

    /// Makes an edited entry's checksums right again (tests and the fuzz target craft entries
    /// whose records lie, to see them refused for what they say, not for a checksum).
    static func reseal(_ b: inout [UInt8]) {
        guard b.count >= headerSize else { return }
        let said = Int(truncatingIfNeeded: b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 64, as: UInt64.self).littleEndian })
        let cellsAt = min(max(said, headerSize), b.count)
        b.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }   // not empty: at least a header
            let records = cds_crc32c_chunked(base + headerSize, cellsAt - headerSize)
            let cells = cds_crc32c_chunked(base + cellsAt, p.count - cellsAt)
            withUnsafeBytes(of: records.littleEndian) { for (k, x) in $0.enumerated() { p[80 + k] = x } }
            withUnsafeBytes(of: cells.littleEndian) { for (k, x) in $0.enumerated() { p[84 + k] = x } }
            let head = cds_crc32c(0, base, 88)
            withUnsafeBytes(of: head.littleEndian) { for (k, x) in $0.enumerated() { p[88 + k] = x } }
        }
    }

    /// An entry's name without its suffix: `cdsboard-v<version>-<32 hex digits of the key>`
    /// (`.snapshot` the entry, `.lock` its lock). Eviction deletes no other names.
    static func stem(key: [UInt8]) -> String {
        "cdsboard-v\(version)-" + key.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// A new temporary file's name: `.cdsboard-v<version>-tmp-<pid>-<random>`.
    static func temporaryName() -> String {
        ".cdsboard-v\(version)-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The format version an entry's name says (`cdsboard-v<N>-<32 hex>.snapshot`, of any version),
    /// 2 for the names before versions were in them (`<32 hex>.snapshot`, formats up to 3); nil
    /// for any other name.
    static func entryVersion(name: String) -> UInt32? {
        guard name.hasSuffix(".snapshot") else { return nil }
        let stem = name.dropLast(".snapshot".count)
        func isKey(_ s: Substring) -> Bool { s.utf8.count == 32 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } }
        if isKey(stem) { return 2 }
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "cdsboard", parts[1].hasPrefix("v"), isKey(parts[2]),
              let v = UInt32(parts[1].dropFirst()), String(v) == parts[1].dropFirst() else { return nil }
        return v
    }

    /// Whether `name` is a temporary file's (of any version).
    static func isTemporaryName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0] == ".cdsboard" && parts[1].hasPrefix("v") && parts[2] == "tmp"
            && UInt32(parts[1].dropFirst()) != nil && Int32(parts[3]) != nil && UInt32(parts[4]) != nil
    }

    /// Whether the file at `path` begins as an entry of a version its name allows does: the
    /// magic, then the version (`version` itself, or up to 3 for a name without one).
    static func hasEntryHeader(_ path: String, nameVersion: UInt32) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 12)
        guard pread(fd, &head, 12, 0) == 12, head.prefix(8).elementsEqual(magic) else { return false }
        let v = UInt32(head[8]) | UInt32(head[9]) << 8 | UInt32(head[10]) << 16 | UInt32(head[11]) << 24
        return nameVersion == 2 ? v <= 3 : v == nameVersion
    }

    static func align(_ n: Int) -> Int { (n + alignment - 1) / alignment * alignment }

    private static func put<T: FixedWidthInteger>(_ v: T, at: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { for (k, x) in $0.enumerated() { bytes[at + k] = x } }
    }

    private static func put(_ v: [UInt8], at: Int, in bytes: inout [UInt8]) {
        for (k, x) in v.enumerated() { bytes[at + k] = x }
    }

    private static func pwriteAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { pwriteAll(fd, $0, at: offset) }
    }

    private static func pwriteAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        guard let start = buffer.baseAddress else { return true }   // nothing to write
        while done < buffer.count {
            let n = pwrite(fd, start + done, buffer.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = EIO }
                return false
            }
            done += n
        }
        return true
    }
}
