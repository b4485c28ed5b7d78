import Foundation

/// Writes RFC 4180 CSV in chunks: a field is quoted only when it holds a comma, quote or
/// line break. The file appears under its name only when complete, and a stopped or failed run
/// leaves nothing behind (`OutputFile`).
public final class CSVWriter {
    private var buffer: [UInt8] = []
    private let output: OutputFile
    /// The first write error: rows after it are dropped, and `close` throws it.
    private var failure: Error?

    public init(path: String, header: [String]) throws {
        output = try OutputFile(path: path)
        buffer.reserveCapacity(1 << 20)
        row(header)
    }

    public func row(_ fields: [String]) {
        var first = true
        for f in fields {
            if !first { buffer.append(0x2C) }
            first = false
            if f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.append(0x22)
                for b in f.utf8 {
                    if b == 0x22 { buffer.append(0x22) }
                    buffer.append(b)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: f.utf8)
            }
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        if failure == nil {
            do { try buffer.withUnsafeBytes { try output.write($0) } } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything written: the file under its name.
    public func close() throws {
        try finish().publish()
    }

    /// Everything written, the file still without its name (to be read back, then dropped).
    public func finish() throws -> OutputFile {
        flush()
        if let failure { throw failure }
        return output
    }
}
