import Foundation

/// Reads `units.json` (two or three tiers) and, when the snapshot carries a change of
/// catalogue, `units_before.json` and the predecessors of each commune: the old→new mapping.
/// Problems of the mapping are all reported, each at its `file:line`.
enum Catalogue {
    /// Lines of `"code": "…"` in a JSON text, in file order: JSONSerialization keeps no
    /// positions, so an error about a code is placed at the line the code is written on.
    struct CodeLines {
        private var lines: [String: [Int]] = [:]
        init(_ data: Data) {
            var line = 1
            let bytes = [UInt8](data)
            var i = 0
            let key = Array("\"code\"".utf8)
            while i < bytes.count {
                if bytes[i] == 0x0A { line += 1; i += 1; continue }
                if bytes[i] == 0x22, i + key.count <= bytes.count, Array(bytes[i..<(i + key.count)]) == key {
                    var j = i + key.count
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x3A || bytes[j] == 0x09 { j += 1 }
                    if j < bytes.count, bytes[j] == 0x22 {
                        var k = j + 1
                        while k < bytes.count, bytes[k] != 0x22, bytes[k] != 0x0A { k += 1 }
                        lines[String(decoding: bytes[(j + 1)..<k], as: UTF8.self), default: []].append(line)
                        i = k
                        continue
                    }
                }
                i += 1
            }
        }
        /// The first line at or after `after` where `code` is written.
        func line(_ code: String, after: Int = 0) -> Int? { lines[code]?.first { $0 >= after } ?? lines[code]?.first }
    }

    static func read(units data: Data, name f: String, before: Data?, beforeName bf: String = "units_before.json",
                     issues: inout IssueCollector) throws(SnapshotIssue) -> UnitTree {
        let o = try JSONFiles.object(data: data, name: f)
        guard let p = o["province"] as? [String: Any] else {
            throw SnapshotIssue(file: f, line: nil, message: "missing \"province\" object")
        }
        let province = try JSONFiles.provinceUnit(p, f)
        var seen = Set<String>()
        var tree: UnitTree
        var communeObjects: [[String: Any]] = []
        var old: [UnitTree] = []
        if let ds = p["districts"] as? [[String: Any]], !ds.isEmpty {
            let list = try JSONFiles.districts(ds, f, seen: &seen)
            try checkSize(1 + list.reduce(0, { $0 + 1 + $1.1.count }), f)
            tree = UnitTree(province: province, districts: list)
        } else if let cs = p["communes"] as? [[String: Any]], !cs.isEmpty {
            communeObjects = cs
            try checkSize(1 + cs.count * 2, f)
            old = try before.map { d throws(SnapshotIssue) in try oldProvinces(d, bf) } ?? []
            tree = try twoTier(province, cs, f, old: old, positions: data, seen: &seen)
        } else {
            throw SnapshotIssue(file: f, line: nil, message: "province has neither a \"districts\" list (three tiers) "
                                + "nor a \"communes\" list (two tiers)")
        }
        tree.bounds = try JSONFiles.bounds(p, f, province.shortName)
        let hasPredecessors = communeObjects.contains { $0["predecessors"] != nil }
        guard let before else {
            if hasPredecessors {
                issues.add(SnapshotIssue(file: f, line: nil, message: "communes list predecessors but there is no units_before.json "
                                         + "(the old catalogue they refer to)"))
            }
            return tree
        }
        guard !communeObjects.isEmpty else {
            throw SnapshotIssue(file: bf, line: nil, message: "units_before.json needs a two-tier units.json (communes with predecessors)")
        }
        let dateText = (p["valid_from"] as? String) ?? (o["effective"] as? String) ?? ""
        guard let date = Day(iso: dateText) else {
            throw SnapshotIssue(file: f, line: nil, message: "province: \"valid_from\" (the day the catalogue took effect, "
                                + "YYYY-MM-DD) is required with units_before.json")
        }
        try checkValidUntil(before, bf, validFrom: date)
        tree.change = mapping(tree, communeObjects, date: date, old: old, f: f, lines: CodeLines(data), bf: bf,
                              beforeLines: CodeLines(before), issues: &issues)
        // A commune made of whole communes of more than one former district straddles them.
        if let change = tree.change {
            var districtsOf: [Int: Set<String>] = [:]
            for (oldCode, links) in change.links {
                guard let r = change.oldCommune(numericCode: oldCode) else { continue }
                let d = change.before[r.tree].parent(of: r.index).map { change.before[r.tree].units[$0].code } ?? ""
                for l in links where l.share >= 1 { districtsOf[l.unit, default: []].insert(d) }
            }
            for (u, ds) in districtsOf where ds.count > 1 { tree.setStraddles(u) }
        }
        return tree
    }

    static func checkSize(_ n: Int, _ f: String) throws(SnapshotIssue) {
        guard n <= DossierAccumulator.maximumUnits else {
            throw SnapshotIssue(file: f, line: nil, message: "more than \(DossierAccumulator.maximumUnits) units")
        }
    }

    /// `units_before.json`'s `valid_until`, if given: the last day of the old catalogue, so the
    /// day before the change (`valid_from` of units.json).
    static func checkValidUntil(_ data: Data, _ bf: String, validFrom: Day) throws(SnapshotIssue) {
        let o = try JSONFiles.object(data: data, name: bf)
        guard let value = o["valid_until"] else { return }
        let day = (value as? String).flatMap { Day(iso: $0) }
        let expected = Day(number: validFrom.number - 1)
        guard day != expected else { return }
        let shown = (value as? String).map { "\"\($0.prefix(20))\"" } ?? "\(value)"
        let why = day == nil ? "is not a YYYY-MM-DD date" : day! >= validFrom ? "is not before the change (valid_from \(validFrom) in units.json)"
            : "leaves a gap before the change (valid_from \(validFrom) in units.json)"
        throw SnapshotIssue(file: bf, at: JSONPositions(data).rootValue("valid_until"),
                            message: "valid_until \(shown) \(why): the old catalogue holds to the day before, \(expected)")
    }

    /// `{"provinces": [province, …]}`: the old three-tier provinces.
    static func oldProvinces(_ data: Data, _ bf: String) throws(SnapshotIssue) -> [UnitTree] {
        let o = try JSONFiles.object(data: data, name: bf)
        guard let ps = o["provinces"] as? [[String: Any]], !ps.isEmpty else {
            throw SnapshotIssue(file: bf, line: nil, message: "missing \"provinces\" list (the old provinces, each with districts)")
        }
        var seen = Set<String>()
        var out: [UnitTree] = []
        for p in ps {
            let province = try JSONFiles.provinceUnit(p, bf)
            guard let ds = p["districts"] as? [[String: Any]], !ds.isEmpty else {
                throw SnapshotIssue(file: bf, line: nil, message: "province \(province.code): no \"districts\" list")
            }
            out.append(UnitTree(province: province, districts: try JSONFiles.districts(ds, bf, seen: &seen)))
        }
        return out
    }

    /// Province → former districts (groupings, "khu vực Đồng Văn (cũ)") → communes; communes
    /// without `former_district_code` sit under the province. A former district is a district of
    /// the old catalogue (`old`, from units_before.json): any other code is refused at the
    /// `file:line:column` of the code in `positions` (the text of units.json).
    static func twoTier(_ province: AdminUnit, _ cs: [[String: Any]], _ f: String, old: [UnitTree], positions: Data,
                        seen: inout Set<String>) throws(SnapshotIssue) -> UnitTree {
        var groups: [String: [AdminUnit]] = [:]
        var direct: [AdminUnit] = []
        for (j, c) in cs.enumerated() {
            let u = try JSONFiles.commune(c, f, "commune #\(j + 1): ", seen: &seen)
            if let g = c["former_district_code"] as? String, !g.isEmpty {
                func refuse(_ why: String) -> SnapshotIssue {
                    let places = JSONPositions(positions).objects(under: "communes", depth: 3)
                    let at = j < places.count ? places[j].values["former_district_code"] : nil
                    return SnapshotIssue(file: f, at: at, message: "commune \(u.code): former_district_code \"\(g.prefix(20))\" \(why)")
                }
                guard g.count == 3, g.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw refuse("is not a 3-digit code") }
                guard !old.isEmpty else {
                    throw refuse("names a former district, but there is no units_before.json (the old catalogue of districts)")
                }
                guard old.contains(where: { $0.unit(code: g)?.level == .district }) else {
                    throw refuse("is not a district of units_before.json")
                }
                groups[g, default: []].append(u)
            } else {
                direct.append(u)
            }
        }
        var list: [(AdminUnit, [AdminUnit])] = []
        for code in groups.keys.sorted() {
            let former = old.lazy.compactMap { $0.unit(code: code) }.first
            let short = former?.shortName ?? code
            var g = AdminUnit(code: code, name: "khu vực \(short) (cũ)", shortName: "\(short) (cũ)", kind: "khu vực",
                              level: .district, population: former?.population)
            g.isGrouping = true
            list.append((g, groups[code]!))
        }
        var tree = UnitTree(province: province, districts: list, directCommunes: direct)
        tree.twoTier = true
        return tree
    }

    /// The old→new links from each commune's `predecessors`, every problem reported.
    static func mapping(_ tree: UnitTree, _ cs: [[String: Any]], date: Day, old: [UnitTree], f: String, lines: CodeLines,
                        bf: String, beforeLines: CodeLines, issues: inout IssueCollector) -> UnitChange {
        struct Pending { var unit: Int; var share: Double?; var line: Int?; var newCode: String }
        let probe = UnitChange(date: date, before: old, links: [:])
        var byOld: [Int: [Pending]] = [:]
        var previousLine = 0
        for c in cs {
            guard let code = c["code"] as? String, let n = Int(code), let u = tree.commune(numericCode: n) else { continue }
            let at = lines.line(code, after: previousLine)
            previousLine = at ?? previousLine
            for (k, pre) in ((c["predecessors"] as? [[String: Any]]) ?? []).enumerated() {
                let pc = (pre["code"] as? String) ?? ""
                let line = lines.line(pc, after: at ?? 0) ?? at
                guard let pn = Int(pc), pc.count == 5, probe.oldCommune(numericCode: pn) != nil else {
                    issues.add(SnapshotIssue(file: f, line: line, message: "commune \(code), predecessor #\(k + 1): \"\(pc)\" is not a "
                                             + "commune of \(bf)"))
                    continue
                }
                let part = (pre["part"] as? String) ?? "full"
                guard part == "full" || part == "partial" else {
                    issues.add(SnapshotIssue(file: f, line: line, message: "commune \(code), predecessor \(pc): part \"\(part)\" "
                                             + "must be full or partial"))
                    continue
                }
                var share: Double? = part == "full" ? 1 : nil
                if let s = pre["share"] {
                    guard let v = (s as? NSNumber)?.doubleValue, v > 0, v <= 1 else {
                        issues.add(SnapshotIssue(file: f, line: line, message: "commune \(code), predecessor \(pc): share must be a "
                                                 + "number above 0 and at most 1"))
                        continue
                    }
                    if part == "full", v != 1 {
                        issues.add(SnapshotIssue(file: f, line: line, message: "commune \(code), predecessor \(pc): a full link "
                                                 + "takes the whole old commune (share 1), not \(v)"))
                        continue
                    }
                    share = v
                }
                byOld[pn, default: []].append(Pending(unit: u, share: share, line: line, newCode: code))
            }
        }
        var links: [Int: [UnitChange.Link]] = [:]
        for t in old {
            for i in t.communeIndexes {
                let oc = t.units[i].code
                guard let n = Int(oc), let ps = byOld[n] else {
                    issues.add(SnapshotIssue(file: bf, line: beforeLines.line(oc), message: "commune \(oc) (\(t.units[i].name)) "
                                             + "is not mapped: no commune of units.json lists it among its predecessors"))
                    continue
                }
                let given = ps.compactMap(\.share).reduce(0, +)
                let open = ps.filter { $0.share == nil }
                let names = ps.map(\.newCode).joined(separator: ", ")
                var shares = ps.map(\.share)
                if !open.isEmpty {
                    let each = (1 - given) / Double(open.count)
                    guard each > 1e-9 else {
                        issues.add(SnapshotIssue(file: f, line: open[0].line, message: "old commune \(oc): the given shares already "
                                                 + "sum to \(given); its other links (\(names)) get nothing"))
                        continue
                    }
                    shares = shares.map { $0 ?? each }
                    issues.add(SnapshotIssue(file: f, line: open[0].line, message: "old commune \(oc) is split between \(names) "
                                             + "with no share given: split equally", severity: .warning))
                } else if abs(given - 1) > 1e-6 {
                    issues.add(SnapshotIssue(file: f, line: ps[0].line, message: "the shares of old commune \(oc) (to \(names)) "
                                             + "sum to \(given), not 1"))
                    continue
                }
                links[n] = zip(ps, shares).map { UnitChange.Link(unit: $0.unit, share: $1 ?? 0) }
            }
        }
        return UnitChange(date: date, before: old, links: links)
    }
}
