import CNcursesw
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The crash guard from the start of the dashboard, before the first load: a fault then notes
/// the signal and the export being loaded in the log and in the load's mark (see
/// `ExportQuarantine`), says so in one line on the terminal, and leaves the runtime's
/// backtrace to the log. `TerminalSession` adds the screen's restoration when it takes it.
public enum CrashGuard {
    /// Installs the guard, writing to the log at `logPath` (or nowhere if it cannot be opened).
    public static func install(logPath: String) {
        try? FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        cds_crash_guard_install("", fd)
        if fd >= 0 { close(fd) }   // the guard keeps its own copy
        cds_crash_guard_hint("; details in " + logPath)
    }

    /// A load begins (`what`, with its mark's descriptor) or ends (nil, -1).
    public static func loading(_ what: String?, mark: Int32) {
        cds_crash_guard_loading(what ?? "", what == nil ? -1 : mark)
    }

    /// While on: standard error goes to the log (what the runtime prints as it dies, before
    /// the screen is taken). Off gives it back.
    public static func quietStandardError(_ on: Bool) { cds_quiet_stderr(on ? 1 : 0) }
}
