import Foundation
import SnapshotKit

extension MergedSampleGenerator {
    /// Digital society of the merged province: the former Hà Giang's rows before the change as
    /// in the `ha-giang` sample (old codes, 2023-01 … 2024-06), then 2025-07 … 2026-10 in the new
    /// codes. 1.833 community digital technology teams (one per commune and 1.709 in villages,
    /// qdnd.vn, Q4 2025, estimated), at most 10 members in a commune's team and 5 in a village's;
    /// adults, VNeID, "Bình dân học vụ số", accounts and payments are plausible shapes, not
    /// reported; the citizen app and official e-mail are not reported after the change.
    static let societyTeams = (communes: 124, villages: 1_709)
    static let societyAdults = 1_370_000
    static let societyShares = (vneid: (first: 0.74, last: 0.86), certified: (first: 0.45, last: 0.68),
                                accounts: (first: 0.70, last: 0.78), cashless: (first: 0.45, last: 0.60))
    static let societyTrained = (first: 120_000, last: 620_000)

    func writeSociety(_ first: [Row], _ tree: UnitTree, villages: [Row], to path: String) throws {
        var rng = SeededRandom(seed: seed ^ 0x50C1E7)
        let w = try CSVWriter(path: path, header: TableKind.society.columns)
        for r in first { w.row(r) }
        let communes = tree.communeIndexes.map { tree.units[$0] }
        var villagesOf: [String: Int] = [:], householdsOf: [String: Int] = [:]
        for v in villages { villagesOf[v[3], default: 0] += 1; householdsOf[v[3], default: 0] += Int(v[4]) ?? 0 }
        let households = communes.map { Double(householdsOf[$0.code] ?? 0) }
        let lead = communes.map { _ in rng.uniform(0.9, 1.1) }
        let weighted = households.indices.map { households[$0] * lead[$0] }
        let villageTeams = allocate(Self.societyTeams.villages, weights: communes.map { Double(villagesOf[$0.code] ?? 0) })
        let members = villageTeams.map { rng.int(8...10) + Int((Double($0) * rng.uniform(3.6, 4.6)).rounded()) }
        let adults = allocate(Self.societyAdults, weights: households)
        func along(_ r: (first: Double, last: Double), _ t: Double) -> Double { r.first + (r.last - r.first) * t }
        let start = Month(year: 2025, month: 7), count = 16
        for k in 0..<count {
            let t = Double(k) / Double(count - 1)
            let vneid = allocate(Int(Double(Self.societyAdults) * along(Self.societyShares.vneid, t)), weights: weighted)
            let trained = allocate(Int(along((Double(Self.societyTrained.first), Double(Self.societyTrained.last)), t)),
                                   weights: weighted)
            let withAccount = allocate(Int(households.reduce(0, +) * along(Self.societyShares.accounts, t)), weights: weighted)
            let payments = allocate(96_000 + rng.int(-2_000...2_000), weights: households.indices.map { households[$0] * (2 - lead[$0]) })
            for (j, c) in communes.enumerated() {
                let certified = min(trained[j], Int(Double(trained[j]) * along(Self.societyShares.certified, t) * lead[j]))
                let cashless = min(payments[j], Int((Double(payments[j]) * along(Self.societyShares.cashless, t) * lead[j]).rounded()))
                w.row([start.adding(k).description, "", c.code, String(adults[j]), String(min(vneid[j], adults[j])),
                       String(1 + villageTeams[j]), String(members[j]), String(trained[j]), String(certified),
                       String(Int(households[j])), String(min(withAccount[j], Int(households[j]))), String(payments[j]),
                       String(cashless), "", "", "", ""])
            }
        }
        try w.close()
    }
}
