/// What the dashboard's words mean, in the administration's words: shown first in help (`?`)
/// and as the footnotes of `report`. One text for both, so the screen and the minutes agree.
public enum Definitions {
    public struct Entry: Equatable, Sendable {
        public let term: String
        public let text: String
    }

    public static func entries(_ language: Language) -> [Entry] {
        language == .vi ? vi : en
    }

    static let vi: [Entry] = [
        Entry(term: "Tiếp nhận",
              text: "hồ sơ tiếp nhận trong kỳ (trực tuyến; trực tiếp, bưu chính), không gồm hồ sơ từ kỳ trước chuyển qua "
                  + "(Biểu số 06/VPCP/KSTT)."),
        Entry(term: "Trực tuyến",
              text: "số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ."),
        Entry(term: "Đúng hạn",
              text: "(số hồ sơ giải quyết trước hạn + đúng hạn) / tổng số hồ sơ đã giải quyết trong kỳ, kể cả hồ sơ "
                  + "từ kỳ trước chuyển qua (Biểu số 06)."),
        Entry(term: "Điểm % (± Trực tuyến, ± Đúng hạn)",
              text: "thay đổi của một tỷ lệ, bằng hiệu hai tỷ lệ: 81,0% so với 77,7% là ▲ 3,3 điểm %; so với cùng các "
                  + "tháng của kỳ trước (kỳ trước) hoặc của năm trước (cùng kỳ). Bên cạnh tỷ lệ, trên cùng dòng: so cùng kỳ."),
        Entry(term: "Đang giải quyết quá hạn",
              text: "hồ sơ đang giải quyết đến cuối kỳ đã quá thời hạn giải quyết (Biểu số 06). Đã giải quyết quá hạn: "
                  + "hồ sơ giải quyết trong kỳ sau thời hạn."),
        Entry(term: "Ước tính theo công thức 766",
              text: "các phần của Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) tính được từ hồ sơ: "
                  + "tiến độ giải quyết 20 điểm, cung cấp dịch vụ trực tuyến 12, thanh toán trực tuyến 6/10, số hóa 14,7/22; "
                  + "tối đa 52,7 điểm khi dữ liệu đủ các cột (phần thiếu cột không tính). Không ước tính công khai, minh bạch "
                  + "(18 điểm) và mức độ hài lòng (18 điểm). Không phải điểm chính thức (thang 100) do Cổng Dịch vụ công "
                  + "quốc gia công bố."),
        Entry(term: "Số liệu hiện tại",
              text: "thôn, sóng di động và sản phẩm OCOP chỉ có số liệu tại thời điểm xuất dữ liệu; khi xem kỳ trước, "
                  + "các số này là số liệu hiện tại, không phải của kỳ đó."),
        Entry(term: "Cấp tỉnh (dòng cuối bảng)",
              text: "hồ sơ do tỉnh (hoặc huyện) tiếp nhận, không thuộc đơn vị nào của bảng; các dòng cộng với dòng này "
                  + "bằng số của tỉnh (huyện)."),
    ]

    static let en: [Entry] = [
        Entry(term: "Received",
              text: "dossiers received in the period (online; direct and postal), not those carried over from the period "
                  + "before (form 06, Biểu số 06/VPCP/KSTT)."),
        Entry(term: "Online",
              text: "dossiers received online / all dossiers received in the period."),
        Entry(term: "On time",
              text: "(resolved before due + on due) / all resolved in the period, those carried over included (form 06)."),
        Entry(term: "Points, pts (± Online, ± On time)",
              text: "a share's change as the difference of the two shares: 81.0% against 77.7% is ▲ 3.3 pts; against the "
                  + "same months of the period before (previous) or of a year earlier (last year). Beside a share, on its "
                  + "line: against a year earlier."),
        Entry(term: "In progress, overdue",
              text: "in progress at the period's end and past their due date (form 06). Resolved overdue: resolved in "
                  + "the period after their due date."),
        Entry(term: "Estimated by the 766 formula",
              text: "the parts of the service index of Decision 766/QĐ-TTg that dossiers give: progress 20 points, online "
                  + "service 12, online payment 6 of 10, digitisation 14.7 of 22; at most 52.7 points with every column "
                  + "(a part whose column is missing is left out). Transparency (18 points) and satisfaction (18 points) "
                  + "are not estimated. Not the official score (out of 100) published by the National Public Service Portal."),
        Entry(term: "Current figures",
              text: "villages, mobile signal and OCOP products are known as of the export only; for an earlier period "
                  + "they are today's figures, not that period's."),
        Entry(term: "Province level (last row)",
              text: "dossiers the province (or district) received itself, in none of the table's units; the rows and "
                  + "this one add up to the province (district)."),
    ]

    /// `text` cut into lines of at most `width` display columns, at spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
