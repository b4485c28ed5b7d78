#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A large file read a window at a time into one reused buffer, so that memory does not grow
/// with the file and no page is faulted in twice. A window always ends after a line break
/// (or at the end of the file); a record cut by the window is carried to the next one.
final class ChunkStream: @unchecked Sendable {
    let fd: Int32
    let file: String
    let size: Int
    /// Next file offset to read, and where reading stops (a part of the file, or its size).
    private var next: Int
    private let stop: Int
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var filled = 0
    private(set) var eof = false
    /// End of the usable window: just after the last line break read (or `filled` at EOF).
    private(set) var limit = 0
    static let maxRecordBytes = 256 << 20

    /// Streams `range` of the file (all of it by default); `fd` is owned and closed.
    init(fd: Int32, file: String, size: Int, range: Range<Int>? = nil, window: Int = 8 << 20) {
        self.fd = fd
        self.file = file
        self.size = size
        next = range?.lowerBound ?? 0
        stop = range?.upperBound ?? size
        capacity = window
        base = .allocate(capacity: window)
    }

    deinit {
        base.deallocate()
        close(fd)
    }

    /// File offset of the first byte of the current window.
    var consumedBeforeWindow: Int { next - filled }

    /// A `ByteBuffer` view of the current window (not owning the memory).
    var view: ByteBuffer { ByteBuffer(borrowing: base, count: filled) }

    /// Keeps the bytes from `keep` on, moves them to the front and reads more, until the
    /// window holds a line break after `minimum` bytes or the file ends.
    func refill(keepingFrom keep: Int, needMoreThan minimum: Int = 0) throws(SnapshotIssue) {
        let rest = filled - keep
        if keep > 0, rest > 0 { memmove(base, base + keep, rest) }
        filled = max(rest, 0)
        while !eof {
            if filled == capacity {
                guard capacity < ChunkStream.maxRecordBytes else {
                    throw SnapshotIssue(file: file, line: nil, message: "a record longer than \(ChunkStream.maxRecordBytes >> 20) MB")
                }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.initialize(from: base, count: filled)
                base.deallocate()
                base = bigger
                capacity *= 2
            }
            let want = min(capacity - filled, stop - next)
            let n = want > 0 ? pread(fd, base + filled, want, off_t(next)) : 0
            if n > 0 { filled += n; next += n }
            else if n == 0 && want > 0 {
                // Fewer bytes than the size we started from: someone is rewriting the file in
                // place. Refuse this read; the watcher sees the write and loads the next version.
                throw SnapshotIssue(file: file, line: nil,
                                    message: "the file shrank while it was being read (\(stop) bytes expected, \(next) read): it is being rewritten in place")
            }
            else if n == 0 { eof = true }
            else if errno != EINTR { throw SnapshotIssue(file: file, line: nil, message: ByteBuffer.describe(errno: errno)) }
            if let nl = lastLineBreak(), nl >= minimum { limit = nl + 1; return }
        }
        limit = filled
    }

    private func lastLineBreak() -> Int? {
        guard filled > 0 else { return nil }
        var i = filled - 1
        while i >= 0 { if base[i] == 0x0A { return i }; i -= 1 }
        return nil
    }
}
