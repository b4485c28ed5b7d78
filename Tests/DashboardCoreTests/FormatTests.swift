import Testing
import SnapshotKit
@testable import DashboardCore

@Suite struct FormatTests {
    let vi = NumberFormat(.vi), en = NumberFormat(.en)

    @Test func numbersTheVietnameseWay() {
        #expect(vi.integer(143_000) == "143.000")
        #expect(vi.integer(2_942) == "2.942")
        #expect(vi.integer(-1_234_567) == "-1.234.567")
        #expect(vi.percent(0.873) == "87,3%")
        #expect(vi.percent(0.98889, places: 2) == "98,89%")
        #expect(vi.money(millionVND: 7_100_000) == "7,1 nghìn tỷ đồng")
        #expect(vi.money(millionVND: 455_400) == "455 tỷ đồng")
        #expect(vi.money(millionVND: 820) == "820 triệu đồng")
        #expect(vi.date(Day(iso: "2024-06-30")!) == "30/06/2024")
        #expect(vi.period(.quarter(year: 2024, quarter: 2)) == "Quý II/2024")
        #expect(vi.period(.month(Month(year: 2024, month: 6))) == "Tháng 6/2024")
        #expect(vi.period(.year(2024)) == "Năm 2024")
        #expect(vi.percent(nil) == "—")
    }

    @Test func numbersTheEnglishWay() {
        #expect(en.integer(143_000) == "143,000")
        #expect(en.percent(0.873) == "87.3%")
        #expect(en.money(millionVND: 7_100_000) == "7.1 trillion VND")
        #expect(en.date(Day(iso: "2024-06-30")!) == "2024-06-30")
        #expect(en.period(.month(Month(year: 2024, month: 6))) == "Jun 2024")
    }

    @Test func changesCarryASymbolNotOnlyAColour() {
        #expect(vi.change(0.33, glyphs: .unicode) == "▲ 33,0%")
        #expect(vi.change(-0.041, glyphs: .unicode) == "▼ 4,1%")
        #expect(en.change(0.0001, glyphs: .ascii) == "= 0.0%")
        #expect(en.change(nil, glyphs: .unicode) == "—")
    }

    @Test func dateTimeUsesTheOffsetItWasWrittenWith() {
        // 2024-07-05T08:00:00+07:00 is 01:00 UTC.
        #expect(vi.dateTime(secondsSince1970: 1_720_141_200, utcOffset: 7 * 3600) == "05/07/2024 08:00")
    }

    @Test func everyStringHasBothLanguages() {
        for key in StringKey.allCases {
            #expect(!Strings(.vi)[key].isEmpty && !Strings(.en)[key].isEmpty, "\(key)")
        }
        #expect(Strings(.vi)[.dossiers] != Strings(.en)[.dossiers])
    }

    @Test func languageFromTheEnvironment() {
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.from(environment: ["LANG": "C"]) == .vi)
        #expect(Language.from(environment: [:]) == .vi)
        #expect(Language.from(environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"]) == .en)
    }
}
