/// A problem found in a snapshot, located as `file:line[:column]`.
public struct SnapshotIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int?, column: Int? = nil, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
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
    public var description: String { first.description }
}
