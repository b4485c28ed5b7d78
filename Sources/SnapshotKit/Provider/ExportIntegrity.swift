import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// "An export is complete or it is not shown": the manifest's `files` list (name, bytes,
/// SHA-256 of every other file of the export) checked against the files on disk.
///
/// Sizes are compared first (cheap, and what an in-place writer changes), then digests.
/// Digests are remembered per file identity (device, inode, size, mtime, ctime), so a
/// re-check of an unchanged file costs one `stat`.
public enum ExportIntegrity {
    public enum Outcome: Equatable, Sendable {
        /// The manifest has no `files` list: today's behaviour (take what is there).
        case unlisted
        /// Every listed file is there with its size and digest.
        case complete
        /// A listed file is missing or differs (an export arriving, or a mixed one).
        case differs(SnapshotIssue)
        /// The manifest itself could not be read or parsed: the loader says why.
        case unreadable
    }

    /// The `check` warning for a manifest without a list.
    public static let recommendation = SnapshotIssue(
        file: "manifest.json", line: nil,
        message: "no \"files\" list: a half-written or mixed export cannot be told from a complete one; "
            + "list every file with its bytes and sha256 (SampleData/README.md)",
        severity: .warning)

    /// Whether an issue says that a listed file is missing or differs from the manifest's list.
    public static func isMismatch(_ issue: SnapshotIssue) -> Bool {
        issue.severity == .error && (issue.kind == .listedFileMissing || issue.kind == .listedFileDiffers)
    }

    /// A mismatch because the listed file is not there at all.
    public static func isMissing(_ issue: SnapshotIssue) -> Bool { issue.severity == .error && issue.kind == .listedFileMissing }

    private static let differsSuffix = "(listed in manifest.json)"
    private static let notFound = "file not found"

    /// The provider's check before a load: the first listed file whose size differs (or, with
    /// `digests`, whose SHA-256 differs). Digests are left to the load's `Audit` otherwise.
    public static func verify(directory: String, digests: Bool = false) -> Outcome {
        guard let manifest = try? JSONFiles.manifest(data: JSONFiles.read(directory, "manifest.json")) else { return .unreadable }
        guard let files = manifest.files else { return .unlisted }
        let (found, sized) = sizes(directory: directory, files: files, firstOnly: true)
        if let first = found.first { return .differs(first) }
        if digests, let first = self.digests(directory: directory, files: sized, firstOnly: true).first { return .differs(first) }
        return .complete
    }

    /// The loader's check, begun before the files are parsed and finished after: sizes at
    /// once, digests on another thread meanwhile (on 2 cores, hashing the 179 MB of a
    /// million-dossier export then costs little more than its parse).
    public final class Audit: @unchecked Sendable {
        private var found: [SnapshotIssue] = []
        private var hashing: DispatchSemaphore?

        /// No manifest: nothing to check (its own error is reported). No list: the warning.
        public init(directory: String, manifest: Manifest?) {
            guard let manifest else { return }
            guard let files = manifest.files else { found = [recommendation]; return }
            let (differ, sized) = sizes(directory: directory, files: files, firstOnly: false)
            found = differ
            guard !sized.isEmpty else { return }
            let done = DispatchSemaphore(value: 0)
            hashing = done
            let thread = Thread { [self] in
                let wrong = digests(directory: directory, files: sized, firstOnly: false)
                found += wrong       // read only after `done` is signalled
                done.signal()
            }
            thread.start()
        }

        /// Waits for the digests: every listed file that differs (errors), or the recommendation.
        public func finish() -> [SnapshotIssue] {
            hashing?.wait()
            hashing = nil
            return found
        }
    }

    /// Listed files missing or of another size; and those of the listed size.
    static func sizes(directory: String, files: [ManifestFile], firstOnly: Bool) -> ([SnapshotIssue], [ManifestFile]) {
        var found: [SnapshotIssue] = []
        var sized: [ManifestFile] = []
        for f in files {
            var st = stat()
            if stat(directory + "/" + f.name, &st) != 0 {
                // Unreadable files are the parsers' to report; a missing one is part of the export.
                if errno == ENOENT { found.append(issue(f.name, notFound, .listedFileMissing)) }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if Int(st.st_size) != f.bytes {
                    found.append(issue(f.name, "size differs from manifest: \(st.st_size) bytes, \(f.bytes) listed"))
                } else {
                    sized.append(f)
                }
            }
            if firstOnly, !found.isEmpty { break }
        }
        return (found, sized)
    }

    /// Forgets the digests remembered per file, so that the next load hashes every listed file
    /// again, as a fresh process does (benchmarks).
    public static func forgetDigests() { HashCache.shared.forget() }

    /// Listed files whose SHA-256 differs.
    static func digests(directory: String, files: [ManifestFile], firstOnly: Bool) -> [SnapshotIssue] {
        var found: [SnapshotIssue] = []
        for f in files {
            guard let digest = HashCache.shared.digest(of: directory + "/" + f.name) else { continue }
            if digest != f.sha256 {
                found.append(issue(f.name, "sha256 differs from manifest"))
                if firstOnly { break }
            }
        }
        return found
    }

    private static func issue(_ name: String, _ what: String, _ kind: SnapshotIssue.Kind = .listedFileDiffers) -> SnapshotIssue {
        SnapshotIssue(file: name, line: nil, message: what + " " + differsSuffix, kind: kind)
    }

    /// Parses the manifest's `files` key: nil when absent.
    static func fileList(_ object: [String: Any]) throws(SnapshotIssue) -> [ManifestFile]? {
        guard let value = object["files"] else { return nil }
        func bad(_ k: Int?, _ what: String) -> SnapshotIssue {
            SnapshotIssue(file: "manifest.json", line: nil, message: "files" + (k.map { "[\($0)]" } ?? "") + ": " + what)
        }
        guard let items = value as? [Any] else { throw bad(nil, "expected a list of {name, bytes, sha256}") }
        var out: [ManifestFile] = []
        var seen = Set<String>()
        for (k, item) in items.enumerated() {
            guard let o = item as? [String: Any] else { throw bad(k, "expected an object {name, bytes, sha256}") }
            guard let name = o["name"] as? String, !name.isEmpty, name.utf8.count <= 255, !name.contains("/"),
                  name != ".", name != "..", name != "manifest.json" else {
                throw bad(k, "\"name\" must be the name of another file of the snapshot directory")
            }
            guard seen.insert(name).inserted else { throw bad(k, "\(name) is listed twice") }
            guard let bytes = o["bytes"] as? Int, bytes >= 0 else {
                throw bad(k, "\"bytes\" must be a whole number of bytes")
            }
            guard let hex = (o["sha256"] as? String)?.lowercased(), hex.utf8.count == 64,
                  hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
                throw bad(k, "\"sha256\" must be 64 hex digits")
            }
            out.append(ManifestFile(name: name, bytes: bytes, sha256: hex))
        }
        return out
    }

    /// The list for the named files of a directory (what an exporter or `cdsboard gen` writes).
    public static func listing(directory: String, names: [String]) throws -> [ManifestFile] {
        try names.sorted().map { name in
            do throws(SHA256.FileError) {
                let (hex, bytes) = try SHA256.hexOfFile(at: directory + "/" + name)
                return ManifestFile(name: name, bytes: bytes, sha256: hex)
            } catch {
                throw SnapshotIssue(file: name, line: nil, message: ByteBuffer.describe(errno: error.code))
            }
        }
    }

    /// `manifest.json` with its `files` list made anew for every other (not hidden) file of the
    /// directory: what an exporter writes after changing files (tests and benchmarks do so).
    public static func relistedManifest(directory: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        guard var manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SnapshotIssue(file: "manifest.json", line: 1, message: "expected a JSON object at the top level")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !$0.hasPrefix(".") && $0 != "manifest.json" }
        manifest["files"] = try listing(directory: directory, names: names)
            .map { ["name": $0.name, "bytes": $0.bytes, "sha256": $0.sha256] as [String: Any] }
        return try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
    }

    /// The `"files": [...]` member as JSON lines, indented by `indent`.
    public static func json(_ files: [ManifestFile], indent: String = "  ") -> String {
        let rows = files.map { "\(indent)\(indent){\"name\": \"\($0.name)\", \"bytes\": \($0.bytes), \"sha256\": \"\($0.sha256)\"}" }
        return "\(indent)\"files\": [\n" + rows.joined(separator: ",\n") + "\n\(indent)]"
    }

    /// Why a snapshot directory cannot be read: not found, permission denied (of the directory
    /// or of a parent), or not a directory; nil when it can be listed.
    public static func directoryProblem(_ directory: String) -> String? {
        var st = stat()
        guard stat(directory, &st) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? "snapshot directory not found"
                : "snapshot directory: " + ByteBuffer.describe(errno: errno)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return "snapshot directory: not a directory" }
        guard access(directory, X_OK) == 0 else { return "snapshot directory: " + ByteBuffer.describe(errno: errno) }
        return nil
    }
}

/// Digests of files by identity, so unchanged files are not hashed again.
final class HashCache: @unchecked Sendable {
    static let shared = HashCache()
    private struct Identity: Equatable {
        var dev: UInt, ino: UInt, size: Int, mtime: Int, mtimeNS: Int, ctime: Int, ctimeNS: Int
        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            dev = UInt(st.st_dev); ino = UInt(st.st_ino); size = Int(st.st_size)
            mtime = st.st_mtim.tv_sec; mtimeNS = st.st_mtim.tv_nsec
            ctime = st.st_ctim.tv_sec; ctimeNS = st.st_ctim.tv_nsec
        }
    }
    private let lock = NSLock()
    private var entries: [String: (Identity, String)] = [:]

    func forget() {
        lock.lock()
        entries.removeAll()
        lock.unlock()
    }

    /// The hex digest of the file, nil when it cannot be read.
    func digest(of path: String) -> String? {
        guard let before = Identity(path) else { return nil }
        lock.lock()
        if let (id, hex) = entries[path], id == before { lock.unlock(); return hex }
        lock.unlock()
        guard let (hex, _) = try? SHA256.hexOfFile(at: path) else { return nil }
        // Remembered only when the file did not change while it was read.
        if Identity(path) == before {
            lock.lock()
            if entries.count > 256 { entries.removeAll() }
            entries[path] = (before, hex)
            lock.unlock()
        }
        return hex
    }
}
