import Foundation
import SnapshotKit

extension SampleProfile {
    /// Digital society, 2023-01 … 2024-06 (the dossiers' months). As of June 2024 the province
    /// totals are the article's: 2.071 community digital technology teams (one per village)
    /// with 12.131 members; 431.261 electronic identities activated, 65,1% of 662.460 adults;
    /// the "Công dân số Hà Giang" app 18.157 downloads and 15.624 accounts (on trial from
    /// October 2023: no figure before); 25.468 official e-mail accounts, every official's.
    /// Payments without cash and households with an account are plausible, not reported.
    /// "Bình dân học vụ số" began in 2025: its columns are empty (not reported).
    static let societyMonths = (first: Month(year: 2023, month: 1), count: 18)
    static let adults = 662_460
    static let vneidShares = (first: 0.38, last: 0.651)
    static let teamMembers = (first: 11_420, last: 12_131)
    static let appFirstMonth = Month(year: 2023, month: 10)
    static let app = (downloads: 18_157, accounts: 15_624)
    static let officials = 25_468
    static let emailShares = (first: 0.962, last: 1.0)
    static let accountShares = (first: 0.55, last: 0.68)
    static let benefitPaymentsPerMonth = 58_000
    static let cashlessShares = (first: 0.22, last: 0.41)
}

/// Synthetic `society.csv`: one row per month × commune, and per month × district for the
/// officials (kept per district); shapes follow each commune's villages and households.
struct SocietyGenerator {
    let units: UnitTree
    /// Each commune's villages and households (from the village file).
    let villages: [Int: (villages: Int, households: Int)]
    let seed: UInt64

    func write(to path: String) throws {
        typealias P = SampleProfile
        var rng = SeededRandom(seed: seed ^ 0x50C1)
        let w = try CSVWriter(path: path, header: TableKind.society.columns)
        let communes = units.communeIndexes.map { units.units[$0] }
        let districts = units.districts
        // A province of another size scales with its villages (Hà Giang has 2.071).
        let teamsTotal = communes.reduce(0) { $0 + (villages[$1.index]?.villages ?? 0) }
        let scale = Double(teamsTotal) / 2_071
        func scaled(_ n: Int) -> Int { Int((Double(n) * scale).rounded()) }
        func highland(_ u: AdminUnit) -> Bool {
            (SampleProfile.districts[units.units[u.parent ?? u.index].code] ?? SampleProfile.districts["030"]!).highland
        }
        // Per commune: its weight (households) and how far ahead of the province it is.
        let households = communes.map { Double(villages[$0.index]?.households ?? 0) }
        let lead = communes.map { c in (highland(c) ? 0.86 : 1.12) * rng.uniform(0.9, 1.1) }
        let adults = allocate(scaled(P.adults), weights: households)
        let members = households.indices.map { Double(villages[communes[$0].index]?.villages ?? 0) * lead[$0] }
        let officialsWeights = districts.map { d in Double(d.population ?? 60_000) * (d.code == "024" ? 3 : 1) }
        let officials = allocate(scaled(P.officials), weights: officialsWeights)
        func along(_ range: (first: Double, last: Double), _ t: Double) -> Double { range.first + (range.last - range.first) * t }

        for k in 0..<P.societyMonths.count {
            let month = P.societyMonths.first.adding(k)
            let t = Double(k) / Double(P.societyMonths.count - 1)
            let vneid = allocate(Int((Double(adults.reduce(0, +)) * along(P.vneidShares, t)).rounded()),
                                 weights: households.indices.map { households[$0] * lead[$0] })
            let teamMembers = allocate(scaled(Int(along((Double(P.teamMembers.first), Double(P.teamMembers.last)), t))),
                                       weights: members)
            let withAccount = allocate(Int(households.reduce(0, +) * along(P.accountShares, t)),
                                       weights: households.indices.map { households[$0] * lead[$0] })
            let payments = allocate(scaled(P.benefitPaymentsPerMonth + rng.int(-1_500...1_500)),
                                    weights: households.indices.map { households[$0] * (2 - lead[$0]) })
            let cashlessShare = along(P.cashlessShares, t)
            let appT = month >= P.appFirstMonth
                ? Double(month.index - P.appFirstMonth.index + 1) / Double(P.societyMonths.first.adding(P.societyMonths.count - 1).index
                                                                          - P.appFirstMonth.index + 1) : nil
            let downloads = appT.map { allocate(scaled(Int(Double(P.app.downloads) * $0 * $0)), weights: households.indices.map { households[$0] * lead[$0] }) }
            let accounts = appT.map { allocate(scaled(Int(Double(P.app.accounts) * $0 * $0)), weights: households.indices.map { households[$0] * lead[$0] }) }
            for (j, c) in communes.enumerated() {
                let d = units.units[c.parent ?? 0]
                let teams = villages[c.index]?.villages ?? 0
                let cashless = min(payments[j], Int((Double(payments[j]) * cashlessShare * lead[j]).rounded()))
                // Two tiers: a commune is named by its own code alone.
                w.row([month.description, units.twoTier ? "" : d.code, c.code, String(adults[j]), String(min(vneid[j], adults[j])), String(teams),
                       String(max(teams, teamMembers[j])), "", "", String(Int(households[j])),
                       String(min(withAccount[j], Int(households[j]))), String(payments[j]), String(cashless),
                       downloads.map { String($0[j]) } ?? "", accounts.map { String(min($0[j], downloads![j])) } ?? "", "", ""])
            }
            let email = allocate(Int((Double(officials.reduce(0, +)) * along(P.emailShares, t)).rounded()), weights: officials.map(Double.init))
            for (j, d) in districts.enumerated() where !units.twoTier {
                w.row([month.description, d.code, "", "", "", "", "", "", "", "", "", "", "", "", "", String(officials[j]),
                       String(min(email[j], officials[j]))])
            }
        }
        try w.close()
    }
}
