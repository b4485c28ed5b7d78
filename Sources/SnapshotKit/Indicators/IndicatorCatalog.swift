/// The indicators a snapshot can be judged on: those of its dossiers (until dossiers are a
/// data kind) and those every data kind of the registry brings.
public struct IndicatorCatalog: Sendable, Equatable {
    public let all: [Indicator]

    public init(_ all: [Indicator]) { self.all = all }

    public subscript(id: String) -> Indicator? { all.first { $0.id == id } }

    public var ids: [String] { all.map(\.id) }

    /// The dossiers' indicators (Decision 766/QĐ-TTg's progress is a share by its rule).
    static let dossiers = [
        Indicator("dossiers.online_share", .share, nature: .flow),
        Indicator("dossiers.on_time_share", .share, nature: .flow),
        Indicator("dossiers.progress_766", .share, nature: .flow),
    ]

    /// The dossiers' and those of each kind of `registry`, in its order.
    init(registry: DatasetRegistry) {
        self.init(Self.dossiers + registry.kinds.flatMap { $0.indicators })
    }

    /// cdsboard's own (`DatasetRegistry.standard`).
    public static let standard = IndicatorCatalog(registry: .standard)
}
