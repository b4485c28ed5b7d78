#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The bytes of one file, read with large `read(2)` calls into one allocation.
///
/// The CSV reader scans these bytes in place, so no `String` is made for a field that is
/// not kept. The buffer is immutable once read, so it may be shared between threads.
public final class ByteBuffer: @unchecked Sendable {
    public let base: UnsafeMutablePointer<UInt8>
    public let count: Int
    private let owns: Bool

    /// A view of memory someone else owns and frees (a window of a `ChunkStream`).
    init(borrowing base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        owns = false
    }

    public init(bytes: [UInt8]) {
        owns = true
        count = bytes.count
        base = .allocate(capacity: max(count, 1))
        bytes.withUnsafeBufferPointer { src in
            if let p = src.baseAddress { base.initialize(from: p, count: count) }
        }
    }

    /// Reads a whole regular file. Throws `SnapshotIssue` (file-level) on any failure.
    public init(contentsOf path: String, displayName: String, maxBytes: Int = 8 << 30) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SnapshotIssue(file: displayName, line: nil, message: ByteBuffer.describe(errno: errno))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw SnapshotIssue(file: displayName, line: nil, message: ByteBuffer.describe(errno: errno))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw SnapshotIssue(file: displayName, line: nil, message: "not a regular file")
        }
        let expected = Int(st.st_size)
        guard expected <= maxBytes else {
            throw SnapshotIssue(file: displayName, line: nil, message: "file too large (\(expected) bytes)")
        }
        // One byte more than the size, so that reading a file that did not grow ends with a
        // read of 0 bytes instead of doubling the buffer to look for more.
        var capacity = expected + 1
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var filled = 0
        while true {
            if filled == capacity {
                // The file grew while we read it: keep reading, but within the limit.
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.initialize(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
                if capacity > maxBytes * 2 {
                    buffer.deallocate()
                    throw SnapshotIssue(file: displayName, line: nil, message: "file keeps growing while read")
                }
            }
            let n = read(fd, buffer + filled, min(capacity - filled, 1 << 24))
            if n > 0 { filled += n; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            let message = ByteBuffer.describe(errno: errno)
            buffer.deallocate()
            throw SnapshotIssue(file: displayName, line: nil, message: message)
        }
        base = buffer
        count = filled
        owns = true
    }

    deinit { if owns { base.deallocate() } }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "file not found"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many symbolic links"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }
}
