/// Cuts a byte stream into lines of at most `limit` bytes (newline included). A longer line
/// is an error as soon as it passes the limit: nothing more is kept of it, so a client that
/// never sends a newline costs at most `limit` bytes.
public struct LineFramer: Sendable {
    public let limit: Int
    private var buffer: [UInt8] = []

    public init(limit: Int = RoomMessage.maxBytes) { self.limit = limit }

    /// The complete lines in `bytes` (without newlines), or `nil` when a line is too long.
    public mutating func feed<C: Collection>(_ bytes: C) -> [ArraySlice<UInt8>]? where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while let nl = buffer[start...].firstIndex(of: 0x0A) {
            guard nl - start < limit else { return nil }
            lines.append(buffer[start..<nl])
            start = nl + 1
        }
        let rest = Array(buffer[start...])
        guard rest.count < limit else { return nil }
        let out = lines.map { ArraySlice(Array($0)) }
        buffer = rest
        return out
    }
}
