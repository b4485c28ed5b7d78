import Foundation
import SnapshotKit

/// Synthetic BTS sites, villages, OCOP products and tourism, calibrated to the article.
struct AssetGenerator {
    let units: UnitTree
    let seed: UInt64

    private func profile(_ d: AdminUnit) -> SampleProfile.District {
        SampleProfile.districts[d.code] ?? SampleProfile.districts["030"]!
    }

    func writeBTS(to path: String) throws {
        var rng = SeededRandom(seed: seed ^ 0xB75)
        let w = try CSVWriter(path: path, header: TableKind.bts.columns)
        let districts = units.districts
        let weights = districts.map { Double($0.population ?? 60_000) * 0.7 + Double(profile($0).villages) * 260 }
        let statuses: [(BTSSite.Status, Int)] = [(.active, SampleProfile.btsActive), (.planned, SampleProfile.btsPlanned),
                                                  (.down, SampleProfile.btsDown)]
        var serial = 0
        var fiveG = 3 // 5G on trial at a few central places
        for (status, total) in statuses {
            let perDistrict = allocate(total, weights: weights)
            for (k, d) in districts.enumerated() {
                let p = profile(d)
                let communes = d.children
                let perCommune = allocate(perDistrict[k], weights: communes.map { _ in rng.uniform(0.5, 1.5) })
                for (j, c) in communes.enumerated() {
                    for _ in 0..<perCommune[j] {
                        serial += 1
                        var tech: [String] = []
                        if rng.chance(p.highland ? 0.7 : 0.45) { tech.append("2G") }
                        if rng.chance(0.55) { tech.append("3G") }
                        if rng.chance(p.highland ? 0.72 : 0.85) || tech.isEmpty { tech.append("4G") }
                        if status == .active, fiveG > 0, !p.highland, units.units[c].kind != "xã" {
                            if !tech.contains("4G") { tech.append("4G") }
                            tech.append("5G"); fiveG -= 1
                        }
                        let op = weightedPick(SampleProfile.operators, &rng)
                        let lat = p.center.0 + rng.uniform(-0.12, 0.12)
                        let lon = p.center.1 + rng.uniform(-0.12, 0.12)
                        // Commissioned between 2008 and the end of the sample's period (June 2024).
                        let year = rng.int(2008...2024)
                        let month = year == 2024 ? rng.int(1...6) : rng.int(1...12)
                        let date = status == .planned ? "" : Day(year: year, month: month, day: rng.int(1...28))!.description
                        let opCode = op == "Viettel" ? "VT" : op == "VNPT" ? "VN" : "MB"
                        w.row([String(format: "HG-%@-%04d", opCode, serial), op, d.code, units.units[c].code,
                               String(format: "%.5f", lat), String(format: "%.5f", lon), tech.joined(separator: "|"),
                               status.name, date])
                    }
                }
            }
        }
        try w.close()
    }

    /// Writes the villages; returns each commune's villages and households (index → counts).
    @discardableResult
    func writeVillages(to path: String) throws -> [Int: (villages: Int, households: Int)] {
        var perUnit: [Int: (villages: Int, households: Int)] = [:]
        var rng = SeededRandom(seed: seed ^ 0x7111)
        let w = try CSVWriter(path: path, header: TableKind.villages.columns)
        for d in units.districts {
            let p = profile(d)
            let communes = d.children.map { units.units[$0] }
            let extra = p.villages - 3 * communes.count
            var perCommune = allocate(max(extra, 0), weights: communes.map { _ in rng.uniform(0.4, 1.6) }).map { $0 + 3 }
            if extra < 0 { perCommune = allocate(p.villages, weights: communes.map { _ in 1 }) }
            // Uncovered villages go to the most remote communes (the last ones, far from the centre).
            var uncovered = Set<Int>()
            let total = perCommune.reduce(0, +)
            while uncovered.count < p.uncovered { uncovered.insert(total - 1 - rng.int(0...min(40, total - 1))) }
            var serial = 0
            for (j, c) in communes.enumerated() {
                for n in 0..<perCommune[j] {
                    let urban = c.kind != "xã"
                    let name = urban ? "Tổ \(n + 1)"
                        : "Thôn \(rng.pick(SampleNames.villageSyllables)) \(rng.pick(SampleNames.villageEndings))"
                    let households = urban ? rng.int(120...320) : rng.int(35...160)
                    let poor = Int(Double(households) * min(0.9, max(0, p.poor * rng.uniform(0.5, 1.5))))
                    var mobile: String
                    if uncovered.contains(serial) { mobile = "none" }
                    else {
                        let u = rng.unit()
                        if urban, d.code == "024", rng.chance(0.15) { mobile = "5G" }
                        else if u < (p.highland ? 0.62 : 0.86) { mobile = "4G" }
                        else if u < (p.highland ? 0.86 : 0.97) { mobile = "3G" }
                        else { mobile = "2G" }
                    }
                    let broadband = rng.chance(mobile == "none" ? 0.1 : (p.highland ? 0.58 : 0.9))
                    w.row([String(format: "%@%03d", c.code, n + 1), name, d.code, c.code, String(households), String(poor),
                           mobile, broadband ? "yes" : "no"])
                    perUnit[c.index, default: (0, 0)].villages += 1
                    perUnit[c.index, default: (0, 0)].households += households
                    serial += 1
                }
            }
        }
        try w.close()
        return perUnit
    }

    func writeOCOP(to path: String) throws {
        var rng = SeededRandom(seed: seed ^ 0x0C0B)
        let w = try CSVWriter(path: path, header: TableKind.ocop.columns)
        var serial = 0
        for d in units.districts {
            let p = profile(d)
            let templates = SampleNames.ocop[d.code] ?? [("Đặc sản", "Thực phẩm")]
            var specials: [(String, String, Int, String)] = []
            if d.code == "032" {
                specials = [("Trà xanh hộp 100 g", "Đồ uống", 5, "HTX Chế biến chè Phìn Hồ"),
                            ("Hồng trà hộp 100 g", "Đồ uống", 5, "HTX Chế biến chè Phìn Hồ")]
            } else if d.code == "027" {
                specials = [("Mật ong bạc hà Mèo Vạc hộp quà", "Thực phẩm", 4, "HTX Mật ong bạc hà Mèo Vạc")]
            } else if d.code == "030" {
                specials = [("Chè Shan tuyết cổ thụ Cao Bồ hộp quà", "Đồ uống", 4, "HTX Chè Cao Bồ")]
            }
            var used = Set<String>()
            for k in 0..<p.ocop {
                serial += 1
                var name: String, category: String, stars: Int, producer: String
                if k < specials.count {
                    (name, category, stars, producer) = specials[k]
                } else {
                    let t = templates[(k - specials.count) % templates.count]
                    // A district with few templates runs out of distinct names: give up after 200 tries
                    // (counting tries, not names, which stop growing once all are taken).
                    var tries = 0
                    repeat { name = "\(t.0) \(rng.pick(SampleNames.packs))"; tries += 1 } while !used.insert(name).inserted && tries < 200
                    category = t.1
                    stars = 3
                    let commune = units.units[rng.pick(d.children)]
                    producer = "\(rng.pick(SampleNames.producerKinds)) \(t.0.split(separator: " ").prefix(2).joined(separator: " ")) \(commune.shortName)"
                }
                var platforms = SampleProfile.platforms.filter { rng.chance($0.1) }.map(\.0)
                if platforms.isEmpty { platforms = ["Postmart"] }
                let listed = Day(year: rng.int(2021...2024), month: rng.int(1...6), day: rng.int(1...28))!
                w.row([String(format: "OCOP-HG-%03d", serial), name, producer, d.code, category, String(stars),
                       platforms.joined(separator: "|"), listed.description])
            }
        }
        try w.close()
    }

    func writeTourism(to path: String) throws {
        var rng = SeededRandom(seed: seed ^ 0x7041)
        let w = try CSVWriter(path: path, header: TableKind.tourism.columns)
        let districts = units.districts
        var years = SampleProfile.tourismYears.map { ($0.year, $0.visits, $0.revenue, 12) }
        let last = SampleProfile.tourismYears.last!
        let half = SampleProfile.tourismMonthShape.prefix(6).reduce(0, +) / SampleProfile.tourismMonthShape.reduce(0, +)
        years.append((2024, Int(Double(last.visits) * half * SampleProfile.tourism2024Growth),
                      Int(Double(last.revenue) * half * SampleProfile.tourism2024Growth), 6))
        for (year, visits, revenue, monthCount) in years {
            let shape = Array(SampleProfile.tourismMonthShape.prefix(monthCount))
            var cellWeights: [Double] = []
            var spendWeights: [Double] = []
            for (mi, s) in shape.enumerated() {
                for d in districts {
                    let p = profile(d)
                    var f = p.tourismShare
                    if d.code == "026" || d.code == "027", mi >= 9 { f *= 1.5 }
                    if d.code == "032", [4, 5, 8].contains(mi) { f *= 1.6 }
                    if d.code == "027", mi == 3 { f *= 1.3 } // Khâu Vai love market
                    let wgt = s * f * rng.uniform(0.93, 1.07)
                    cellWeights.append(wgt)
                    spendWeights.append(wgt * p.spend)
                }
            }
            let v = allocate(visits, weights: cellWeights)
            let r = allocate(revenue, weights: spendWeights)
            for mi in 0..<monthCount {
                for (k, d) in districts.enumerated() {
                    let i = mi * districts.count + k
                    let intl = Int(Double(v[i]) * profile(d).international * rng.uniform(0.85, 1.15))
                    w.row([Month(year: year, month: mi + 1).description, d.code, String(v[i] - intl), String(intl), String(r[i])])
                }
            }
        }
        try w.close()
    }

    private func weightedPick(_ xs: [(String, Double)], _ rng: inout SeededRandom) -> String {
        var u = rng.unit() * xs.reduce(0) { $0 + $1.1 }
        for (x, w) in xs { u -= w; if u < 0 { return x } }
        return xs.last!.0
    }
}
