import Foundation

/// Units of a sheet matched to the snapshot's catalogue: by code where the sheet has one, else by
/// name in any of the spellings offices use: NFC or NFD, the tone mark on either vowel
/// (Hoá/Hóa, Thuỷ/Thủy), any case, extra spaces, and prefixes ("Xã", "Phường", "Thị trấn",
/// "UBND xã", "TT", "P.", "X."). Nothing closer than that is guessed: an unknown or ambiguous
/// name is an error with the nearest candidates.
public struct UnitMatcher: Sendable {
    /// A unit of the catalogue.
    public struct Entry: Sendable, Equatable, Hashable {
        public var code: String, name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public enum Outcome: Sendable, Equatable {
        /// Found; `exact` when the sheet wrote the catalogue's name as it is (NFC, spaces aside).
        case matched(Entry, exact: Bool)
        case unknown(nearest: [Entry])
        case ambiguous([Entry])
        /// A provincial agency (sở, ban, ngành): no agency catalogue yet, so the row is skipped
        /// and reported.
        case agency
    }

    let entries: [Entry]
    private var byCode: [String: Entry] = [:]
    private var byFull: [String: [Entry]] = [:]
    private var byBase: [String: [Entry]] = [:]

    public init(units: [Entry]) {
        entries = units
        for e in units {
            byCode[e.code] = e
            let (kind, base) = Self.split(e.name)
            byBase[base, default: []].append(e)
            if let kind { byFull[kind + " " + base, default: []].append(e) }
        }
    }

    /// Prefixes as name keys, longest first; the kind they give (`xa`, `phuong`, `thi tran`).
    static let prefixes: [(key: String, kind: String?)] = [
        ("ủy ban nhân dân", nil), ("uỷ ban nhân dân", nil), ("ubnd", nil), ("khu vực", nil),
        ("thành phố", "thành phố"), ("tp.", "thành phố"), ("tp", "thành phố"), ("thị xã", "thị xã"), ("tx.", "thị xã"),
        ("tx", "thị xã"), ("huyện", "huyện"), ("tỉnh", "tỉnh"),
        ("thị trấn", "thị trấn"), ("phường", "phường"), ("xã", "xã"), ("tt.", "thị trấn"), ("tt", "thị trấn"),
        ("p.", "phường"), ("x.", "xã"),
    ].map { (Folding.name($0.0), $0.1.map { Folding.name($0) }) }

    /// A name's kind (from its prefix) and its base name key: `UBND xã Ngọc Đường` → (xã, ngọc đường).
    static func split(_ name: String) -> (kind: String?, base: String) {
        var key = Folding.name(name)
        for suffix in ["(cũ)", "cũ"].map(Folding.name) where key.hasSuffix(" " + suffix) {
            key = String(key.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        var kind: String?
        var stripped = true
        while stripped {
            stripped = false
            for (p, k) in prefixes {
                if key.hasPrefix(p + " ") || (p.hasSuffix(".") && key.hasPrefix(p) && key.count > p.count) {
                    key = String(key.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
                    if let k { kind = k }
                    stripped = true
                    break
                }
            }
        }
        return (kind, key)
    }

    static let agencyWords = ["sở", "ban", "công an", "văn phòng", "bảo hiểm", "cục", "chi cục", "kho bạc", "trung tâm",
                              "ubnd tỉnh", "ủy ban nhân dân tỉnh", "thanh tra", "đài", "bộ chỉ huy"].map(Folding.name)

    public func match(name: String, code: String? = nil) -> Outcome {
        if let code, let e = byCode[code] { return .matched(e, exact: true) }
        let (kind, base) = Self.split(name)
        var found: [Entry] = []
        if let kind { found = byFull[kind + " " + base] ?? [] }
        if found.isEmpty { found = byBase[base] ?? [] }
        if found.count == 1 {
            let e = found[0]
            return .matched(e, exact: Folding.collapse(name.precomposedStringWithCanonicalMapping) == e.name.precomposedStringWithCanonicalMapping)
        }
        if found.count > 1 { return .ambiguous(found) }
        let key = Folding.name(name)
        if Self.agencyWords.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) { return .agency }
        return .unknown(nearest: nearest(base))
    }

    /// The three catalogue names nearest to `base` (edit distance on folded ASCII keys).
    func nearest(_ base: String, count: Int = 3) -> [Entry] {
        let target = Array(Folding.header(base).unicodeScalars)
        let scored = entries.map { e -> (Int, Entry) in
            (Self.distance(target, Array(Folding.header(Self.split(e.name).base).unicodeScalars)), e)
        }
        return scored.sorted { ($0.0, $0.1.name) < ($1.0, $1.1.name) }.prefix(count).map(\.1)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
