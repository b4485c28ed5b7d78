import Testing
@testable import SnapshotKit

/// The indicators as data (issue 26): the catalog replaces the list of known names, the
/// `_share` suffix test and the ranges by name, with the same values as before.
@Suite struct IndicatorCatalogTests {
    @Test func theStandardCatalogHoldsEveryIndicatorTargetsMayNameOnce() {
        let ids = IndicatorCatalog.standard.ids
        #expect(Set(ids) == ["dossiers.online_share", "dossiers.on_time_share", "dossiers.progress_766", "villages.coverage_share",
                             "ocop.listed_share", "tourism.growth_yoy", "society.vneid_share", "index_766.total",
                             "tasks.on_time_share"])
        #expect(Set(ids).count == ids.count)
    }

    @Test func rangesAndFormatsAreWhatTheyWere() throws {
        let c = IndicatorCatalog.standard
        for id in c.ids where id.hasSuffix("_share") || id == "dossiers.progress_766" {
            let i = try #require(c[id])
            #expect(i.isShare && i.range == 0...1 && i.better == .higher, "\(id)")
        }
        #expect(c["tourism.growth_yoy"]?.range == -1...10)
        #expect(c["tourism.growth_yoy"]?.isShare == false)
        #expect(c["index_766.total"]?.range == 0...100)
        #expect(c["index_766.total"]?.valueMeaning == "points of 100")
    }

    @Test func aTargetIsJudgedTheWayItsIndicatorSaysIsBetter() {
        let higher = Targets([Target(indicator: "a", target: 0.9, atRisk: 0.8)])
        #expect(higher.status(of: "a", value: 0.95) == .onTrack && higher.status(of: "a", value: 0.85) == .atRisk
                && higher.status(of: "a", value: 0.5) == .behind)
        let lower = Targets([Target(indicator: "b", target: 2, atRisk: 5, better: .lower)])
        #expect(lower.status(of: "b", value: 1) == .onTrack && lower.status(of: "b", value: 4) == .atRisk
                && lower.status(of: "b", value: 9) == .behind)
        let rank = Indicator("dti.rank", .rank(among: 34), better: .lower, ranks: .provinces, nature: .stock)
        #expect(rank.range == 1...34 && rank.margin(10, over: 5) == -5 && rank.isAtLeast(3, asGoodAs: 5))
    }
}
