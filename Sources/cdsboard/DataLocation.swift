import Foundation

/// Finds the snapshot directory: `--data`, else `$CDSBOARD_DATA`, else the bundled sample
/// (`SampleData/ha-giang` in the working directory or beside the built binary), else the
/// installed copy in `/usr/local/share/cdsboard/ha-giang` or `/usr/share/cdsboard/ha-giang`.
enum DataLocation {
    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let env = ProcessInfo.processInfo.environment
        if let d = env["CDSBOARD_DATA"], !d.isEmpty { return d }
        var candidates = [FileManager.default.currentDirectoryPath + "/SampleData/ha-giang"]
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var dir = exe
        for _ in 0..<5 {
            candidates.append(dir.path + "/SampleData/ha-giang")
            dir = dir.deletingLastPathComponent()
        }
        candidates += ["/usr/local/share/cdsboard/ha-giang", "/usr/share/cdsboard/ha-giang"]
        for c in candidates where FileManager.default.fileExists(atPath: c + "/manifest.json") { return c }
        return candidates[0]
    }
}
