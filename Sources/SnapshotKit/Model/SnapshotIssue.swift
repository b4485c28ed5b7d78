/// A problem found in a snapshot, located as `file:line[:column]`.
public struct SnapshotIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    /// What the problem is about, for the code that acts on it (never read from the message).
    public enum Kind: String, Sendable {
        /// In what a file holds: a row, a value, the file's structure.
        case content
        /// A file the manifest lists is not there: the export may still be arriving.
        case listedFileMissing
        /// A file the manifest lists differs from its size or SHA-256: arriving, or mixed.
        case listedFileDiffers
    }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var severity: Severity
    public var kind: Kind

    public init(file: String, line: Int?, column: Int? = nil, message: String, severity: Severity = .error,
                kind: Kind = .content) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
        self.kind = kind
    }

    /// `dossiers.csv:12:4: due_date is before received_date`
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column, line != nil { s += ":\(column)" }
        return s + ": " + (severity == .warning ? "warning: " : "") + message
    }
}

/// Why a snapshot directory was refused: every error found (up to a limit) and the warnings.
public struct SnapshotFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [SnapshotIssue]
    public var warnings: [SnapshotIssue]
    /// Lines such as "dossiers.csv: 1.204 more errors not shown".
    public var suppressed: [String]
    public init(errors: [SnapshotIssue], warnings: [SnapshotIssue] = [], suppressed: [String] = []) {
        self.errors = errors
        self.warnings = warnings
        self.suppressed = suppressed
    }
    public var first: SnapshotIssue { errors.first ?? SnapshotIssue(file: "?", line: nil, message: "unknown error") }
    /// Every error found, listed or not (`errors` keeps the first 50 of each file).
    public var errorTotal: Int { errors.count + notListed("errors") }
    /// Every warning found, listed or not.
    public var warningTotal: Int { warnings.count + notListed("warnings") }

    /// The issues of one kind not listed, read back from `IssueCollector.suppressedSummary`'s
    /// lines ("FILE: N more errors not shown").
    private func notListed(_ kind: String) -> Int {
        suppressed.reduce(0) { sum, line in
            guard line.hasSuffix(" more \(kind) not shown"), let colon = line.range(of: ": ", options: .backwards) else { return sum }
            return sum + (Int(line[colon.upperBound...].prefix { $0.isNumber }) ?? 0)
        }
    }
    public var description: String { first.description }
}
