import Foundation
import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// Paths and scratch directories for tests.
public enum Fixtures {
    /// The repository root, found from a test file's `#filePath`.
    public static func repositoryRoot(from file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
            url = url.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }

    public static var sampleDirectory: String { repositoryRoot() + "/SampleData/ha-giang" }

    /// A new empty directory under the system temporary folder.
    public static func temporaryDirectory(_ label: String = "cdsboard-test") -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the bundled sample in a scratch directory, to break or change in a test:
    /// without the committee's files (targets, DTI, tasks: issue 28), its manifest listing what
    /// is left, so that the screens and counts the tests were written for stay as they were
    /// (`CommitteeFixtures.sample(with:)` adds them back as a test writes them).
    public static func copyOfSample() -> String {
        let dir = temporaryDirectory("cdsboard-sample")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sampleDirectory)) ?? []
            where !CommitteeFixtures.names.contains(name) {
            try? FileManager.default.copyItem(atPath: sampleDirectory + "/" + name, toPath: dir + "/" + name)
        }
        relist(dir)
        return dir
    }

    public static func write(_ text: String, to path: String) {
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A copy of the Hà Giang sample whose every tourism row names district 999 (the files
    /// relisted): one error a row. Returns the directory and the number of rows broken.
    public static func sampleWithEveryTourismRowUnknown() -> (directory: String, broken: Int) {
        let dir = copyOfSample()
        var lines = read(dir + "/tourism.csv").split(separator: "\n").map(String.init)
        for i in 1..<lines.count {
            var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            f[1] = "999"
            lines[i] = f.joined(separator: ",")
        }
        write(lines.joined(separator: "\n") + "\n", to: dir + "/tourism.csv")
        relist(dir)
        return (dir, lines.count - 1)
    }

    /// Rewrites `manifest.json`'s `files` list for what the directory holds now, as an exporter
    /// does after changing a file (a test that edits a copy of the sample, or of `gen` output).
    public static func relist(_ dir: String) {
        if let data = try? ExportIntegrity.relistedManifest(directory: dir) {
            try? data.write(to: URL(fileURLWithPath: dir + "/manifest.json"))
        }
    }

    public static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The built `cdsboard` binary beside the test bundle.
    public static var binary: String {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [exe, exe.deletingLastPathComponent(), exe.deletingLastPathComponent().deletingLastPathComponent()] {
            let p = dir.path + "/cdsboard"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        let root = repositoryRoot()
        return root + "/.build/debug/cdsboard"
    }

    /// Runs a command, returning its exit status and standard output (and error, merged).
    ///
    /// posix_spawn and waitpid, not Foundation's Process (whose waitUntilExit can miss the
    /// child's exit off the main thread); output goes to a file, not a pipe, because a daemon
    /// the command starts (a tmux server) inherits the descriptor and would hold a pipe open.
    @discardableResult
    public static func run(_ path: String, _ args: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
        let out = NSTemporaryDirectory() + "cdsboard-run-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { unlink(out) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        // The child starts with no signal blocked and default dispositions, whatever the
        // test runner's thread has (a blocked SIGHUP or SIGWINCH would be inherited).
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { return (-1, "posix_spawn \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, read(out))
    }
}
