import Foundation

/// Parsers for the three JSON files: `manifest.json`, `units.json`, `targets.json`.
enum JSONFiles {
    static let maxJSONBytes = 32 << 20

    /// The bytes of `name` in `directory` (at most `maxJSONBytes`).
    static func read(_ directory: String, _ name: String) throws(SnapshotIssue) -> Data {
        let buffer: ByteBuffer
        do { buffer = try ByteBuffer(contentsOf: directory + "/" + name, displayName: name, maxBytes: maxJSONBytes) }
        catch let e as SnapshotIssue { throw e }
        catch { throw SnapshotIssue(file: name, line: nil, message: "\(error)") }
        return Data(bytes: buffer.base, count: buffer.count)
    }

    static func object(data input: Data, name: String) throws(SnapshotIssue) -> [String: Any] {
        var data = input
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let any: Any
        do { any = try JSONSerialization.jsonObject(with: data, options: []) } catch {
            throw SnapshotIssue(file: name, line: lineOf(error, data), message: "invalid JSON")
        }
        guard let obj = any as? [String: Any] else {
            throw SnapshotIssue(file: name, line: 1, message: "expected a JSON object at the top level")
        }
        return obj
    }

    /// Best effort: the line of a JSON syntax error, from the error text or the byte offset.
    static func lineOf(_ error: Error, _ data: Data) -> Int? {
        let text = "\(error)"
        for key in ["line ", "line: "] {
            if let r = text.range(of: key) {
                let digits = text[r.upperBound...].prefix { $0.isNumber }
                if let n = Int(digits) { return n }
            }
        }
        if let ns = error as NSError?, let offset = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int {
            return data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        return 1
    }

    static func string(_ o: [String: Any], _ key: String, _ file: String, _ context: String = "") throws(SnapshotIssue) -> String {
        guard let v = o[key] as? String, !v.isEmpty else {
            if let v = o[key], !(v is NSNull), !(v is String) {
                let kind = v is [Any] ? "a list" : v is [String: Any] ? "an object" : v is NSNumber ? "a number or true/false" : "not text"
                throw SnapshotIssue(file: file, line: nil, message: "\(context)\"\(key)\" must be a string, not \(kind)")
            }
            throw SnapshotIssue(file: file, line: nil, message: "\(context)missing or empty \"\(key)\"")
        }
        return v.precomposedForm
    }

    /// An optional text, in NFC (names may arrive decomposed; they are shown and exported in NFC).
    static func text(_ o: [String: Any], _ key: String) -> String? { (o[key] as? String)?.precomposedForm }

    static func manifest(data: Data, name f: String = "manifest.json") throws(SnapshotIssue) -> Manifest {
        let o = try object(data: data, name: f)
        let code = try string(o, "province_code", f)
        let gen = try string(o, "generated_at", f)
        guard let (date, offset) = parseISO8601(gen) else {
            throw SnapshotIssue(file: f, line: nil, message: "generated_at \"\(gen)\" is not ISO 8601 with an offset (2024-07-05T08:00:00+07:00)")
        }
        let pe = try string(o, "period_end", f)
        guard let periodEnd = Day(iso: pe) else {
            throw SnapshotIssue(file: f, line: nil, message: "period_end \"\(pe)\" is not a YYYY-MM-DD date")
        }
        var sources: [String] = []
        if let s = o["sources"] as? [Any] {
            sources = s.map { item in
                if let t = item as? String { return t.precomposedForm }
                if let d = item as? [String: Any], let n = text(d, "name") { return n }
                return "\(item)"
            }
        } else if let s = text(o, "sources") { sources = [s] }
        return Manifest(provinceCode: code, generatedAtText: gen, generatedAt: date, utcOffsetSeconds: offset,
                        periodEnd: periodEnd, sources: sources, files: try ExportIntegrity.fileList(o))
    }

    /// `2024-07-05T08:00:00+07:00` or `...Z`: the instant and the written offset.
    static func parseISO8601(_ text: String) -> (Date, Int)? {
        let chars = Array(text.utf8)
        guard chars.count >= 20 else { return nil }
        func num(_ a: Int, _ n: Int) -> Int? {
            var v = 0
            for k in a..<(a + n) { guard k < chars.count, chars[k] >= 48, chars[k] <= 57 else { return nil }; v = v * 10 + Int(chars[k] - 48) }
            return v
        }
        guard let y = num(0, 4), chars[4] == 45, let mo = num(5, 2), chars[7] == 45, let d = num(8, 2),
              chars[10] == 84 || chars[10] == 32, let h = num(11, 2), chars[13] == 58, let mi = num(14, 2),
              chars[16] == 58, let s = num(17, 2), h < 24, mi < 60, s < 61,
              let day = Day(year: y, month: mo, day: d) else { return nil }
        var i = 19
        if i < chars.count, chars[i] == 46 { i += 1; while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 } }
        guard i < chars.count else { return nil }
        var offset = 0
        if chars[i] == 90 { // Z
            guard i + 1 == chars.count else { return nil }
        } else if chars[i] == 43 || chars[i] == 45 {
            guard let oh = num(i + 1, 2), chars.count == i + 6, chars[i + 3] == 58, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 3600 + om * 60) * (chars[i] == 45 ? -1 : 1)
        } else { return nil }
        let seconds = day.number * 86400 + h * 3600 + mi * 60 + s - offset
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), offset)
    }

    static func units(data: Data, name f: String = "units.json") throws(SnapshotIssue) -> UnitTree {
        var issues = IssueCollector()
        let tree = try Catalogue.read(units: data, name: f, before: nil, issues: &issues)
        if let e = issues.errors.first { throw e }
        return tree
    }

    /// A 3- or 5-digit code under `key`, checked and not seen before.
    static func code(_ o: [String: Any], digits: Int, _ f: String, _ ctx: String, seen: inout Set<String>) throws(SnapshotIssue) -> String {
        let code = try string(o, "code", f, ctx)
        guard code.count == digits, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw SnapshotIssue(file: f, line: nil, message: "\(ctx)code \"\(code)\" is not a \(digits)-digit code")
        }
        guard seen.insert(code).inserted else { throw SnapshotIssue(file: f, line: nil, message: "duplicate unit code \(code)") }
        return code
    }

    static func commune(_ c: [String: Any], _ f: String, _ ctx: String, seen: inout Set<String>) throws(SnapshotIssue) -> AdminUnit {
        let cc = try code(c, digits: 5, f, ctx, seen: &seen)
        let cn = try string(c, "name", f, ctx)
        return AdminUnit(index: 0, code: cc, name: cn, shortName: text(c, "short_name") ?? cn,
                         kind: (text(c, "kind") ?? "xã").lowercased(), level: .commune, parent: nil, children: [],
                         population: nil)
    }

    /// The province unit of a `province` object (units.json, or one old province of units_before.json).
    static func provinceUnit(_ p: [String: Any], _ f: String) throws(SnapshotIssue) -> AdminUnit {
        let pcode = try string(p, "code", f, "province: ")
        let pname = try string(p, "name", f, "province: ")
        return AdminUnit(index: 0, code: pcode, name: text(p, "full_name") ?? pname, shortName: pname,
                         kind: text(p, "kind") ?? "tỉnh", level: .province, parent: nil, children: [],
                         population: p["population_2019"] as? Int)
    }

    /// The districts of a three-tier `province` object, each with its communes.
    static func districts(_ ds: [[String: Any]], _ f: String, seen: inout Set<String>) throws(SnapshotIssue) -> [(AdminUnit, [AdminUnit])] {
        var list: [(AdminUnit, [AdminUnit])] = []
        for (k, d) in ds.enumerated() {
            let ctx = "district #\(k + 1): "
            let code = try code(d, digits: 3, f, ctx, seen: &seen)
            let name = try string(d, "name", f, ctx)
            let du = AdminUnit(index: 0, code: code, name: name, shortName: text(d, "short_name") ?? name,
                          kind: (text(d, "kind") ?? "huyện").lowercased(), level: .district, parent: 0, children: [],
                          population: d["population_2019"] as? Int)
            var communes: [AdminUnit] = []
            for (j, c) in ((d["communes"] as? [[String: Any]]) ?? []).enumerated() {
                communes.append(try commune(c, f, "district \(code), commune #\(j + 1): ", seen: &seen))
            }
            list.append((du, communes))
        }
        return list
    }

    static func bounds(_ p: [String: Any], _ f: String, _ pname: String) throws(SnapshotIssue) -> GeoBounds? {
        guard let b = p["bounds"] else { return nil }
        guard let box = b as? [String: Any], let south = (box["south"] as? NSNumber)?.doubleValue,
              let north = (box["north"] as? NSNumber)?.doubleValue, let west = (box["west"] as? NSNumber)?.doubleValue,
              let east = (box["east"] as? NSNumber)?.doubleValue,
              (-90...90).contains(south), south < north, north <= 90, (-180...180).contains(west), west < east, east <= 180 else {
            throw SnapshotIssue(file: f, line: nil, message: "province: \"bounds\" must be {\"south\", \"north\", \"west\", \"east\"} "
                                + "in degrees, south < north and west < east")
        }
        return GeoBounds(south: south, north: north, west: west, east: east, name: "\(pname)'s bounding box")
    }
}
