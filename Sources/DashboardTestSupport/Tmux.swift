import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux session running the real binary, for end-to-end tests of the terminal edge.
public final class TmuxSession {
    public let name: String
    public let socket: String

    /// Starts `command` in a detached session of the given size on a private tmux server.
    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"

    /// `startDelay` lets a test attach `pipe-pane` before the program writes its first byte.
    public init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:],
                startDelay: Double = 0, prefix: String = "cds") {
        name = "\(prefix)\(getpid())\(UInt32.random(in: 0..<1_000_000))"
        socket = NSTemporaryDirectory() + "tmux-\(name)"
        let env = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
              (startDelay > 0 ? "sleep \(startDelay); " : "") + "env -u NO_COLOR -u CDSBOARD_DATA \(env) \(command); echo CDSBOARD-EXITED $?; sleep 600"])
        serverPID = Int32(tmux(["display-message", "-p", "-t", name, "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The tmux server, killed for sure when the session ends.
    private var serverPID: Int32?
    private var killed = false

    @discardableResult
    public func tmux(_ args: [String]) -> String {
        Fixtures.run(TmuxSession.tmuxPath, ["-S", socket] + args).output
    }

    public func sendKeys(_ keys: String...) { tmux(["send-keys", "-t", name] + keys) }

    public func capture() -> String { tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text`; returns the last capture.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) -> String {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `done` holds of the screen (a frame may be caught half drawn, or before
    /// a message is replaced); returns the last capture.
    @discardableResult
    public func waitUntil(timeout: Double = 10, _ done: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < end {
            screen = capture()
            if done(screen) { return screen }
            usleep(50_000)
        }
        return screen
    }

    /// PID of the program running in the pane's shell (the first child of the pane process).
    public var panePID: Int32? {
        Int32(tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    public func kill() {
        guard !killed else { return }
        killed = true
        let programs = Processes.matching(socket, program: "tmux")
        tmux(["kill-server"])
        // Whatever kill-server left (it can fail while the server is busy), SIGKILL it.
        for pid in programs + [serverPID].compactMap({ $0 }) where Processes.isAlive(pid) {
            Glibc.kill(pid, SIGKILL)
        }
        try? FileManager.default.removeItem(atPath: socket)
    }

    deinit { kill() }
}

/// Processes, from /proc.
public enum Processes {
    /// PIDs of `cdsboard` processes whose command line contains `needle` (not the shell or
    /// tmux server that started them, whose command lines contain it too).
    public static func matching(_ needle: String, program: String = "cdsboard") -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var out: [Int32] = []
        for e in entries {
            guard let pid = Int32(e), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(e)/cmdline") else { continue }
            let argv0 = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
            let cmd = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if argv0.hasSuffix("/" + program), cmd.contains(needle) { out.append(pid) }
        }
        return out
    }

    public static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        // A zombie has exited.
        let fields = stat.split(separator: ")").last?.split(separator: " ")
        return fields?.first != "Z"
    }

    /// CPU time (user + system, in clock ticks) used so far by `pid`.
    public static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let rest = stat.split(separator: ")").last?.split(separator: " "), rest.count > 13,
              let u = Int(rest[11]), let s = Int(rest[12]) else { return nil }
        return u + s
    }
}
