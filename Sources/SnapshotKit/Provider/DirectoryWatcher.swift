import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Watches a snapshot directory for changes: inotify on Linux (IN_CLOSE_WRITE, IN_MOVED_TO,
/// IN_DELETE… on the directory itself, since exporters replace files by rename), or, when
/// inotify is not available, a comparison of names, sizes and mtimes every `pollInterval`.
public final class DirectoryWatcher {
    public let directory: String
    public private(set) var inotifyFD: Int32 = -1
    private var watch: Int32 = -1
    public let pollInterval: Double
    private var lastSignature: String
    private var nextPoll: Double?

    public init(directory: String, useInotify: Bool = true, pollInterval: Double = 2.0) {
        self.directory = directory
        self.pollInterval = pollInterval
        lastSignature = DirectoryWatcher.signature(of: directory)
        if useInotify {
            inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        }
        if inotifyFD >= 0 { addWatch() }
        if inotifyFD < 0 || watch < 0 { nextPoll = monotonicNow() + pollInterval }
    }

    deinit { if inotifyFD >= 0 { close(inotifyFD) } }

    private func addWatch() {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                          | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        watch = inotify_add_watch(inotifyFD, directory, mask)
    }

    /// The time of the next poll, when polling (or waiting for the directory to come back).
    public var deadline: Double? { nextPoll }

    /// Drains inotify events; returns true when something in the directory changed.
    public func drain() -> Bool {
        guard inotifyFD >= 0 else { return false }
        var changed = false
        var lost = false
        let size = 64 * 1024
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buf.deallocate() }
        while true {
            let n = read(inotifyFD, buf, size)
            if n <= 0 { break }
            var off = 0
            while off < n {
                let ev = buf.load(fromByteOffset: off, as: inotify_event.self)
                if ev.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 { lost = true }
                changed = true
                off += MemoryLayout<inotify_event>.size + Int(ev.len)
            }
        }
        if lost {
            // The directory itself went away: poll until it is back, then watch it again.
            if watch >= 0 { inotify_rm_watch(inotifyFD, watch) }
            watch = -1
            nextPoll = monotonicNow() + 0.5
        }
        return changed
    }

    /// At a poll deadline: returns true when the directory looks different.
    public func poll(now: Double) -> Bool {
        guard let due = nextPoll, now >= due else { return false }
        if inotifyFD >= 0, watch < 0 {
            addWatch()
            if watch >= 0 { nextPoll = nil; lastSignature = DirectoryWatcher.signature(of: directory); return true }
            nextPoll = now + 0.5
            return false
        }
        nextPoll = now + pollInterval
        let sig = DirectoryWatcher.signature(of: directory)
        if sig != lastSignature { lastSignature = sig; return true }
        return false
    }

    /// Names, sizes and modification times of the files in the directory.
    static func signature(of dir: String) -> String {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return "-" }
        var parts: [String] = []
        for n in names.sorted() where !n.hasPrefix(".") {
            var st = stat()
            if stat(dir + "/" + n, &st) == 0 {
                parts.append("\(n):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
            }
        }
        return parts.joined(separator: "|")
    }
}
