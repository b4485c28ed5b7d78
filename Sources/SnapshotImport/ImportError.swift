/// Why a file cannot be imported, at its place: `bao-cao.xlsx: Thống kê!B37: no unit named …`.
/// A refused import writes nothing.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it (no directory).
    public var file: String
    /// `Thống kê!B37`, `Thống kê`, `line 4` (CSV: `line:column`), or nil for the whole file.
    public var place: String?
    public var message: String

    public init(file: String, place: String? = nil, _ message: String) {
        self.file = file; self.place = place; self.message = message
    }

    public var description: String {
        if let place { return "\(file): \(place): \(message)" }
        return "\(file): \(message)"
    }
}
