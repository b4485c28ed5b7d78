/// The kinds of data a snapshot is read with, in the order they are read and cached.
enum DatasetRegistry {
    static let kinds: [any DatasetKind.Type] = [TourismDataset.self, SocietyDataset.self]

    static func kind(_ id: DatasetID) -> (any DatasetKind.Type)? { kinds.first { $0.id == id } }
}
