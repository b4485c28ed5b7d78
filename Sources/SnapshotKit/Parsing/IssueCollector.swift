/// Gathers the errors and warnings of one load; caps how many are kept per file so that a
/// broken million-row file does not flood the report.
public struct IssueCollector: Sendable {
    public static let perFileLimit = 50
    public private(set) var errors: [SnapshotIssue] = []
    public private(set) var warnings: [SnapshotIssue] = []
    public private(set) var suppressed: [String: Int] = [:]
    private var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ issue: SnapshotIssue) {
        let key = issue.file + (issue.severity == .error ? "#e" : "#w")
        let n = counts[key, default: 0]
        counts[key] = n + 1
        if n >= IssueCollector.perFileLimit { suppressed[key, default: 0] += 1; return }
        if issue.severity == .error { errors.append(issue) } else { warnings.append(issue) }
    }

    /// Adds the issues of a part of a file read apart, moving its lines by `lineOffset`.
    public mutating func merge(_ other: IssueCollector, lineOffset: Int) {
        for var issue in other.errors + other.warnings {
            issue.line = issue.line.map { $0 + lineOffset }
            add(issue)
        }
        for (key, n) in other.suppressed {
            counts[key, default: 0] += n
            suppressed[key, default: 0] += n
        }
    }

    public var hasErrors: Bool { !errors.isEmpty }

    /// Errors found in `file` so far.
    public func errorCount(in file: String) -> Int { counts[file + "#e", default: 0] }

    /// Lines such as "dossiers.csv: 1.204 more errors not shown".
    public var suppressedSummary: [String] {
        suppressed.sorted { $0.key < $1.key }.map { key, n in
            let file = String(key.dropLast(2))
            return "\(file): \(n) more \(key.hasSuffix("#e") ? "errors" : "warnings") not shown"
        }
    }
}
