import Foundation
import SnapshotKit

/// `cdsboard gen --profile tuyen-quang`: the merged province of the 2025 reform, two tiers, with
/// the old catalogue and the old→new mapping, 2023-01 … 2026-10.
///
/// The first old province (Hà Giang) is generated exactly as the `ha-giang` sample, so that
/// before the change its figures equal that sample's; the others get synthetic figures of
/// their own. Rows dated before 2025-07-01 are written in the old codes, later ones in the
/// new; stock tables (sites, villages) in the new codes.
public struct MergedSampleGenerator {
    public static let defaultSeed: UInt64 = 2025
    public static let generatedAt = "2026-11-05T08:00:00+07:00"
    public static let periodEnd = "2026-10-31"
    public static let changeDate = "2025-07-01"
    /// Villages of the other old provinces, and those without mobile signal there: with the
    /// `ha-giang` sample's 2.071 (23 without) they make 3.802, 91 without (Báo Tuyên Quang, 01/2026).
    static let otherVillages = 1_731, otherUncovered = 68

    /// The current units (the shared catalogue's shape: communes with `predecessors`).
    public var unitsJSON: Data
    /// `units_before.json` (`{"provinces": […]}`), or several `{"province": …}` files.
    public var beforeJSONs: [Data]
    public var seed: UInt64 = MergedSampleGenerator.defaultSeed
    /// A `geometry.json` to copy into the snapshot (checked against the units), if any.
    public var geometryJSON: Data?
    /// Raw dossier rows to write (`dossiers.csv`, `MergedDossierRows`) instead of the statistics.
    public var dossierRows: Int?

    public init(unitsJSON: Data, beforeJSONs: [Data]) { self.unitsJSON = unitsJSON; self.beforeJSONs = beforeJSONs }

    typealias Row = [String]

    public func write(to dir: String) throws {
        if let n = dossierRows, !(0...SampleGenerator.maximumDossierRows).contains(n) { throw SampleGenerator.tooManyRows(n) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let (units, before) = try catalogueJSON()
        try OutputFile.write(units, to: dir + "/units.json")
        try OutputFile.write(before, to: dir + "/units_before.json")
        let tree = try UnitTree.read(units: units, before: before)
        guard let change = tree.change, let first = change.before.first else {
            throw SnapshotIssue(file: "units.json", line: nil, message: "no catalogue change")
        }
        let tmp = NSTemporaryDirectory() + "cdsboard-gen-\(getpid())-\(UUID().uuidString.prefix(8))"   // one per call: tests generate at once
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        // The first old province: the ha-giang sample itself.
        let firstObject = try JSONSerialization.jsonObject(with: before) as? [String: Any]
        let firstProvince = ((firstObject?["provinces"] as? [Any])?.first).map { ["province": $0] } ?? [:]
        try SampleGenerator(unitsJSON: JSONSerialization.data(withJSONObject: firstProvince)).write(to: tmp + "/first")
        func read(_ path: String) throws -> [Row] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        var rng = SeededRandom(seed: seed)
        // The first province's rows whole (the ha-giang sample, optional columns included); the
        // others' and every copied month's optional columns are made again (`writeStats`).
        var stats = try read(tmp + "/first/dossier_stats.csv")
        for (k, t) in change.before.enumerated().dropFirst() {
            try DossierGenerator(units: t, seed: rng.next() &+ UInt64(k)).writeCalibratedStats(to: tmp + "/stats\(k).csv")
            stats += try read(tmp + "/stats\(k).csv").map { scaled($0, 0.9) }
        }
        let newCode = { (old: String) -> String in
            Int(old).flatMap { change.mainLink(ofOld: $0) }.map { tree.units[$0].code } ?? ""
        }
        let dossierFile = dossierRows == nil ? "dossier_stats.csv" : "dossiers.csv"
        for stale in ["dossiers.csv", "dossier_stats.csv"] { try? FileManager.default.removeItem(atPath: dir + "/" + stale) }
        if let n = dossierRows {
            let end = Day(iso: Self.periodEnd)!
            try MergedDossierRows(tree: tree, change: change, seed: seed, periodEnd: end).rows(count: n, to: dir + "/dossiers.csv").close()
        } else {
            try writeStats(stats, newCode, to: dir + "/dossier_stats.csv")
        }
        var assets = rng
        try writeBTS(try read(tmp + "/first/bts.csv"), tree, change, newCode, &assets, to: dir + "/bts.csv")
        try writeVillages(try read(tmp + "/first/villages.csv"), change, newCode, &assets, to: dir + "/villages.csv")
        try writeOCOP(try read(tmp + "/first/ocop.csv"), change, &assets, to: dir + "/ocop.csv")
        try writeTourism(try read(tmp + "/first/tourism.csv"), change, first, &assets, to: dir + "/tourism.csv")
        try writeSociety(try read(tmp + "/first/society.csv"), tree, villages: try read(dir + "/villages.csv"),
                         to: dir + "/" + TableKind.society.fileName)
        try OutputFile.write(Data(SampleGenerator.targetsText.utf8), to: dir + "/targets.json")
        let geometryName = try SampleGenerator.writeGeometry(geometryJSON, units: tree, to: dir)
        // The Tuyên Quang 2026 sample's (a province of another code gets none).
        let committee = try SampleGenerator.writeCommitteeFiles(tree.province.code == "08" ? CommitteeSampleFiles.tuyenQuang2026 : [],
                                                                to: dir)
        // Last, with the size and SHA-256 of every file written above.
        let files = try ExportIntegrity.listing(directory: dir, names: ["units.json", "units_before.json", "targets.json",
                                                                        dossierFile, "bts.csv", "villages.csv",
                                                                        "ocop.csv", "tourism.csv", TableKind.society.fileName]
                                                     + geometryName + committee)
        try OutputFile.write(Data(manifest(tree, files).utf8), to: dir + "/manifest.json")
    }

    func manifest(_ tree: UnitTree, _ files: [ManifestFile]) -> String {
        let how = dossierRows.map { "cdsboard gen --profile tuyen-quang --seed \(seed) --dossiers \($0): synthetic data, \($0) raw "
            + "dossier rows, in the old codes before 2025-07-01" }
            ?? "cdsboard gen --profile tuyen-quang --seed \(seed): synthetic data; the former Hà Giang before 2025-07-01 is the ha-giang sample"
        return """
        {
          "province_code": "\(tree.province.code)",
          "generated_at": "\(Self.generatedAt)",
          "period_end": "\(Self.periodEnd)",
          "sources": [
            "\(how)",
            "Administrative units: Resolution 1684/NQ-UBTVQH15, Decision 19/2025/QĐ-TTg (shared/data/tuyen-quang-2025-units.json); old units: GSO lists of 2024"
          ],
        \(ExportIntegrity.json(files))
        }

        """
    }

    // MARK: Catalogue

    /// units.json (with `valid_from`, the box, and a share for each partial link: by the new
    /// units' areas, an estimate, since none is published) and units_before.json.
    func catalogueJSON() throws -> (Data, Data) {
        guard var root = try JSONSerialization.jsonObject(with: unitsJSON) as? [String: Any],
              var p = root["province"] as? [String: Any], var communes = p["communes"] as? [[String: Any]] else {
            throw SnapshotIssue(file: "units.json", line: nil, message: "expected {\"province\": {\"communes\": […]}}")
        }
        var area: [String: Double] = [:]
        var links: [String: [String]] = [:]
        for c in communes {
            let code = c["code"] as? String ?? ""
            area[code] = (c["area_km2"] as? NSNumber)?.doubleValue ?? 1
            for pre in (c["predecessors"] as? [[String: Any]]) ?? [] where pre["part"] as? String == "partial" {
                links[pre["code"] as? String ?? "", default: []].append(code)
            }
        }
        for i in communes.indices {
            guard var pres = communes[i]["predecessors"] as? [[String: Any]] else { continue }
            for j in pres.indices where pres[j]["part"] as? String == "partial" && pres[j]["share"] == nil {
                let old = pres[j]["code"] as? String ?? ""
                let to = links[old] ?? []
                let total = to.reduce(0) { $0 + (area[$1] ?? 1) }
                let shares = to.map { ((area[$0] ?? 1) / total * 100).rounded() / 100 }
                let k = to.firstIndex(of: communes[i]["code"] as? String ?? "") ?? 0
                // The last link takes what the rounded others leave, so the shares sum to 1.
                pres[j]["share"] = k == to.count - 1 ? ((1 - shares.dropLast().reduce(0, +)) * 100).rounded() / 100 : shares[k]
            }
            communes[i]["predecessors"] = pres
        }
        p["communes"] = communes
        p["valid_from"] = p["valid_from"] ?? Self.changeDate
        p["bounds"] = p["bounds"] ?? ["south": 21.3, "north": 23.5, "west": 104.2, "east": 105.9]
        root = ["province": p]
        var provinces: [Any] = []
        for d in beforeJSONs {
            let o = try JSONSerialization.jsonObject(with: d) as? [String: Any] ?? [:]
            if let ps = o["provinces"] as? [Any] { provinces += ps } else if let one = o["province"] { provinces.append(one) }
        }
        let before: [String: Any] = ["valid_until": "2025-06-30", "provinces": provinces]
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try JSONSerialization.data(withJSONObject: root, options: options) + Data("\n".utf8),
                try JSONSerialization.data(withJSONObject: before, options: options) + Data("\n".utf8))
    }

    // MARK: Dossiers

    /// The counts of a statistics row (columns 6…12) multiplied by `f`, rounded down: every
    /// "at most" between them still holds.
    /// The optional columns are left out: they are made again for the new counts.
    func scaled(_ r: Row, _ f: Double) -> Row {
        var out = Array(r.prefix(13))
        for c in 6...12 { out[c] = String(Int(Double(Int(r[c]) ?? 0) * f)) }
        return out
    }

    /// Before the change, the old codes: the first year and a half as generated, then the same
    /// months a year on (+4%). After it, the new codes: the same months a year earlier re-based
    /// (+5%); district-level and provincial work counts at province level.
    func writeStats(_ generated: [Row], _ newCode: (String) -> String, to path: String) throws {
        var byMonth: [String: [Row]] = [:]
        var order: [String] = []
        for r in generated {
            if byMonth[r[0]] == nil { order.append(r[0]) }
            byMonth[r[0], default: []].append(r)
        }
        let last = Month(iso: Self.periodEnd.prefix(7).description)!
        let change = Day(iso: Self.changeDate)!.month
        var m = Month(iso: order.last!)!.adding(1)
        while m <= last {
            let source = byMonth[m.adding(-12).description] ?? []
            if m < change {
                byMonth[m.description] = source.map { var r = scaled($0, 1.04); r[0] = m.description; return r }
            } else {
                var sums: [String: Row] = [:]
                var keys: [String] = []
                for r in source {
                    var out = scaled(r, 1.05)
                    out[0] = m.description
                    if m.adding(-12) < change {
                        let commune = r[3] == "commune" ? newCode(r[2]) : ""
                        out[1] = ""; out[2] = commune; out[3] = commune.isEmpty ? "province" : "commune"
                    }
                    let key = out[0...5].joined(separator: ",")
                    if var s = sums[key] {
                        for c in 6...12 { s[c] = String((Int(s[c]) ?? 0) + (Int(out[c]) ?? 0)) }
                        sums[key] = s
                    } else { sums[key] = out; keys.append(key) }
                }
                byMonth[m.description] = keys.map { sums[$0]! }
            }
            order.append(m.description)
            m = m.adding(1)
        }
        let w = try CSVWriter(path: path, header: TableKind.dossierStats.readColumns)
        // Rows with their optional columns (the ha-giang sample's) are written whole. For the
        // others, form 06 and the flags are made month by month per key as the ha-giang sample
        // makes them; a key in progress keeps a row in a month it received nothing, until the
        // change (after it those dossiers count under the new units' keys, which start afresh).
        var flow = DossierGenerator.Form06Flow()
        var extra = SeededRandom(seed: seed ^ 0x766)
        var prefix: [String: (row: Row, month: Month)] = [:]
        var keys: [String] = []
        for month in order {
            let m = Month(iso: month)!
            var seen = Set<String>()
            var rows = byMonth[month]!
            for r in rows { let k = r[1...5].joined(separator: ","); seen.insert(k); if prefix[k] == nil { keys.append(k) }; prefix[k] = (r, m) }
            for k in keys where !seen.contains(k) && flow.open(k) {
                guard let p = prefix[k], !(p.month < change && m >= change) else { continue }
                var r = Array(p.row.prefix(13))
                r[0] = month
                for c in 6...12 { r[c] = "0" }
                rows.append(r)
            }
            for r in rows {
                if r.count > 13 { w.row(r); continue }
                var t = DossierTally()
                t.received = Int(r[6]) ?? 0; t.resolved = Int(r[7]) ?? 0; t.resolvedOnTime = Int(r[8]) ?? 0
                t.returned = Int(r[9]) ?? 0; t.withdrawn = Int(r[10]) ?? 0; t.pending = Int(r[11]) ?? 0
                t.pendingOverdue = Int(r[12]) ?? 0
                flow.month(r[1...5].joined(separator: ","), &t, last: m == last, &extra)
                DossierGenerator.flags(&t, r[5] == "online" ? .online : .direct, &extra)
                w.row(r + DossierGenerator.optionalCounts(t))
            }
        }
        try w.close()
    }

    // MARK: Assets

    func pick(_ xs: [(String, Double)], _ rng: inout SeededRandom) -> String {
        var u = rng.unit() * xs.reduce(0) { $0 + $1.1 }
        for (x, w) in xs { u -= w; if u < 0 { return x } }
        return xs.last!.0
    }

    /// The other old provinces' communes, each with the new unit it mostly went to.
    func otherCommunes(_ change: UnitChange) -> [(tree: UnitTree, district: AdminUnit, commune: AdminUnit, new: Int)] {
        change.before.dropFirst().flatMap { t in
            t.districts.flatMap { d in
                d.children.compactMap { c in
                    Int(t.units[c].code).flatMap { change.mainLink(ofOld: $0) }.map { (t, d, t.units[c], $0) }
                }
            }
        }
    }

    /// Sites in the new codes: the first province's as generated, 1.332 active in the others
    /// (commissioned to June 2025), and 84 commissioned since the change.
    func writeBTS(_ first: [Row], _ tree: UnitTree, _ change: UnitChange, _ newCode: (String) -> String,
                  _ rng: inout SeededRandom, to path: String) throws {
        let w = try CSVWriter(path: path, header: TableKind.bts.columns)
        for var r in first { r[2] = ""; r[3] = r[3].isEmpty ? "" : newCode(r[3]); w.row(r) }
        let others = otherCommunes(change)
        var serial = 0
        func site(_ c: Int, _ status: BTSSite.Status, _ date: Day?) {
            serial += 1
            let op = pick(SampleProfile.operators, &rng)
            let opCode = op == "Viettel" ? "VT" : op == "VNPT" ? "VN" : "MB"
            let (lat, lon) = center(c, tree, &rng)
            let tech = rng.chance(0.5) ? "2G|3G|4G" : rng.chance(0.3) ? "4G|5G" : "4G"
            w.row([String(format: "TQ-%@-%04d", opCode, serial), op, "", tree.units[c].code, String(format: "%.5f", lat),
                   String(format: "%.5f", lon), status == .active && date.map({ $0.month.year >= 2025 }) == true ? tech : "3G|4G",
                   status.name, date?.description ?? ""])
        }
        for (status, n) in [(BTSSite.Status.active, 1_332), (.planned, 20), (.down, 8)] {
            for _ in 0..<n {
                let c = others[rng.int(0...(others.count - 1))].new
                let y = rng.int(2008...2025)
                site(c, status, status == .planned ? nil : Day(year: y, month: y == 2025 ? rng.int(1...6) : rng.int(1...12), day: rng.int(1...28)))
            }
        }
        for _ in 0..<84 {
            let c = tree.communeIndexes[rng.int(0...(tree.communeIndexes.count - 1))]
            let month = Month(year: 2025, month: 7).adding(rng.int(0...15))
            site(c, .active, Day(year: month.year, month: month.month, day: rng.int(1...28)))
        }
        try w.close()
    }

    /// A point near the administrative centre of a new unit (`center` in units.json), else the box's middle.
    func center(_ c: Int, _ tree: UnitTree, _ rng: inout SeededRandom) -> (Double, Double) {
        let b = tree.bounds ?? .vietnam
        let code = tree.units[c].code
        let base = centres[code] ?? ((b.south + b.north) / 2, (b.west + b.east) / 2)
        return (base.0 + rng.uniform(-0.03, 0.03), base.1 + rng.uniform(-0.03, 0.03))
    }

    var centres: [String: (Double, Double)] {
        guard let o = try? JSONSerialization.jsonObject(with: unitsJSON) as? [String: Any],
              let cs = (o["province"] as? [String: Any])?["communes"] as? [[String: Any]] else { return [:] }
        var out: [String: (Double, Double)] = [:]
        for c in cs {
            if let code = c["code"] as? String, let xy = c["center"] as? [NSNumber], xy.count == 2 {
                out[code] = (xy[1].doubleValue, xy[0].doubleValue)
            }
        }
        return out
    }

    func writeVillages(_ first: [Row], _ change: UnitChange, _ newCode: (String) -> String, _ rng: inout SeededRandom,
                       to path: String) throws {
        let w = try CSVWriter(path: path, header: TableKind.villages.columns)
        for var r in first { r[2] = ""; r[3] = newCode(r[3]); w.row(r) }
        let others = otherCommunes(change)
        let per = allocate(Self.otherVillages, weights: others.map { _ in rng.uniform(0.6, 1.4) })
        var uncovered = Set<Int>()
        while uncovered.count < Self.otherUncovered { uncovered.insert(rng.int(0...(Self.otherVillages - 1))) }
        var serial = 0
        for (k, o) in others.enumerated() {
            for n in 0..<per[k] {
                let urban = o.commune.kind != "xã"
                let name = urban ? "Tổ \(n + 1)" : "Thôn \(rng.pick(SampleNames.villageSyllables)) \(rng.pick(SampleNames.villageEndings))"
                let households = urban ? rng.int(120...320) : rng.int(40...180)
                let mobile = uncovered.contains(serial) ? "none" : rng.chance(0.8) ? "4G" : "3G"
                w.row([String(format: "%@%03d", o.commune.code, n + 1), name, "", newCode(o.commune.code),
                       String(households), String(Int(Double(households) * rng.uniform(0.02, 0.25))), mobile,
                       rng.chance(mobile == "none" ? 0.1 : 0.8) ? "yes" : "no"])
                serial += 1
            }
        }
        try w.close()
    }

    /// OCOP products by former district: the first province's, and 240 of the others (36 × 4★).
    func writeOCOP(_ first: [Row], _ change: UnitChange, _ rng: inout SeededRandom, to path: String) throws {
        let w = try CSVWriter(path: path, header: TableKind.ocop.columns)
        for r in first { w.row(r) }
        let districts = change.before.dropFirst().flatMap(\.districts)
        let goods = [("Chè xanh", "Đồ uống"), ("Cam sành", "Thực phẩm"), ("Bưởi Xuân Vân", "Thực phẩm"), ("Miến dong", "Thực phẩm"),
                     ("Rượu ngô", "Đồ uống"), ("Mật ong", "Thực phẩm"), ("Nấm hương", "Thực phẩm"), ("Tinh dầu quế", "Thảo dược")]
        for k in 0..<240 {
            let d = districts[k % districts.count]
            let g = goods[rng.int(0...(goods.count - 1))]
            var platforms = SampleProfile.platforms.filter { rng.chance($0.1) }.map(\.0)
            if platforms.isEmpty { platforms = ["Postmart"] }
            w.row([String(format: "OCOP-TQ-%03d", k + 1), "\(g.0) \(d.shortName) \(rng.pick(SampleNames.packs))",
                   "HTX \(g.0) \(d.shortName)", d.code, g.1, k < 36 ? "4" : "3", platforms.joined(separator: "|"),
                   Day(year: rng.int(2021...2025), month: rng.int(1...12), day: rng.int(1...28))!.description])
        }
        try w.close()
    }

    /// Tourism by former district: the first province's as generated, then the same month a
    /// year earlier +5%; the others about 2,7 million visits in 2024 (Báo Tuyên Quang), ≈ 1,33
    /// million đồng each.
    func writeTourism(_ first: [Row], _ change: UnitChange, _ firstTree: UnitTree, _ rng: inout SeededRandom,
                      to path: String) throws {
        let w = try CSVWriter(path: path, header: TableKind.tourism.columns)
        var rows = first
        var byKey: [String: Row] = [:]
        for r in first { byKey[r[0] + r[1]] = r }
        let last = Month(iso: Self.periodEnd.prefix(7).description)!
        var m = Month(iso: first.last![0])!.adding(1)
        while m <= last {
            for d in firstTree.districts {
                guard let r = byKey[m.adding(-12).description + d.code] else { continue }
                let out = [m.description, d.code] + r[2...4].map { String(Int(Double(Int($0) ?? 0) * 1.05)) }
                byKey[m.description + d.code] = out
                rows.append(out)
            }
            m = m.adding(1)
        }
        let districts = change.before.dropFirst().flatMap(\.districts)
        let weights = districts.map { _ in rng.uniform(0.6, 1.6) }
        let years = [(2022, 2_000_000), (2023, 2_400_000), (2024, 2_700_000), (2025, 2_900_000), (2026, 3_050_000)]
        let shape = SampleProfile.tourismMonthShape
        for (year, visits) in years {
            for (mi, s) in shape.enumerated() where Month(year: year, month: mi + 1) <= last {
                let month = allocate(Int(Double(visits) * s / shape.reduce(0, +)), weights: weights)
                for (k, d) in districts.enumerated() {
                    let intl = Int(Double(month[k]) * rng.uniform(0.02, 0.06))
                    rows.append([Month(year: year, month: mi + 1).description, d.code, String(month[k] - intl), String(intl),
                                 String(Int(Double(month[k]) * rng.uniform(1.2, 1.45)))])
                }
            }
        }
        for r in rows.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) { w.row(r) }
        try w.close()
    }
}
