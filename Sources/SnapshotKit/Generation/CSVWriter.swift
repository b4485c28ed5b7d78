import Foundation

/// Writes RFC 4180 CSV in chunks: a field is quoted only when it holds a comma, quote or
/// line break. The file appears under its name only when complete (written to a temporary
/// name, then renamed), so a watching dashboard never reads half a file.
final class CSVWriter {
    private var buffer: [UInt8] = []
    private let handle: FileHandle
    private let path: String
    private let tempPath: String

    init(path: String, header: [String]) throws {
        self.path = path
        tempPath = path + ".tmp-\(getpid())"
        FileManager.default.createFile(atPath: tempPath, contents: nil)
        guard let h = FileHandle(forWritingAtPath: tempPath) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
        row(header)
    }

    func row(_ fields: [String]) {
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
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
        if rename(tempPath, path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
