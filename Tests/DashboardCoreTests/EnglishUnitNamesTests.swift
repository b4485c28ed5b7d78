import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// "khu vực" untranslated in English (issue 30): the groupings of former districts read
/// "Bắc Mê (former district)" / "Bắc Mê (former)" in English and keep their Vietnamese words in
/// Vietnamese; official names stay as they are in both.
@Suite struct EnglishUnitNamesTests {
    func screens(_ language: Language) -> [String] {
        var s = TwoTierTests.state(language: language)
        var out = [render(s).plainText]
        _ = SampleState.press(&s, "Enter")   // the first former district
        out.append(render(s).plainText)
        _ = SampleState.press(&s, "Enter")   // its first commune
        out.append(render(s).plainText)
        return out
    }

    @Test func englishScreensSayFormerDistrict() {
        let en = screens(.en)
        for screen in en {
            #expect(!screen.contains("khu vực") && !screen.contains("(cũ)"), "\(screen)")
        }
        #expect(en[0].contains("Bắc Mê (former)"))
        #expect(en[1].contains("Tuyên Quang › Bắc Mê (former district)"))
        let vi = screens(.vi)
        #expect(vi[0].contains("Bắc Mê (cũ)"))
        #expect(vi[1].contains("Tuyên Quang › khu vực Bắc Mê (cũ)"))
    }

    @Test func englishReportSaysFormerDistrict() {
        let r = Report(snapshot: TwoTierTests.snapshot, period: .quarter(year: 2026, quarter: 3), language: .en)
        for format in Report.Format.allCases {
            let text = r.rendered(as: format)
            #expect(!text.contains("khu vực") && !text.contains("(cũ)"), "\(format)")
            #expect(text.contains("Vị Xuyên (former district)"), "\(format)")
        }
        let vi = Report(snapshot: TwoTierTests.snapshot, period: .quarter(year: 2026, quarter: 3), language: .vi)
        #expect(vi.rendered(as: .text).contains("khu vực Vị Xuyên (cũ)"))
    }
}
