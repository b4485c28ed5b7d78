import Foundation
import Logging
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A swift-log handler that appends lines to a file (swift-log ships only stream handlers,
/// and stdout/stderr belong to the screen).
///
/// What is logged is events and counts, never data values: no unit names, no figures, no
/// field from a snapshot; errors are logged as file:line and a message from our own table.
public struct FileLogHandler: LogHandler {
    private let logFile: LogFile
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    /// Past this size the log is renamed to `cdsboard.log.1` (replacing the previous one) and
    /// started anew: at most about twice this on disk, whatever the uptime.
    public static let defaultMaxBytes = 1 << 20

    /// `$LOGS_DIRECTORY/cdsboard.log` (set by systemd for a unit with `LogsDirectory=`), else
    /// `$XDG_STATE_HOME/cdsboard/cdsboard.log`, or `~/.local/state/cdsboard/cdsboard.log`.

    public static func path(environment env: [String: String], home: String) -> String {
        // systemd joins several directories with ':'; the first is the unit's own.
        if let logs = env["LOGS_DIRECTORY"]?.split(separator: ":").first, !logs.isEmpty {
            return String(logs) + "/cdsboard.log"
        }
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.local/state")
        return base + "/cdsboard/cdsboard.log"
    }

    /// nil when the file cannot be opened (logging is then off, silently: the screen matters more).
    public init?(label: String, path: String, maxBytes: Int = FileLogHandler.defaultMaxBytes) {
        guard let file = LogFile(path: path, maxBytes: maxBytes) else { return nil }
        self.logFile = file
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        let text = "\(stamp) \(level) \(label): \(message)\(meta)\n"
        logFile.append(text)
    }
}

/// The open log, shared by every copy of the handler: appends, and rotates past `maxBytes`.
final class LogFile: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    private var fd: Int32
    private let lock = NSLock()

    init?(path: String, maxBytes: Int) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        self.path = path
        self.maxBytes = maxBytes
    }

    deinit { close(fd) }

    func append(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        var st = stat()
        if fstat(fd, &st) == 0, Int(st.st_size) > 0, Int(st.st_size) + text.utf8.count > maxBytes {
            // Rename, then open anew; if the new file cannot be made, keep writing the old one.
            if rename(path, path + ".1") == 0 {
                let fresh = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
                if fresh >= 0 { close(fd); fd = fresh }
            }
        }
        _ = text.withCString { write(fd, $0, strlen($0)) }
    }
}
