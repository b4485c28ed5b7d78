import Foundation

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

    /// A copy of the bundled sample in a scratch directory, to break or change in a test.
    public static func copyOfSample() -> String {
        let dir = temporaryDirectory("cdsboard-sample")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sampleDirectory)) ?? [] {
            try? FileManager.default.copyItem(atPath: sampleDirectory + "/" + name, toPath: dir + "/" + name)
        }
        return dir
    }

    public static func write(_ text: String, to path: String) {
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
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
    @discardableResult
    public static func run(_ path: String, _ args: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
