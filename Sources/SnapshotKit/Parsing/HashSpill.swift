import CByteScan
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every row's 64-bit ID hash written to temporary files, one per partition of the hashes, so
/// that repeated hashes are found one partition at a time with a set of bounded size: the
/// duplicate check of a file too large for the in-memory set, in memory that does not grow
/// with the rows.
///
/// The files are made in `$TMPDIR` (else `/tmp`) and unlinked at once, so nothing is left
/// behind whatever happens; the parts of a file read on several cores append to them at once
/// (`O_APPEND`: each `write` of whole hashes lands in one piece). Equal hashes always go to the
/// same partition (chosen by the top bits of the hash times an odd constant, so that hashes cut
/// to a few bits by a test mask spread as well). Writing fails softly: a writer that could not
/// write says so, and the caller checks the IDs another way.
final class HashSpill: @unchecked Sendable {
    /// Hashes each writer buffers per partition before a `write` (16 KB).
    static let block = 2048

    let partitions: Int
    private let shift: UInt64
    private let fds: UnsafeMutablePointer<Int32>

    /// Temporary files for `rows` hashes in partitions of about `rowsPerPartition`; nil when a
    /// file cannot be made in `directory`.
    init?(rows: Int, rowsPerPartition: Int, directory: String? = nil) {
        var n = 2
        while n < 256, n * max(rowsPerPartition, 1) < rows { n <<= 1 }
        let dir = directory ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var made: [Int32] = []
        for _ in 0..<n {
            // Unnamed where the filesystem allows; else named and unlinked at once.
            var fd = cds_open_unnamed(dir)
            if fd < 0 {
                var template = Array((dir + "/cdsboard-ids.XXXXXX").utf8CString)
                fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                if fd >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
            }
            guard fd >= 0 else {
                for f in made { close(f) }
                return nil
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND)
            made.append(fd)
        }
        partitions = n
        shift = UInt64(64 - n.trailingZeroBitCount)
        fds = .allocate(capacity: n)
        fds.initialize(from: made, count: n)
    }

    deinit {
        for k in 0..<partitions { close(fds[k]) }
        fds.deallocate()
    }

    /// A writer's buffers, owned apart from the hot loop (which uses `Writer`, a plain value).
    final class Buffers {
        let data: UnsafeMutablePointer<UInt64>
        let fill: UnsafeMutablePointer<Int>
        let failed: UnsafeMutablePointer<Bool>
        let writer: Writer

        init(_ spill: HashSpill) {
            data = .allocate(capacity: spill.partitions * HashSpill.block)
            fill = .allocate(capacity: spill.partitions)
            fill.initialize(repeating: 0, count: spill.partitions)
            failed = .allocate(capacity: 1)
            failed.initialize(to: false)
            writer = Writer(data: data, fill: fill, failed: failed, fds: spill.fds, shift: spill.shift,
                            partitions: spill.partitions)
        }

        deinit {
            data.deallocate()
            fill.deallocate()
            failed.deallocate()
        }
    }

    /// Appends hashes to the partitions' files through buffers of its own; one per thread.
    /// Valid while its `Buffers` and the spill live.
    struct Writer {
        let data: UnsafeMutablePointer<UInt64>
        let fill: UnsafeMutablePointer<Int>
        let failed: UnsafeMutablePointer<Bool>
        let fds: UnsafeMutablePointer<Int32>
        let shift: UInt64
        let partitions: Int

        /// Whether some hashes could not be written (the spill then misses them).
        var hasFailed: Bool { failed.pointee }

        @inline(__always)
        func append(_ hash: UInt64) {
            let p = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            let n = fill[p]
            data[p &* HashSpill.block &+ n] = hash
            fill[p] = n &+ 1
            if n &+ 1 == HashSpill.block { flush(p) }
        }

        /// Writes the hashes buffered for every partition; call once the rows are all appended.
        func flushAll() {
            for p in 0..<partitions where fill[p] > 0 { flush(p) }
        }

        private func flush(_ p: Int) {
            let bytes = fill[p] * 8
            let written = write(fds[p], data + p * HashSpill.block, bytes)
            if written != bytes { failed.pointee = true }
            fill[p] = 0
        }
    }

    /// The hashes written more than once (not those in `excluding`: known to be shared by
    /// different IDs only), a partition at a time; nil when a file could not be read back.
    func suspects(limit: Int, excluding: Set<UInt64>) -> DossierParsers.Suspects? {
        var found = DossierParsers.Suspects(limit: limit)
        let chunk = 8192
        let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        for p in 0..<partitions {
            let size = lseek(fds[p], 0, SEEK_END)
            guard size >= 0, size % 8 == 0 else { return nil }
            var seen = HashSet64(capacity: Int(size / 8))
            var offset: off_t = 0
            while offset < size {
                let n = pread(fds[p], buffer, chunk * 8, offset)
                guard n > 0, n % 8 == 0 else { return nil }
                for i in 0..<(n / 8) {
                    let h = buffer[i]
                    if !seen.insert(h), excluding.isEmpty || !excluding.contains(h) { found.add(h) }
                }
                offset += off_t(n)
            }
        }
        return found
    }
}
