import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// `indicators.csv` and `indicator_values.csv` (issue 28): targets as data, each value judged
/// by trajectory (the straight line from baseline to target at the value's date).
@Suite struct PlanIndicatorsTests {
    static func load(indicators: String? = CommitteeFixtures.indicators, values: String? = CommitteeFixtures.indicatorValues)
        -> Result<Snapshot, SnapshotFailure> {
        var files: [String: String] = [:]
        if let indicators { files["indicators.csv"] = indicators }
        if let values { files["indicator_values.csv"] = values }
        return SnapshotLoader.load(directory: CommitteeFixtures.sample(with: files))
    }

    static func status(_ r: [IndicatorReading], _ code: String) -> String {
        r.first { $0.indicator.code == code }.map { $0.status?.rawValue ?? "no_data" } ?? "absent"
    }

    @Test func statusesByTrajectoryHigherAndLower() throws {
        let plan = try #require(try Self.load().get().plan)
        let r = plan.readings(unit: 0)
        #expect(["11.1", "11.6", "11.2", "23.4", "X.1", "X.2", "X.3"].map { Self.status(r, $0) }
                == ["on_track", "at_risk", "behind", "no_data", "on_track", "at_risk", "behind"])
        #expect(r.first { $0.indicator.code == "11.1" }?.observation?.period == .quarter(year: 2024, quarter: 2))
        #expect(r.first { $0.indicator.code == "23.4" }?.observation == nil)   // never 0
        #expect(plan.sets == ["Quốc gia", "Tỉnh"])
        // Up to March the latest value of 11.1 is 20, short of the line (45) by more than 4.
        #expect(Self.status(plan.readings(unit: 0, upTo: Month(year: 2024, month: 3)), "11.1") == "behind")
        #expect(Self.status(plan.readings(unit: 0, upTo: Month(year: 2024, month: 3)), "11.6") == "no_data")
        // A commune's own values.
        let s = try Self.load().get()
        let qt = try #require(s.units.unit(code: "00688")?.index)
        #expect(Self.status(plan.readings(unit: qt), "11.1") == "behind" && Self.status(plan.readings(unit: qt), "11.6") == "no_data")
    }

    @Test func theLineItsMarginAndTheTargetReached() throws {
        let i = PlanIndicator(set: "", code: "11.1", name: "", nameEn: "", unit: "%", direction: .higher, baselineYear: 2023,
                              baselineValue: 40, targetValue: 80, targetYear: 2025, source: "")
        let june = Month(year: 2024, month: 6)
        #expect(i.expected(at: june) == 50 && i.atRiskMargin == 4)
        #expect(i.status(of: 50, at: june) == .onTrack && i.status(of: 46, at: june) == .atRisk && i.status(of: 45.9, at: june) == .behind)
        #expect(i.expected(at: Month(year: 2023, month: 1)) == 40 && i.expected(at: Month(year: 2030, month: 1)) == 80)
        let lower = PlanIndicator(set: "", code: "d", name: "", nameEn: "", unit: "ngày", direction: .lower, baselineYear: 2023,
                                  baselineValue: 20, targetValue: 12, targetYear: 2025, source: "")
        #expect(lower.status(of: 17, at: june) == .onTrack && lower.status(of: 18.8, at: june) == .atRisk
                && lower.status(of: 18.9, at: june) == .behind)
        // The target reached early is on track whatever the line says; a level held: 2% of it.
        let hold = PlanIndicator(set: "", code: "h", name: "", nameEn: "", unit: "%", direction: .higher, baselineYear: 2023,
                                 baselineValue: 100, targetValue: 100, targetYear: 2025, source: "")
        #expect(hold.atRiskMargin == 2 && hold.status(of: 98, at: june) == .atRisk && hold.status(of: 97.9, at: june) == .behind)
    }

    @Test func everyColumnOfIndicatorsIsCheckedAtItsFileLineAndColumn() throws {
        let rows = [
            ",A,%,higher,2023,40,80,2025,NQ",          // 2
            "a,,%,higher,2023,40,80,2025,NQ",          // 3
            "b,B,,higher,2023,40,80,2025,NQ",          // 4
            "c,C,%,up,2023,40,80,2025,NQ",             // 5
            "d,D,%,higher,23,40,80,2025,NQ",           // 6
            "e,E,%,higher,2023,40%,80,2025,NQ",        // 7
            "f,F,%,higher,2023,40,180,2025,NQ",        // 8
            "g,G,%,higher,2023,40,80,2023,NQ",         // 9
            "h,H,%,higher,2023,40,80,2025,",           // 10
            "i,I,count,higher,2023,4.5,80,2025,NQ",    // 11
            "j,J,%,higher,2023,40,80,2025,NQ",         // 12
            "j,J,%,higher,2023,40,80,2025,NQ",         // 13
        ]
        let text = "code,name,unit,direction,baseline_year,baseline_value,target_value,target_year,source\n" + rows.joined(separator: "\n") + "\n"
        guard case .failure(let f) = Self.load(indicators: text, values: nil) else { Issue.record("loaded"); return }
        let lines = f.errors.map(\.description)
        for expected in ["indicators.csv:2:1: code is empty", "indicators.csv:3:2: name is empty", "indicators.csv:4:3: unit is empty",
                         "indicators.csv:5:4: direction \"up\" is not higher or lower",
                         "indicators.csv:6:5: baseline_year \"23\" is not a year from 1990 to 2100",
                         "indicators.csv:7:6: baseline_value \"40%\" is not a number",
                         "indicators.csv:8:7: target_value 180 is not a percent from 0 to 100",
                         "indicators.csv:9:8: target_year 2023 is not after baseline_year 2023",
                         "indicators.csv:10:9: source is empty",
                         "indicators.csv:11:6: baseline_value 4.5 is not a count",
                         "indicators.csv:13:1: indicator j given twice in its set (first on line 12)"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) not in \(lines)")
        }
        #expect(lines.count == 11, "\(lines)")
    }

    @Test func everyColumnOfValuesIsCheckedAndACodeMustBeAnIndicator() throws {
        let rows = [
            "2024-Q5,02,11.1,50,,,",           // 2
            "2024-09,02,11.1,50,,,",           // 3: after the data's date
            "2024-Q2,999,11.1,50,,,",          // 4
            "2024-Q2,02,,50,,,",               // 5
            "2024-Q2,02,11.1,năm mươi,,,",     // 6
            "2024-Q2,02,11.1,50,10,0,",        // 7
            "2024-Q2,02,11.1,50,20,10,",       // 8
            "2024-Q2,02,11.9,50,,,",           // 9
            "2024-Q2,02,11.6,150,,,",          // 10
            "2024-Q2,02,11.2,50,,,",           // 11
            "2024-Q2,02,11.2,51,,,",           // 12
        ]
        let text = "period,unit_code,code,value,numerator,denominator,note\n" + rows.joined(separator: "\n") + "\n"
        guard case .failure(let f) = Self.load(values: text) else { Issue.record("loaded"); return }
        let lines = f.errors.map(\.description)
        for expected in ["indicator_values.csv:2:1: period \"2024-Q5\" is not YYYY, YYYY-Qn or YYYY-MM",
                         "indicator_values.csv:3:1: period 2024-09 is outside the data's months",
                         "indicator_values.csv:4:2: unknown unit_code \"999\"", "indicator_values.csv:5:3: code is empty",
                         "indicator_values.csv:6:4: value \"năm mươi\" is not a number",
                         "indicator_values.csv:7:6: denominator 0 is not above 0",
                         "indicator_values.csv:8:5: numerator 20 is more than denominator 10",
                         "indicator_values.csv:9:3: unknown code \"11.9\" (not in indicators.csv)",
                         "indicator_values.csv:10:4: value 150.0 of 11.6 is not a percent from 0 to 100",
                         "indicator_values.csv:12: duplicate value of 11.2 for 2024-Q2 / 02 (first on line 11)"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) not in \(lines)")
        }
        // Values without indicators.csv are refused as a whole.
        guard case .failure(let g) = Self.load(indicators: nil) else { Issue.record("loaded"); return }
        #expect(g.errors.map(\.description).contains { $0.contains("values given without indicators.csv") })
    }

    @Test func absentThereIsNoPlanAndItIsCachedAndReadBack() throws {
        #expect(try Self.load(indicators: nil, values: nil).get().plan == nil)
        let dir = CommitteeFixtures.sample(with: ["indicators.csv": CommitteeFixtures.indicators,
                                                  "indicator_values.csv": CommitteeFixtures.indicatorValues])
        usleep(100_000)
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-plan-cache"))
        let (first, _) = cache.load(export: dir) { SnapshotLoader.load(directory: dir) }
        let (again, read) = cache.load(export: dir) { Issue.record("loaded again"); return first }
        #expect(read == .read)
        #expect(try again.get().plan == (try first.get().plan) && (try again.get().plan?.values.count) == 8)
    }
}
