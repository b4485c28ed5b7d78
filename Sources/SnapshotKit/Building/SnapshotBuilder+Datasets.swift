/// The kinds of table behind `DatasetKind` (BTS, villages, OCOP, tourism, society, the 766
/// scores) from a source that is not a directory: the same kinds, checks and warnings as the
/// files of `SnapshotLoader`.
extension SnapshotBuilder {
    /// Adds a table of every kind the builder reads: `table(fileName, columns)` gives the
    /// source's table of that kind (its rows in the order of `columns`, which may name
    /// optional columns it lacks), or nil when the source has none. A missing kind is then an
    /// error when it is required and its warning (if any) when it is optional, as a missing file is.
    public mutating func addDatasets(_ table: (_ fileName: String, _ columns: [String], _ optional: [String]) throws(SnapshotIssue) -> (any SnapshotTable)?) {
        for kind in options.datasets.kinds { addDataset(kind, table) }
    }

    private mutating func addDataset<K: DatasetKind>(_ kind: K.Type,
                                                     _ table: (String, [String], [String]) throws(SnapshotIssue) -> (any SnapshotTable)?) {
        do throws(SnapshotIssue) {
            guard var t = try table(K.fileName, K.columns + K.optionalColumns, K.optionalColumns) else {
                switch K.presence {
                case .required:
                    report(SnapshotIssue(file: K.fileName, line: nil, message: "not in the source: a snapshot requires it"))
                case .optional(let warning):
                    if let warning { report(SnapshotIssue(file: K.fileName, line: nil, message: warning, severity: .warning)) }
                }
                return
            }
            add(kind, &t)
        } catch { report(error) }
    }
}

extension SnapshotBuilder.Options {
    /// The files of the kinds the builder reads (`bts.csv`, `tasks.csv`, …), for a source that
    /// stores them: a kind it has no table of its own for can travel as its file's text.
    public var datasetFiles: [String] { datasets.kinds.map { $0.fileName } }
}
