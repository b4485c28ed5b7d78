import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotImport

/// A report planned against the Tuyên Quang catalogue: everything found, or refused with every
/// error at its cell; and `cdsboard import --dry-run` on the real-software fixture.
@Suite struct ImportPlanTests {
    let catalogue = UnitsAndPeriodTests.tuyenQuangUnits()

    func csv(_ text: String, name: String = "bao-cao.csv") -> URL {
        let path = Fixtures.temporaryDirectory("cdsboard-plan") + "/" + name
        Fixtures.write(text, to: path)
        return URL(fileURLWithPath: path)
    }

    func refusal(_ url: URL, period: ReportPeriod? = nil) -> String {
        do { _ = try ImportPlan.make(url, catalogue: catalogue, layouts: .shipped(), period: period); return "planned" } catch { return "\(error)" }
    }

    static let header = """
    STT;Đơn vị;Nhận giải quyết;;Nhận trong kỳ;;;Kết quả giải quyết;;;;Đang giải quyết;;
    ;;Tổng số;Tồn trước;Tổng số;Một cửa;Trực tuyến;Tổng số;Trước hạn;Đúng hạn;Quá hạn;Tổng số;Còn hạn;Quá hạn

    """

    @Test func theOneStopFixturePlansEveryCommune() throws {
        let plan = try ImportPlan.make(LayoutTests.oneStopFile, catalogue: catalogue, layouts: .shipped())
        #expect(plan.period == ReportPeriod(first: "2026-11", last: "2026-11"))
        #expect(plan.periodSource == "title (Thống kê!A3)")
        #expect(plan.units.count == 124)
        #expect(plan.missing.isEmpty)
        #expect(plan.warnings.isEmpty, "LibreOffice's SUM equals the rows: \(plan.warnings)")
        #expect(plan.skipped.filter { $0.reason.hasPrefix("agency") }.map(\.text) == ["Sở Tư pháp", "Sở Xây dựng", "Công an tỉnh"])
        let summary = plan.summary()
        #expect(summary.contains("  period 2026-11 from the title (Thống kê!A3)"))
        #expect(summary.contains { $0.hasPrefix("  124 units matched, ") })
        #expect(summary.contains("  row 8 skipped: group heading (no figures): CẤP TỈNH (SỞ, BAN, NGÀNH)"))
    }

    @Test func aPeriodConflictIsAnError() {
        #expect(refusal(LayoutTests.oneStopFile, period: ReportPeriod(option: "2026-10"))
                == "thong-ke-mot-cua-2026-11.xlsx: the title (Thống kê!A3) says 2026-11, the --period says 2026-10: which is it?")
        let noPeriod = csv(Self.header + "1;Xã Minh Quang;10;2;8;3;5;7;4;2;1;3;3;0\n")
        #expect(refusal(noPeriod).hasPrefix("bao-cao.csv: states no period"))
    }

    @Test func unknownAndRepeatedNamesAreErrorsAtTheirCellsAndAMissingUnitStaysAbsent() throws {
        let url = csv("Tháng 11/2026\n" + Self.header + """
        1;Xã Không Có Thật;10;2;8;3;5;7;4;2;1;3;3;0
        2;Xã Minh Quang;10;2;8;3;5;7;4;2;1;3;3;0
        3;MINH QUANG;10;2;8;3;5;7;4;2;1;3;3;0

        """)
        let message = refusal(url)
        #expect(message.hasPrefix("bao-cao.csv: bao-cao!B4: no unit named \"Xã Không Có Thật\"; nearest: "), "\(message)")
        #expect(message.contains("\nbao-cao.csv: bao-cao!B6: \"MINH QUANG\" is Xã Minh Quang again (first at bao-cao!B5)"), "\(message)")
        let one = csv("Tháng 11/2026\n" + Self.header + "1;Xã Minh Quang;10;2;8;3;5;7;4;2;1;3;3;—\nTổng cộng;;10;2;8;3;5;7;4;2;1;4;3;0\n")
        let plan = try ImportPlan.make(one, catalogue: catalogue, layouts: .shipped())
        #expect(plan.units.map(\.catalogueName) == ["Xã Minh Quang"])
        #expect(plan.units[0].figures["pending_overdue"] == nil)
        #expect(plan.missing.count == 123)
        #expect(plan.warnings == ["bao-cao.csv: bao-cao!L5: the total row says 4 pending, the rows above sum to 3"])
    }

    @Test func theCommandExplainsAndWritesNothing() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-into")
        let sample = Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"
        for name in try FileManager.default.contentsOfDirectory(atPath: sample) {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: dir + "/" + name)
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let manifest = Fixtures.read(dir + "/manifest.json")
        let dry = Fixtures.run(Fixtures.binary, ["import", LayoutTests.oneStopFile.path, "--into", dir, "--dry-run"], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("layout mot-cua"))
        #expect(dry.output.contains("  T   on_time_percent        ← ti le som va dung han (%)"))
        let wet = Fixtures.run(Fixtures.binary, ["import", LayoutTests.oneStopFile.path, "--into", dir], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(wet.status == 2)
        #expect(wet.output.contains("nothing written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
        #expect(Fixtures.read(dir + "/manifest.json") == manifest)
        let bad = Fixtures.run(Fixtures.binary, ["import", PackageMaker.fixtures + "/cells.xlsx", "--into", dir, "--dry-run"], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("cells.xlsx: no layout fits (mot-cua, bieu-06, du-lich, man-hinh, chi-so-766); give one with --layout FILE"))
        let help = Fixtures.run(Fixtures.binary, ["import", "--help"])
        #expect(help.output.contains("mot-cua (Báo cáo thống kê"))
        #expect(help.output.contains("bieu-06"))
    }
}

/// Form 06 as LibreOffice writes it (three header rows, a code column, a quarter in the title).
@Suite struct Form06FixtureTests {
    @Test func form06OfAQuarterWithCodesIsPlannedAsThatSpan() throws {
        let url = URL(fileURLWithPath: PackageMaker.fixtures + "/bieu-06-quy-4-2026.xlsx")
        let plan = try ImportPlan.make(url, catalogue: UnitsAndPeriodTests.tuyenQuangUnits(), layouts: .shipped())
        #expect(plan.match.layout.id == "bieu-06")
        #expect(plan.match.headerRows == 5...7)
        #expect(plan.match.codeColumn == 3)
        #expect(plan.period == ReportPeriod(first: "2026-10", last: "2026-12"), "a quarter stays a quarter")
        #expect(plan.units.count == 12)
        #expect(plan.missing.count == 112)
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
        #expect(plan.match.column(of: "received_online") == 5 && plan.match.column(of: "received_direct") == 6)
        #expect(plan.match.column(of: "returned") == nil, "form 06 has no returned column: it stays absent")
        let total = try #require(plan.total)
        #expect(total.figures["handled"] == plan.units.reduce(0) { $0 + ($1.figures["handled"] ?? 0) })
    }

    @Test func aRowThatDoesNotAddUpIsAWarningNamingBothSides() {
        let figures: [String: Double] = ["handled": 120, "carried_over": 20, "received": 98, "received_direct": 40, "received_online": 58]
        #expect(RowIdentities.broken(figures, place: "f.xlsx: S!B9") == ["f.xlsx: S!B9: handled 120 ≠ carried_over + received = 118"])
    }
}

/// A sheet typed in a pre-Unicode font is named as such, with how to convert it.
@Suite struct LegacyFontTests {
    @Test func tcvn3AndVNIHeadersAreRecognisedAndUnicodeIsNot() throws {
        #expect(LegacyFont.suspected(["STT", "§¬n vÞ", "Tæng sè", "Tån tr­íc"]), "TCVN3")
        #expect(LegacyFont.suspected(["Ñôn vò", "Toång soá", "Toàn tröôùc"]), "VNI")
        #expect(!LegacyFont.suspected(["Đơn vị", "Tổng số", "Tồn trước", "Xã Hà Giang"]))
        #expect(!LegacyFont.suspected(["Tiếp nhận", "Tỉ lệ (%)", "Ghi chú: ±5"]))
        let path = Fixtures.temporaryDirectory("cdsboard-tcvn3") + "/bao-cao-thang-11-2026.csv"
        Fixtures.write("STT,§¬n vÞ,Tæng sè,Tån tr­íc\n1,X· Minh Quang,10,2\n", to: path)
        do {
            _ = try ImportPlan.make(URL(fileURLWithPath: path), catalogue: UnitsAndPeriodTests.tuyenQuangUnits(), layouts: .shipped())
            Issue.record("planned")
        } catch {
            #expect(error.description == "bao-cao-thang-11-2026.csv: " + LegacyFont.advice)
        }
    }
}

/// The wall screen's table (LibreOffice): "Trả lại/Rút" is one header, not a parent and a child.
@Suite struct WallScreenFixtureTests {
    @Test func theWallScreenTableIsFoundAndAddsUp() throws {
        let url = URL(fileURLWithPath: PackageMaker.fixtures + "/man-hinh-thang-11-2026.xlsx")
        let plan = try ImportPlan.make(url, catalogue: UnitsAndPeriodTests.tuyenQuangUnits(), layouts: .shipped())
        #expect(plan.match.layout.id == "man-hinh")
        #expect(plan.match.column(of: "returned_or_withdrawn") == 13)
        #expect(plan.match.column(of: "received_online") == nil, "the wall screen has no channel split: it stays absent")
        #expect(plan.units.count == 20 && plan.missing.count == 104)
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
        #expect(plan.period == ReportPeriod(first: "2026-11", last: "2026-11"))
    }
}
