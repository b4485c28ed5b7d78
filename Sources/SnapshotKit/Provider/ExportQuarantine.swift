import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Remembers an export that crashed a viewer while it was loaded, so that the next start
/// refuses that export instead of crashing on it again (a kiosk under `Restart=always` would
/// otherwise crash every few seconds and never show anything).
///
/// Before a load, a mark naming the export and its fingerprint (the shared cache's key: the
/// identity of every file of the export and of this program) is written to `directory`,
/// atomically, and locked (`flock`) for as long as the process lives; the load's end removes
/// it. If the process faults meanwhile, the crash guard writes the signal into the mark. A
/// mark whose lock nobody holds belongs to a dead process: with a signal in it, it becomes the
/// export's poison; without one (killed from outside, stopped mid-load), it is dropped. A
/// poisoned export is refused with `describe`'s message until its fingerprint changes (a new
/// export, or another cdsboard); the first load of another fingerprint clears the poison.
/// Only the dashboard uses it: `check` still loads a poisoned export (it is a diagnostic).
public final class ExportQuarantine: @unchecked Sendable {
    /// Where marks and poisons live (one account's, e.g. `~/.local/state/cdsboard/loads`).
    public let directory: String
    /// The refusal's text, from the signal that stopped the last load (the caller's language).
    public let describe: @Sendable (Int32) -> String
    /// Told when a load starts (what, and the mark's descriptor, for the crash guard) and ends
    /// (nil, -1). Set before the first load.
    public var onLoading: (@Sendable (String?, Int32) -> Void)?
    /// Fingerprints of the exports last loaded well, kept for so many export paths.
    static let keepGood = 32
    private let lock = NSLock()
    private var serial = 0

    /// nil when the directory cannot be made.
    public init?(directory: String,
                 describe: @escaping @Sendable (Int32) -> String = { "cdsboard stopped abruptly (signal \($0)) while loading this export last time" }) {
        guard SharedSnapshotCache.makeDirectory(directory) else { return nil }
        self.directory = directory
        self.describe = describe
    }

    /// `$STATE_DIRECTORY/loads` (systemd's `StateDirectory=`), else
    /// `$XDG_STATE_HOME/cdsboard/loads`, else `~/.local/state/cdsboard/loads`.
    public static func defaultDirectory(environment env: [String: String], home: String) -> String {
        if let d = env["STATE_DIRECTORY"]?.split(separator: ":").first, d.hasPrefix("/") { return d + "/loads" }
        let base = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (home + "/.local/state")
        return base + "/cdsboard/loads"
    }

    /// `load` of the export directory `export`, unless a crash on this very export left its
    /// poison: then the refusal.
    public func guarding(export: String, options: SnapshotBuilder.Options,
                         _ load: () -> Result<Snapshot, SnapshotFailure>) -> Result<Snapshot, SnapshotFailure> {
        guarding(source: DirectorySource(directory: export), options: options, load)
    }

    /// `load` of `source` (remembered by its name), unless a crash on what it holds now left
    /// its poison: then the refusal.
    public func guarding(source: SnapshotSource, options: SnapshotBuilder.Options,
                         _ load: () -> Result<Snapshot, SnapshotFailure>) -> Result<Snapshot, SnapshotFailure> {
        let export = source.name
        guard let key = SharedSnapshotCache.key(source: source, options: options) else { return load() }
        let fingerprint = SHA256.hexDigits(key)
        if let signal = poison(export: export, fingerprint: fingerprint) {
            let name = (export as NSString).lastPathComponent
            return .failure(SnapshotFailure(errors: [SnapshotIssue(file: name.isEmpty ? export : name, line: nil,
                                                                   message: describe(signal))]))
        }
        let mark = LoadMark(quarantine: self, export: export, fingerprint: fingerprint)
        onLoading?(export, mark?.fd ?? -1)
        let result = load()
        onLoading?(nil, -1)
        mark?.finish()
        if case .success = result { remember(export: export, key: key) }
        return result
    }

    /// Whether `export` is refused now (a poison is there for it).
    public func isPoisoned(export: String) -> Bool {
        access(path(.poison, export), F_OK) == 0
    }

    /// The cache key of the last export loaded well at this path (to show its figures while
    /// the one there now is refused).
    public func lastGood(export: String) -> [UInt8]? {
        guard let text = Self.read(path(.good, export)), let hex = Self.field("fingerprint", in: text) else { return nil }
        return SHA256.bytes(hex: hex)
    }

    // MARK: - Files

    enum Kind: String { case mark = "load-", poison = "poison-", good = "good-" }

    /// A file of `kind` for `export` (marks are per load, not per export).
    func path(_ kind: Kind, _ export: String, unique: String = "") -> String {
        directory + "/" + kind.rawValue + String(SHA256.hex(Array(export.utf8)).prefix(16)) + unique
    }

    /// The signal of the poison left for `export` at `fingerprint`; a poison of another
    /// fingerprint is removed (the export changed).
    func poison(export: String, fingerprint: String) -> Int32? {
        collect()
        let p = path(.poison, export)
        guard let text = Self.read(p) else { return nil }
        guard Self.field("fingerprint", in: text) == fingerprint else { unlink(p); return nil }
        return Self.field("signal", in: text).flatMap { Int32($0) } ?? 0
    }

    /// Turns the marks of dead processes into poisons (when they crashed) or drops them.
    func collect() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for n in names {
            let p = directory + "/" + n
            // A temporary file of a process that died between writing and naming it.
            var st = stat()
            if n.hasPrefix(".tmp-"), lstat(p, &st) == 0, time(nil) - st.st_mtim.tv_sec > 600 { unlink(p) }
            guard n.hasPrefix(Kind.mark.rawValue) else { continue }
            let fd = open(p, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // Held: its process is alive (and may be loading right now).
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            // Still the file of that name (not one finished and removed meanwhile).
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, lstat(p, &named) == 0, opened.st_ino == named.st_ino else { continue }
            guard let text = Self.read(fd: fd), let export = Self.field("export", in: text) else { unlink(p); continue }
            if Self.field("signal", in: text) != nil {
                rename(p, path(.poison, export))
            } else {
                unlink(p)
            }
        }
    }

    /// After a good load: the export's fingerprint, for `lastGood`; at most `keepGood` kept.
    func remember(export: String, key: [UInt8]) {
        let text = "export \(export)\nfingerprint \(SHA256.hexDigits(key))\n"
        guard write(text, to: path(.good, export)) != nil else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var good: [(String, Int)] = []
        for n in names where n.hasPrefix(Kind.good.rawValue) {
            var st = stat()
            if lstat(directory + "/" + n, &st) == 0 { good.append((n, st.st_mtim.tv_sec)) }
        }
        guard good.count > Self.keepGood else { return }
        for (n, _) in good.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keepGood) { unlink(directory + "/" + n) }
    }

    /// Writes `text` to a temporary file, then renames it to `path`: the open descriptor, or
    /// nil. `locked`: the file is locked (flock) before it gets its name.
    func write(_ text: String, to path: String, locked: Bool = false) -> Int32? {
        lock.lock(); serial += 1; let n = serial; lock.unlock()
        let tmp = directory + "/.tmp-\(getpid())-\(n)"
        let fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_APPEND, 0o600)
        guard fd >= 0 else { return nil }
        let bytes = Array(text.utf8)
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
            && (!locked || flock(fd, LOCK_EX | LOCK_NB) == 0)
        guard ok, rename(tmp, path) == 0 else { unlink(tmp); close(fd); return nil }
        if !locked { close(fd); return -1 }
        return fd
    }

    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return read(fd: fd)
    }

    /// At most 4 KiB: these files are a few lines.
    static func read(fd: Int32) -> String? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = pread(fd, &buf, buf.count, 0)
        guard n > 0 else { return nil }
        return String(decoding: buf.prefix(n), as: UTF8.self)
    }

    /// The value of a `name value` line.
    static func field(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return String(line.dropFirst(name.count + 1))
        }
        return nil
    }
}

/// One load under way: its mark exists (and is locked) until `finish`.
final class LoadMark {
    let path: String
    let fd: Int32

    init?(quarantine q: ExportQuarantine, export: String, fingerprint: String) {
        let p = q.path(.mark, export, unique: "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard let fd = q.write("export \(export)\nfingerprint \(fingerprint)\npid \(getpid())\n", to: p, locked: true) else { return nil }
        path = p
        self.fd = fd
    }

    /// The load returned: the mark goes (then the lock, with the descriptor).
    func finish() {
        unlink(path)
        close(fd)
    }
}

extension SHA256 {
    /// Lower-case hex of `bytes` (not a digest of them).
    static func hexDigits(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// The bytes of lower-case hex; nil if it is not hex.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let b = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(b)
        }
        return out
    }
}
