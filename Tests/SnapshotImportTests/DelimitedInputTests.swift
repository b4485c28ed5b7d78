import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotImport

/// CSV input (comma or semicolon, with or without BOM) and numbers written as text.
@Suite struct DelimitedInputTests {
    func sheet(_ bytes: [UInt8], name: String = "bao-cao.csv") throws -> Sheet {
        let path = Fixtures.temporaryDirectory("cdsboard-csv") + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try DelimitedSheet.read(URL(fileURLWithPath: path))
    }

    func refusal(_ bytes: [UInt8], name: String = "bao-cao.csv") -> String {
        do { _ = try sheet(bytes, name: name); return "read" } catch { return "\(error)" }
    }

    @Test func semicolonsWithBOMAsExcelWritesThemInAVietnameseLocale() throws {
        let text = "BÁO CÁO THÁNG 11/2026\r\nSTT;Đơn vị;Tiếp nhận;Tỷ lệ\r\n1;\"Xã Thanh Thủy; huyện cũ\";1.234;87,3%\r\n2;\"Phường \"\"Minh\"\" Xuân\";12;\r\n"
        let s = try sheet([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(s.name == "bao-cao")
        #expect(s[1, 1] == .text("BÁO CÁO THÁNG 11/2026"))
        #expect(s[3, 2] == .text("Xã Thanh Thủy; huyện cũ"))
        #expect(s[3, 3] == .text("1.234"))
        #expect(s[4, 2] == .text("Phường \"Minh\" Xuân"))
        #expect(s[4, 4] == nil, "an empty field is an empty cell")
        #expect(s.rowCount == 4)
    }

    @Test func commasWithoutBOMAndLineBreaksInsideQuotes() throws {
        let s = try sheet(Array("STT,\"Đơn vị\nhành chính\",Số\n1,Xã Hà Giang,\"1,5\"\n".utf8))
        #expect(s[1, 2] == .text("Đơn vị\nhành chính"))
        #expect(s[2, 2] == .text("Xã Hà Giang"))
        #expect(s[2, 3] == .text("1,5"))
    }

    @Test func refusalsSayWhatToDo() {
        #expect(refusal([0x53, 0x54, 0x54, 0x0A, 0x58, 0xE3, 0x20, 0xB8, 0x0A])
                == "bao-cao.csv: line 2: is not UTF-8 text (a Windows code page or TCVN3/VNI?): save it as \"CSV UTF-8 (Comma delimited)\"")
        #expect(refusal([0xFF, 0xFE, 0x53, 0x00]).hasPrefix("bao-cao.csv: is UTF-16 text"))
        #expect(refusal(Array("a,\"b\n\nc".utf8)) == "bao-cao.csv: line 1: a quoted field opened here is never closed")
        #expect(refusal([0x50, 0x4B, 0x03, 0x04, 0, 0]).hasPrefix("bao-cao.csv: is a workbook, not a CSV file"))
    }

    @Test func vietnameseNumbersWrittenAsText() {
        #expect(VietnameseNumber("1.234") == VietnameseNumber(value: 1234))
        #expect(VietnameseNumber("1.234.567") == VietnameseNumber(value: 1_234_567))
        #expect(VietnameseNumber("87,3") == VietnameseNumber(value: 87.3))
        #expect(VietnameseNumber("87,3%") == VietnameseNumber(value: 87.3, percent: true))
        #expect(VietnameseNumber("1.234,5") == VietnameseNumber(value: 1234.5))
        #expect(VietnameseNumber("1,234.5") == VietnameseNumber(value: 1234.5))
        #expect(VietnameseNumber(" 12 ") == VietnameseNumber(value: 12))
        #expect(VietnameseNumber("1 234") == VietnameseNumber(value: 1234))
        #expect(VietnameseNumber("87.3") == VietnameseNumber(value: 87.3))
        #expect(VietnameseNumber("-5") == VietnameseNumber(value: -5))
        for bad in ["", "abc", "1.23.4", "1,234,567", "12a", "1..2", ",5", "1.234,5.6", "%"] {
            #expect(VietnameseNumber(bad) == nil, "\(bad)")
        }
        #expect(VietnameseNumber.isBlank(" — ") && VietnameseNumber.isBlank("") && !VietnameseNumber.isBlank("0"))
    }
}
