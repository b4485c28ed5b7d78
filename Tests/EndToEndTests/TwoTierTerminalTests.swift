import DashboardTestSupport
import Foundation
import Testing

/// The merged two-tier sample in a real terminal: province → khu vực → commune and back out.
@Suite(.serialized) struct TwoTierTerminalTests {
    let data = Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"
    static let utf8 = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    @Test func drillDownThroughAFormerDistrictIntoACommuneAndOut() {
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) --no-clock", width: 120, height: 40,
                            environment: Self.utf8, prefix: "tq-")
        defer { t.kill() }
        let province = t.waitFor("Đồng Văn (cũ)")
        #expect(province.contains("Tuyên Quang · Chuyển đổi số"))
        t.sendKeys("/", "d", "o", "n", "g", "Space", "v", "a", "n")
        t.waitFor("Tìm đơn vị: dong van_")
        t.sendKeys("Enter")
        // The legend is on the table's bottom border, drawn last: waiting for it waits for the
        // whole frame (a capture mid-redraw once missed it under load).
        t.waitFor("Xã Đồng Văn *")
        let group = t.waitFor("* gồm xã của nhiều huyện cũ")
        #expect(group.contains("Tuyên Quang › khu vực Đồng Văn (cũ)"))
        #expect(group.contains("* gồm xã của nhiều huyện cũ"))
        t.sendKeys("g")
        for _ in 0..<12 {
            if t.capture().split(separator: "\n").contains(where: { $0.contains("▶") && $0.contains("Xã Đồng Văn") }) { break }
            t.sendKeys("j")
            usleep(150_000)
        }
        t.sendKeys("Enter")
        let commune = t.waitFor("khu vực Đồng Văn (cũ) › Xã Đồng Văn")
        #expect(commune.contains("Xã Đồng Văn"))
        t.sendKeys("Escape")
        t.waitFor("Xã, phường (")
        t.sendKeys("Escape")
        let back = t.waitFor("Hoàng Su Phì (cũ)")
        #expect(back.contains("Tuyên Quang"))
        t.sendKeys("f")
        let flat = t.waitFor("Xã Lũng Cú")
        #expect(!flat.contains("Đồng Văn (cũ) "))
    }
}
