import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Watches a snapshot directory for changes: inotify on Linux (IN_CLOSE_WRITE, IN_MOVED_TO,
/// IN_DELETE… on the directory itself, since exporters replace files by rename), or, when
/// inotify is not available, a comparison of names, sizes and mtimes every `pollInterval`.
///
/// A snapshot published by symlink swap (`ln -sfn new tmp && mv -T tmp current`) changes
/// nothing in the directory watched, only the link: when the path is a symlink, the link's own
/// inode is watched too (IN_DONT_FOLLOW; replacing it gives IN_ATTRIB and IN_DELETE_SELF), and
/// then the path is resolved again and the watch moves to the new target. (Watching the
/// parent directory instead wakes the run loop for every file made beside the snapshot: in
/// `/tmp`, dozens of times a second.) A directory renamed away gives IN_MOVE_SELF: the path is
/// then looked at again every 0.25 s until a directory is there.
public final class DirectoryWatcher {
    public let directory: String
    public private(set) var inotifyFD: Int32 = -1
    private var watch: Int32 = -1
    private var linkWatch: Int32 = -1
    public private(set) var pollInterval: Double
    private var lastSignature: String
    private var nextPoll: Double?
    /// Set when inotify was asked for but could not be had (the user's inotify instances or
    /// watches are used up, say by a hundred other viewers): what happened, to show and log.
    /// The watcher then polls often enough that a change still reaches the screen within 1 s.
    public private(set) var degradation: String?
    /// How often a degraded watcher polls.
    public static let degradedPollInterval = 0.5
    /// Watches of single files (`watchFile`) that had an event since `takeFileEvents`.
    private var fileEvents = Set<Int32>()

    /// `openInotify` is `inotify_init1` (a test passes one that fails as a used-up account would).
    public init(directory: String, useInotify: Bool = true, pollInterval: Double = 2.0,
                openInotify: () -> Int32 = { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }) {
        self.directory = directory
        lastSignature = DirectoryWatcher.signature(of: directory)
        self.pollInterval = pollInterval
        var interval = pollInterval
        if useInotify {
            inotifyFD = openInotify()
            if inotifyFD < 0 {
                let e = errno
                degradation = "inotify unavailable (\(e == EMFILE ? "no inotify instance left: fs.inotify.max_user_instances" : String(cString: strerror(e)))); polling every \(DirectoryWatcher.degradedPollInterval) s"
                interval = min(pollInterval, DirectoryWatcher.degradedPollInterval)
            }
        }
        if inotifyFD >= 0 {
            addWatch()
            if watch < 0, errno == ENOSPC {
                degradation = "inotify watch refused (no watch left: fs.inotify.max_user_watches); polling every \(DirectoryWatcher.degradedPollInterval) s"
                interval = min(pollInterval, DirectoryWatcher.degradedPollInterval)
            }
        }
        self.pollInterval = interval
        if inotifyFD < 0 || watch < 0 { nextPoll = monotonicNow() + interval }
    }

    deinit { if inotifyFD >= 0 { close(inotifyFD) } }

    private func addWatch() {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                          | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        // Follows a symlink: the watch is on the directory it points to now.
        let wd = inotify_add_watch(inotifyFD, directory, mask)
        if watch >= 0, wd != watch { inotify_rm_watch(inotifyFD, watch) }
        watch = wd
        if linkWatch >= 0 { inotify_rm_watch(inotifyFD, linkWatch); linkWatch = -1 }
        var st = stat()
        if lstat(directory, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
            linkWatch = inotify_add_watch(inotifyFD, directory, UInt32(IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_DONT_FOLLOW))
        }
    }

    /// After the directory went away: watch what the path names now (a directory renamed
    /// into place right after), or look again soon.
    private func lose() {
        if watch >= 0 { inotify_rm_watch(inotifyFD, watch) }
        watch = -1
        addWatch()
        if watch < 0 { nextPoll = monotonicNow() + 0.25 }
    }

    /// The time of the next poll, when polling (or waiting for the directory to come back).
    public var deadline: Double? { nextPoll }

    /// Drains inotify events; returns true when something in the directory changed.
    public func drain() -> Bool {
        guard inotifyFD >= 0 else { return false }
        var changed = false
        let size = 64 * 1024
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buf.deallocate() }
        while true {
            let n = read(inotifyFD, buf, size)
            if n <= 0 { break }
            var off = 0
            while off < n {
                let ev = buf.load(fromByteOffset: off, as: inotify_event.self)
                if ev.wd == linkWatch {
                    // The symlink was replaced (or touched): watch whatever the path names now.
                    // Events still queued for the old watches no longer match and are skipped.
                    addWatch()
                    if watch < 0 { nextPoll = monotonicNow() + 0.25 }
                    changed = true
                } else if ev.wd == watch {
                    // The directory itself went away: poll until it is back, then watch it again.
                    if ev.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 { lose() }
                    changed = true
                } else {
                    fileEvents.insert(ev.wd)
                }
                off += MemoryLayout<inotify_event>.size + Int(ev.len)
            }
        }
        return changed
    }

    /// Watches one file (not following a link) for writes, truncation and changes of its
    /// metadata, on the same inotify instance (a viewer takes no second one: instances are few,
    /// 128 an account by default); nil when there is no inotify or no watch left.
    public func watchFile(_ path: String) -> Int32? {
        guard inotifyFD >= 0 else { return nil }
        let wd = inotify_add_watch(inotifyFD, path, UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE) | UInt32(IN_DONT_FOLLOW))
        return wd >= 0 ? wd : nil
    }

    /// Stops a watch from `watchFile`.
    public func unwatchFile(_ wd: Int32) {
        if inotifyFD >= 0 { inotify_rm_watch(inotifyFD, wd) }
        fileEvents.remove(wd)
    }

    /// The watches of `watchFile` that had an event since the last call (drained by `drain`).
    public func takeFileEvents() -> Set<Int32> {
        defer { fileEvents.removeAll() }
        return fileEvents
    }

    /// At a poll deadline: returns true when the directory looks different.
    public func poll(now: Double) -> Bool {
        guard let due = nextPoll, now >= due else { return false }
        if inotifyFD >= 0, watch < 0 {
            addWatch()
            if watch >= 0 { nextPoll = nil; lastSignature = DirectoryWatcher.signature(of: directory); return true }
            nextPoll = now + 0.25
            return false
        }
        nextPoll = now + pollInterval
        let sig = DirectoryWatcher.signature(of: directory)
        if sig != lastSignature { lastSignature = sig; return true }
        return false
    }

    /// What the directory shows: where the path leads, and the names, sizes, modification
    /// times and modes of its files; or why it cannot be listed.
    static func signature(of dir: String) -> String {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: dir)) ?? ""
        guard let names = visibleNames(in: dir) else { return "-\(errno) \(target)" }
        var parts = [target]
        for n in names {
            var st = stat()
            if stat(dir + "/" + n, &st) == 0 {
                parts.append("\(n):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(st.st_mode)")
            } else {
                parts.append("\(n):-\(errno)")
            }
        }
        return parts.joined(separator: "|")
    }

    /// The names of `dir`'s entries that are not hidden, sorted; nil (with `errno`) when it
    /// cannot be listed. What both the signature and the cache's fingerprint look at.
    static func visibleNames(in dir: String) -> [String]? {
        guard let handle = opendir(dir) else { return nil }
        var names: [String] = []
        while let entry = readdir(handle) {
            let n = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !n.hasPrefix(".") { names.append(n) }
        }
        closedir(handle)
        return names.sorted()
    }
}
