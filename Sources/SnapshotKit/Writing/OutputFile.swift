import CByteScan
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file `gen` writes, which appears under its name only when complete (a watching dashboard
/// never reads half a file) and leaves nothing behind when the run is stopped: it is written
/// with no name (Linux's O_TMPFILE) and linked in at the end, so SIGINT, SIGTERM, SIGKILL or a
/// full disk leave no temporary file. Where the filesystem has no unnamed files, it is written
/// under a hidden temporary name that is removed on failure and on SIGINT, SIGTERM and SIGHUP.
public final class OutputFile {
    public let path: String
    private let fd: Int32
    /// The temporary name, when the file has one (the fallback) or while it is being renamed.
    private var temporary: String?
    private var slot: Int32 = -1
    private var published = false

    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        var fd = access("/proc/self/fd", X_OK) == 0 ? cds_open_unnamed(directory.isEmpty ? "." : directory) : -1
        if fd < 0 {
            let name = Self.temporaryName(path)
            fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Self.error(errno, path) }
            temporary = name
            slot = cds_temp_register(name)
        }
        self.fd = fd
    }

    deinit {
        close(fd)
        if !published, let t = temporary { unlink(t) }
        cds_temp_forget(slot)
    }

    /// `.name.tmp-PID` beside `path`.
    static func temporaryName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    }

    static func error(_ code: Int32, _ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
    }

    /// Appends `bytes` (all of them, or an error: a full disk is one).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Self.error(n < 0 ? errno : ENOSPC, path) }
            done += n
        }
    }

    /// Where the file can be read while it has no name (`/proc/self/fd/N`), or its temporary name.
    public var readable: (directory: String, name: String) {
        if let t = temporary { return ((t as NSString).deletingLastPathComponent, (t as NSString).lastPathComponent) }
        return ("/proc/self/fd", String(fd))
    }

    /// Gives the file its name, replacing any file there in one step (rename).
    public func publish() throws {
        if temporary == nil {
            // Linked under a temporary name first: a link cannot replace a file, a rename can.
            let name = Self.temporaryName(path)
            slot = cds_temp_register(name)
            unlink(name)
            guard fchmod(fd, 0o666 & ~Self.umask) == 0, cds_link_unnamed(fd, name) == 0 else {
                let code = errno
                cds_temp_forget(slot)
                throw Self.error(code, path)
            }
            temporary = name
        }
        guard let t = temporary, rename(t, path) == 0 else { throw Self.error(errno, path) }
        published = true
        cds_temp_forget(slot)
        slot = -1
    }

    /// The process's file-creation mask (read without changing it for good).
    static var umask: mode_t {
        let m = Glibc.umask(0o022)
        _ = Glibc.umask(m)
        return m
    }

    /// `data` written to `path` as one complete file.
    public static func write(_ data: Data, to path: String) throws {
        let f = try OutputFile(path: path)
        try data.withUnsafeBytes { try f.write($0) }
        try f.publish()
    }
}
