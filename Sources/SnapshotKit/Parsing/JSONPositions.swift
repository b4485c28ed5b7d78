import Foundation

/// Where the objects of a JSON text and their values are written: JSONSerialization keeps no
/// positions, so an error about a value is placed at its `file:line:column` by one scan of the
/// text (strings skipped with their escapes; columns in code points, from 1).
struct JSONPositions {
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// One object: the key it is written under (an array's elements share their array's key;
    /// "" for the root), how many objects enclose it (the root is 1), where it opens, and where
    /// each of its keys' values starts.
    struct Object {
        var key: String
        var depth: Int
        var opening: Position
        var values: [String: Position] = [:]
    }

    private(set) var objects: [Object] = []

    init(_ data: Data) {
        let bytes = [UInt8](data)
        var line = 1, column = 0
        /// Open containers: the object's index in `objects` (nil for an array) and its key.
        var stack: [(object: Int?, key: String)] = []
        var pendingKey: String? = nil
        var i = 0
        /// A value starts at the current position: it is the value of the pending key.
        func valueStarts(_ at: Position) {
            if let k = pendingKey, let o = stack.last?.object { objects[o].values[k] = at }
            pendingKey = nil
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 0; i += 1; continue }
            if b & 0xC0 != 0x80 { column += 1 }
            let here = Position(line: line, column: column)
            switch b {
            case 0x22:   // a string: a key when a colon follows inside an object, else a value
                var j = i + 1
                while j < bytes.count, bytes[j] != 0x22 {
                    if bytes[j] == 0x5C { j += 1 }
                    if j < bytes.count, bytes[j] == 0x0A { line += 1; column = 0 }
                    j += 1
                }
                let text = String(decoding: bytes[(i + 1)..<min(j, bytes.count)], as: UTF8.self)
                column += text.unicodeScalars.count + 1
                var k = j + 1
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D || bytes[k] == 0x0A { k += 1 }
                if k < bytes.count, bytes[k] == 0x3A, stack.last?.object != nil, pendingKey == nil {
                    pendingKey = text
                } else {
                    valueStarts(here)
                }
                i = j + 1
                continue
            case 0x7B, 0x5B:   // { [
                let key = pendingKey ?? stack.last.map { $0.object == nil ? $0.key : "" } ?? ""
                valueStarts(here)
                if b == 0x7B {
                    let depth = stack.reduce(1) { $0 + ($1.object == nil ? 0 : 1) }
                    objects.append(Object(key: key, depth: depth, opening: here))
                    stack.append((objects.count - 1, key))
                } else {
                    stack.append((nil, key))
                }
            case 0x7D, 0x5D:   // } ]
                if !stack.isEmpty { stack.removeLast() }
                pendingKey = nil
            case 0x20, 0x09, 0x0D, 0x2C, 0x3A:
                break
            default:           // a number, true, false or null
                valueStarts(here)
            }
            i += 1
        }
    }

    /// The objects written under `key` (the elements of its list, or its value) at `depth`, in file order.
    func objects(under key: String, depth: Int) -> [Object] {
        objects.filter { $0.key == key && $0.depth == depth }
    }

    /// Where the root object's `key` has its value.
    func rootValue(_ key: String) -> Position? { objects.first?.values[key] }
}

extension SnapshotIssue {
    /// An issue at a position of a JSON file (nil: the file alone).
    init(file: String, at p: JSONPositions.Position?, message: String, severity: Severity = .error) {
        self.init(file: file, line: p?.line, column: p?.column, message: message, severity: severity)
    }
}
