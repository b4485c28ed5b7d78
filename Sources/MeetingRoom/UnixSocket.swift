import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few socket calls a room makes, non-blocking and close-on-exec, on Unix stream sockets.
enum UnixSocket {
    enum Outcome { case done(Int), wouldBlock, closed }

    /// `sockaddr_un` for `path`; nil when the path is too long for one.
    static func address(_ path: String) -> sockaddr_un? {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        return addr
    }

    static func make() -> Int32 { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }

    /// A connected socket, or nil (nobody listening, no such file, the backlog full).
    static func connect(_ path: String) -> Int32? {
        guard var addr = address(path) else { return nil }
        let fd = make()
        guard fd >= 0 else { return nil }
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard r == 0 else { close(fd); return nil }
        return fd
    }

    /// A listening socket at `path` (which must not exist), or why not.
    static func listen(_ path: String, mode: mode_t) -> Result<Int32, RoomError> {
        guard var addr = address(path) else { return .failure(.socket(path, "path too long for a Unix socket")) }
        let fd = make()
        guard fd >= 0 else { return .failure(.socket(path, String(cString: strerror(errno)))) }
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard r == 0, chmod(path, mode) == 0, Glibc.listen(fd, 64) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            return .failure(.socket(path, why))
        }
        return .success(fd)
    }

    static func accept(_ listener: Int32) -> Int32? {
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        // (accept4 is not in Glibc's Swift module.)
        guard fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 else { close(fd); return nil }
        return fd
    }

    /// Sends what it can without waiting (never SIGPIPE).
    static func send(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Outcome {
        let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL)) }
        if n >= 0 { return .done(n) }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .closed
    }

    /// Reads what is there, up to `max` bytes; `.done(0)` never: the end of the stream is `.closed`.
    static func receive(_ fd: Int32, into buffer: inout [UInt8], max: Int = 16384) -> Outcome {
        var chunk = [UInt8](repeating: 0, count: max)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, max, Int32(MSG_DONTWAIT)) }
        if n > 0 { buffer += chunk.prefix(n); return .done(n) }
        if n < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        return .closed
    }
}
