import Foundation

/// A value the shared cache can write and read back: every stored property in order, the
/// same order on both sides. A round-trip test compares every stored property of whole
/// snapshots by reflection, so a property added to a type and forgotten here fails it.
protocol CacheCodable {
    func write(to w: inout CacheWriter)
    init(from r: inout CacheReader) throws(CacheReader.Malformed)
}

/// The records part of a cache entry, little-endian and unaligned; a cube's cells go to
/// separate blocks (`cells`), written whole and mapped in place when read back.
struct CacheWriter {
    var bytes: [UInt8] = []
    /// Cell blocks in the order they were put; the records hold each one's number and count.
    private(set) var cells: [TallyCells] = []

    mutating func put<T: CacheCodable>(_ v: T) { v.write(to: &self) }

    mutating func raw<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(cells c: TallyCells) {
        put(cells.count)
        put(c.count)
        cells.append(c)
    }
}

/// Reads what `CacheWriter` wrote, checking every length against what is left: a cache file
/// that passed its checksum but was written by something else still cannot make it read out
/// of bounds or allocate without limit.
struct CacheReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }
    private let records: UnsafeRawBufferPointer
    private var at = 0
    /// Resolves a cell block by its number and count; nil when it does not fit the file.
    private let resolve: (Int, Int) -> TallyCells?
    /// The kinds a snapshot's data values are read as.
    var datasets = DatasetRegistry.standard

    init(records: UnsafeRawBufferPointer, cells resolve: @escaping (Int, Int) -> TallyCells?) {
        self.records = records
        self.resolve = resolve
    }

    var isAtEnd: Bool { at == records.count }

    mutating func get<T: CacheCodable>(_: T.Type = T.self) throws(Malformed) -> T { try T(from: &self) }

    mutating func raw<T: FixedWidthInteger>(_: T.Type) throws(Malformed) -> T {
        let n = MemoryLayout<T>.size
        guard records.count - at >= n else { throw Malformed(description: "records end early") }
        var v = T.zero
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: records[at..<(at + n)])) }
        at += n
        return T(littleEndian: v)
    }

    /// A count of items each at least `minimumBytes` long: never more than the bytes left allow.
    mutating func count(minimumBytes: Int = 1) throws(Malformed) -> Int {
        let n = try get(Int.self)
        guard n >= 0, n <= (records.count - at) / max(minimumBytes, 1) else { throw Malformed(description: "bad count \(n)") }
        return n
    }

    mutating func bytes(_ n: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard n >= 0, records.count - at >= n else { throw Malformed(description: "records end early") }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: records[at..<(at + n)])
    }

    mutating func cells() throws(Malformed) -> TallyCells {
        let block = try get(Int.self), count = try get(Int.self)
        guard let c = resolve(block, count) else { throw Malformed(description: "cell block \(block) does not fit the file") }
        return c
    }
}

/// No count, index, size or figure of an export comes near 2⁴⁴ (17.6 × 10¹²); a larger one is
/// not from an export, and refusing it keeps every sum and percentage the views make in range.
let cacheIntegerLimit: Int64 = 1 << 44

extension Int: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(Int64(self)) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let v = try r.raw(Int64.self)
        guard v >= -cacheIntegerLimit, v <= cacheIntegerLimit, let n = Int(exactly: v) else {
            throw CacheReader.Malformed(description: "integer out of range")
        }
        self = n
    }
}

extension Int32: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(self) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self = try r.raw(Int32.self) }
}

extension UInt8: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(self) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self = try r.raw(UInt8.self) }
}

extension UInt32: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(self) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self = try r.raw(UInt32.self) }
}

extension Bool: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(UInt8(self ? 1 : 0)) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        switch try r.raw(UInt8.self) {
        case 0: self = false
        case 1: self = true
        default: throw CacheReader.Malformed(description: "bad boolean")
        }
    }
}

extension Double: CacheCodable {
    func write(to w: inout CacheWriter) { w.raw(bitPattern) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let v = Double(bitPattern: try r.raw(UInt64.self))
        // Shares, degrees, scores and times of an export are finite, and well inside Int's range.
        guard v.isFinite, abs(v) < 1e15 else { throw CacheReader.Malformed(description: "number out of range") }
        self = v
    }
}

extension String: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(utf8.count)
        w.bytes.append(contentsOf: utf8)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let n = try r.count()
        let b = try r.bytes(n)
        guard let s = String(validating: b, as: UTF8.self) else { throw CacheReader.Malformed(description: "bad UTF-8") }
        self = s
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func write(to w: inout CacheWriter) {
        if let v = self { w.put(true); w.put(v) } else { w.put(false) }
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self = try r.get(Bool.self) ? try r.get(Wrapped.self) : nil
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(count)
        for e in self { w.put(e) }
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let n = try r.count()
        self = []
        reserveCapacity(n)
        for _ in 0..<n { append(try r.get(Element.self)) }
    }
}

extension Dictionary: CacheCodable where Key: CacheCodable, Value: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(count)
        // Sorted by the keys' bytes, so one snapshot always makes the same file.
        let entries = map { (k, v) -> ([UInt8], Value) in var kw = CacheWriter(); kw.put(k); return (kw.bytes, v) }
        for (k, v) in entries.sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
            w.bytes.append(contentsOf: k)
            w.put(v)
        }
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let n = try r.count(minimumBytes: 2)
        self = [:]
        reserveCapacity(n)
        for _ in 0..<n {
            let k = try r.get(Key.self)
            self[k] = try r.get(Value.self)
        }
    }
}
