import Foundation

/// Golden-file comparison with a line diff and a record switch.
///
/// `CDSBOARD_RECORD=1 swift test` rewrites the files; a recorded or missing golden is
/// reported as a failure, so a run that records never passes by accident.
public enum Golden {
    /// nil when `actual` equals the file's text; otherwise a message with a line diff.
    public static func compare(_ actual: String, to path: String) -> String? {
        let record = ProcessInfo.processInfo.environment["CDSBOARD_RECORD"] == "1"
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if record {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return existing == actual ? nil : "recorded \(path); run again without CDSBOARD_RECORD"
        }
        guard let expected = existing else {
            return "missing golden \(path); run CDSBOARD_RECORD=1 swift test to create it"
        }
        if expected == actual { return nil }
        return "golden \(path) differs:\n" + diff(expected: expected, actual: actual)
    }

    /// A compact line diff: `-` expected, `+` actual, for the lines that differ.
    public static func diff(expected: String, actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : nil
            let y = i < b.count ? b[i] : nil
            if x != y {
                if let x { out.append("-\(i + 1): \(x)") }
                if let y { out.append("+\(i + 1): \(y)") }
            }
            if out.count > 60 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
