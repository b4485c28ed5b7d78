import CSHA256
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// SHA-256 (FIPS 180-4), small and dependency-free.
///
/// Hand-written rather than swift-crypto: the manifest's file list needs one digest, and
/// swift-crypto (BoringSSL) adds about 90 s to every clean build on the project's 2-core
/// machines (the whole project builds in about 50 s). Blocks go through the x86 SHA
/// extensions where the CPU has them (CSHA256), else through the portable loop below
/// (about 320 MB/s in a release build); both are checked against the standard vectors.
public struct SHA256 {
    /// Whether this CPU's SHA extensions are used.
    public static let hardware = cds_sha256_hw_available() != 0
    private let useHardware: Bool
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// `portable`: always the Swift loop (to test it where the hardware path is taken).
    public init(portable: Bool = false) {
        useHardware = SHA256.hardware && !portable
        pending.reserveCapacity(64)
    }

    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C, portable: Bool = false) -> String where C.Element == UInt8 {
        var h = SHA256(portable: portable)
        h.update(Array(bytes))
        return h.finalizeHex()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var p = buffer.baseAddress, buffer.count > 0 else { return }
        var n = buffer.count
        length &+= UInt64(n)
        if !pending.isEmpty {
            let take = min(64 - pending.count, n)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: p, count: take))
            p += take; n -= take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        if n >= 64 {
            compress(p, blocks: n / 64)
            p += n / 64 * 64; n %= 64
        }
        if n > 0 { pending.append(contentsOf: UnsafeRawBufferPointer(start: p, count: n)) }
    }

    /// The 32-byte digest; the hasher is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for k in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(k) * 8))) }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: tail.count / 64) }
        pending.removeAll()
        let s = state
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7] {
            out += [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)]
        }
        return out
    }

    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for b in finalize() { text += [digits[Int(b >> 4)], digits[Int(b & 15)]] }
        return String(decoding: text, as: UTF8.self)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if useHardware {
            withUnsafeMutableBytes(of: &state) { s in
                cds_sha256_hw_blocks(s.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                     data.assumingMemoryBound(to: UInt8.self), blocks)
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        let k = SHA256.roundConstants
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for block in 0..<blocks {
                let p = data + block * 64
                for t in 0..<16 { w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
                for t in 16..<64 {
                    let a = w[t - 15], b = w[t - 2]
                    let s0 = Self.rotr(a, 7) ^ Self.rotr(a, 18) ^ (a >> 3)
                    let s1 = Self.rotr(b, 17) ^ Self.rotr(b, 19) ^ (b >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                for t in 0..<64 {
                    let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
                    let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// The round constants, shared with the C path (CSHA256).
    private static var roundConstants: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: cds_sha256_k(), count: 64) }

    /// The hex digest of a file, read in 1 MiB pieces (never all in memory). Throws the
    /// file's errno on failure.
    public static func hexOfFile(at path: String) throws(FileError) -> (hex: String, bytes: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(code: errno) }
        defer { close(fd) }
        let size = 1 << 20
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buf.deallocate() }
        var h = SHA256()
        var total = 0
        while true {
            let n = read(fd, buf, size)
            if n > 0 { h.update(UnsafeRawBufferPointer(start: buf, count: n)); total += n; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw FileError(code: errno)
        }
        return (h.finalizeHex(), total)
    }

    public struct FileError: Error, Equatable { public var code: Int32 }
}
