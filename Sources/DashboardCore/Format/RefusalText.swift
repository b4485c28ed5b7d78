import SnapshotKit

/// What a refused export's first error says on screen. The one people meet on a wall (an
/// export whose files still differ from its manifest after the arrival timeout) in the
/// interface's language and short enough for 80 columns with its prefix; any other error as
/// `check` words it (`file:line: message`), which the exporter's people read.
public enum RefusalText {
    public static func first(_ failure: SnapshotFailure, _ s: Strings) -> String {
        let issue = failure.first
        guard ExportIntegrity.isMismatch(issue) else { return issue.description }
        return issue.file + " " + s[ExportIntegrity.isMissing(issue) ? .missingFromExport : .differsFromManifest]
    }
}
