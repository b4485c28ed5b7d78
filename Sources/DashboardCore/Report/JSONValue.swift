import Foundation

/// A JSON value a panel gives `report --format json` under its own key (`ReportObject`):
/// typed, so that a report stays `Sendable` and a figure cannot turn into text by accident.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An optional number, null when absent (never 0).
    public static func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
    public static func int(_ n: Int?) -> JSONValue { n.map { .int($0) } ?? .null }
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// As `JSONSerialization` takes it.
    public var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .int(let n): n
        case .number(let x): x
        case .string(let s): s
        case .array(let a): a.map(\.foundation)
        case .object(let o): o.mapValues(\.foundation)
        }
    }
}

/// One key of `report --format json` beside the units' rows, contributed by a panel: an object
/// of the place reported (the tasks' counts, the DTI, the indicators' statuses). `value` gives
/// nil when the snapshot has none of it: the key is then null, never zeros.
public struct ReportObject: Sendable {
    public let key: String
    public let value: @Sendable (UnitFigures) -> JSONValue?

    public init(key: String, value: @escaping @Sendable (UnitFigures) -> JSONValue?) {
        self.key = key; self.value = value
    }
}
