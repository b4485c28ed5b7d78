import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Keeps the Swift runtime's backtracer off the terminal.
///
/// On a crash the runtime's backtracer, when standard input and output are a terminal, shows
/// its report and waits for the keyboard (30 s, then exit; forever for a process in the
/// background, as under `timeout` without `--foreground`). It reads `SWIFT_BACKTRACE` once,
/// as the process starts: so when the user has not set it, cdsboard sets it and runs itself
/// again (same process, same arguments) before doing anything else. The report then goes to
/// standard error, which the crash guard points at the log.
enum QuietBacktraces {
    /// What cdsboard asks of the backtracer: no interaction, no colours, to standard error, and
    /// no register or memory dump (the log holds events, never data values).
    static let settings = "interactive=no,color=no,output-to=stderr,registers=none"

    /// Re-executes this program with `settings` when `SWIFT_BACKTRACE` is unset; returns only
    /// when it is set already or the re-execution failed (then the runtime's defaults apply).
    static func ensure() {
        guard Environment.backtraceSettings == nil else { return }
        setenv("SWIFT_BACKTRACE", settings, 1)
        // The executable's own path, not /proc/self/exe: the process keeps its name ("cdsboard"
        // in ps, pgrep and the journal), which comes from the path executed.
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &path, Int(PATH_MAX))
        let exe = n > 0 ? String(decoding: path.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/proc/self/exe"
        execv(exe, CommandLine.unsafeArgv)
        // Still here: no /proc. Carry on; only the keyboard wait is not avoided.
        unsetenv("SWIFT_BACKTRACE")
    }
}
