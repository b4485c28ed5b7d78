/// The kinds of data a snapshot is read with, in the order their files are read and cached.
/// `standard` is cdsboard's; a test may read an export with kinds of its own
/// (`SnapshotBuilder.Options.datasets`).
struct DatasetRegistry: Sendable {
    let kinds: [any DatasetKind.Type]

    static let standard = DatasetRegistry(kinds: [BTSDataset.self, VillagesDataset.self, OCOPDataset.self, TourismDataset.self,
                                                      SocietyDataset.self, Index766Dataset.self, TasksDataset.self,
                                                      IndicatorsDataset.self, IndicatorValuesDataset.self, DTIDataset.self])

    init(kinds: [any DatasetKind.Type]) { self.kinds = kinds }

    func kind(_ id: DatasetID) -> (any DatasetKind.Type)? { kinds.first { $0.id == id } }

    /// The kinds and their codec versions, for the cache's key: an entry made with other
    /// kinds is another entry.
    var signature: String { kinds.map { "\($0.id)@\($0.codecVersion)" }.joined(separator: ",") }
}
