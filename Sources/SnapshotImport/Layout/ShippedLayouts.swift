/// The layouts cdsboard ships, as TOML text (the same format as a user's layout file; kept in the
/// binary so an installed `cdsboard` needs no file beside it). A user's layout with the same `id`
/// under `$XDG_CONFIG_HOME/cdsboard/layouts/` replaces the shipped one.
public enum ShippedLayouts {
    /// `(file name, TOML)`, in the order detection tries them.
    public static let all: [(name: String, toml: String)] = [("mot-cua.toml", oneStop), ("bieu-06.toml", form06), ("du-lich.toml", tourism), ("man-hinh.toml", wallScreen), ("chi-so-766.toml", index766)]

    /// The one-stop system's statistics report (OpenCPS and its vendors), columns (1)–(20):
    /// STT | Đơn vị | Nhận giải quyết (Tổng số, Tồn trước) | Nhận trong kỳ (Tổng số, Một cửa,
    /// Trực tuyến) | Kết quả giải quyết (Tổng số, Trước hạn, Đúng hạn, Quá hạn) | Từ chối giải
    /// quyết | Trả kết quả (Đã trả, Chưa trả) | Đang giải quyết (Tổng số, Còn hạn, Quá hạn) | Tạm
    /// dừng bổ sung điều kiện | Rút không giải quyết | Tỉ lệ sớm và đúng hạn.
    public static let oneStop = """
    id = "mot-cua"
    name = "Báo cáo thống kê giải quyết hồ sơ của hệ thống một cửa, cột (1)–(20)"
    carries = "dossier_totals"
    unit = ["Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị", "Đơn vị/Lĩnh vực"]
    code = ["Mã đơn vị", "Mã ĐVHC", "Mã"]
    total = ["Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh", "Tổng"]
    required = ["carried_over", "received", "received_online", "resolved", "resolved_before_due", "resolved_on_due",
                "resolved_after_due", "pending", "pending_within_due", "pending_overdue"]

    [fields]
    handled = ["Nhận giải quyết / Tổng số", "Tiếp nhận / Tổng số"]
    carried_over = ["Nhận giải quyết / Tồn trước", "Nhận giải quyết / Từ kỳ trước", "Nhận giải quyết / Kỳ trước", "Tiếp nhận / Kỳ trước"]
    received = ["Nhận trong kỳ / Tổng số", "Tiếp nhận trong kỳ / Tổng số"]
    received_direct = ["Nhận trong kỳ / Một cửa", "Nhận trong kỳ / Trực tiếp", "Nhận trong kỳ / Trực tiếp, bưu chính"]
    received_online = ["Nhận trong kỳ / Trực tuyến"]
    resolved = ["Kết quả giải quyết / Tổng số", "Đã giải quyết / Tổng số"]
    resolved_before_due = ["Kết quả giải quyết / Trước hạn", "Đã giải quyết / Trước hạn"]
    resolved_on_due = ["Kết quả giải quyết / Đúng hạn", "Đã giải quyết / Đúng hạn"]
    resolved_after_due = ["Kết quả giải quyết / Quá hạn", "Đã giải quyết / Quá hạn"]
    returned = ["Từ chối giải quyết", "Trả lại"]
    delivered = ["Trả kết quả / Đã trả"]
    not_delivered = ["Trả kết quả / Chưa trả"]
    pending = ["Đang giải quyết / Tổng số"]
    pending_within_due = ["Đang giải quyết / Còn hạn", "Đang giải quyết / Trong hạn"]
    pending_overdue = ["Đang giải quyết / Quá hạn"]
    supplement = ["Tạm dừng bổ sung điều kiện", "Tạm dừng", "Bổ sung"]
    withdrawn = ["Rút không giải quyết", "Rút hồ sơ", "Công dân rút"]
    on_time_percent = ["Tỉ lệ sớm và đúng hạn", "Tỉ lệ sớm và đúng hạn (%)", "Tỷ lệ sớm và đúng hạn (%)", "Tỷ lệ đúng hạn (%)"]
    """

    /// Form 06 (Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP) per unit: received (total;
    /// online; direct and postal; carried over), resolved (total; before due; on due; overdue),
    /// in progress (total; within due; overdue).
    public static let form06 = """
    id = "bieu-06"
    name = "Biểu số 06/VPCP/KSTT: tình hình, kết quả giải quyết TTHC theo đơn vị"
    carries = "dossier_totals"
    unit = ["Đơn vị", "Tên đơn vị", "Lĩnh vực, đơn vị", "Đơn vị/Lĩnh vực"]
    code = ["Mã đơn vị", "Mã ĐVHC"]
    total = ["Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh"]

    [fields]
    handled = ["Số hồ sơ nhận giải quyết / Tổng số"]
    received_online = ["Số hồ sơ nhận giải quyết / Trong kỳ / Trực tuyến", "Số hồ sơ nhận giải quyết / Số mới tiếp nhận trực tuyến"]
    received_direct = ["Số hồ sơ nhận giải quyết / Trong kỳ / Trực tiếp, bưu chính", "Số hồ sơ nhận giải quyết / Số mới tiếp nhận trực tiếp hoặc dịch vụ bưu chính"]
    carried_over = ["Số hồ sơ nhận giải quyết / Từ kỳ trước", "Số hồ sơ nhận giải quyết / Số kỳ trước chuyển qua"]
    resolved = ["Số hồ sơ đã giải quyết / Tổng số"]
    resolved_before_due = ["Số hồ sơ đã giải quyết / Trước hạn"]
    resolved_on_due = ["Số hồ sơ đã giải quyết / Đúng hạn"]
    resolved_after_due = ["Số hồ sơ đã giải quyết / Quá hạn"]
    pending = ["Số hồ sơ đang giải quyết / Tổng số"]
    pending_within_due = ["Số hồ sơ đang giải quyết / Trong hạn"]
    pending_overdue = ["Số hồ sơ đang giải quyết / Quá hạn"]
    """

    /// Tourism by former district (or district) for one month, as a department types it:
    /// Địa bàn | Khách nội địa | Khách quốc tế | Doanh thu (triệu đồng).
    public static let tourism = """
    id = "du-lich"
    name = "Khách du lịch và doanh thu theo địa bàn, một tháng"
    carries = "tourism"
    unit = ["Địa bàn", "Huyện, thành phố", "Đơn vị", "Khu vực"]
    code = ["Mã huyện", "Mã địa bàn"]
    total = ["Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh"]

    [fields]
    domestic_visitors = ["Khách nội địa", "Khách du lịch / Nội địa", "Lượt khách / Nội địa", "Khách trong nước"]
    international_visitors = ["Khách quốc tế", "Khách du lịch / Quốc tế", "Lượt khách / Quốc tế"]
    revenue_million_vnd = ["Doanh thu (triệu đồng)", "Tổng thu từ khách du lịch (triệu đồng)", "Doanh thu"]
    """

    /// The wall-screen layout of the provincial service centres: Tiếp nhận (Tổng số, Kỳ trước,
    /// Trong kỳ) | Đã xử lý (Trước hạn, Đúng hạn, Quá hạn, Tỷ lệ) | Đang xử lý (Trong hạn, Quá
    /// hạn) | Bổ sung | Trả lại/Rút (returned and withdrawn together: neither alone is known).
    public static let wallScreen = """
    id = "man-hinh"
    name = "Màn hình điều hành: tiếp nhận, đã xử lý, đang xử lý, bổ sung, trả lại/rút"
    carries = "dossier_totals"
    unit = ["Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị"]
    code = ["Mã đơn vị", "Mã ĐVHC"]
    total = ["Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh"]
    required = ["carried_over", "received", "resolved_before_due", "resolved_on_due", "resolved_after_due",
                "pending_within_due", "pending_overdue"]

    [fields]
    handled = ["Tiếp nhận / Tổng số"]
    carried_over = ["Tiếp nhận / Kỳ trước"]
    received = ["Tiếp nhận / Trong kỳ"]
    resolved_before_due = ["Đã xử lý / Trước hạn"]
    resolved_on_due = ["Đã xử lý / Đúng hạn"]
    resolved_after_due = ["Đã xử lý / Quá hạn"]
    on_time_percent = ["Đã xử lý / Tỷ lệ", "Đã xử lý / Tỉ lệ"]
    pending_within_due = ["Đang xử lý / Trong hạn"]
    pending_overdue = ["Đang xử lý / Quá hạn"]
    supplement = ["Bổ sung", "Chờ bổ sung"]
    returned_or_withdrawn = ["Trả lại/Rút", "Trả lại, rút"]
    """

    /// The 766 portal's table copied into a sheet: unit, the six group scores, total, rank.
    public static let index766 = """
    id = "chi-so-766"
    name = "Bộ chỉ số 766 (Quyết định 766/QĐ-TTg): điểm theo nhóm, tổng điểm, xếp hạng"
    carries = "index_766"
    unit = ["Đơn vị", "Tên đơn vị", "Địa phương", "Cơ quan, đơn vị"]
    code = ["Mã đơn vị", "Mã ĐVHC"]
    total = ["Tổng số", "Trung bình", "Bình quân"]
    required = ["transparency", "progress", "online_service", "online_payment", "digitisation", "satisfaction", "total", "rank"]

    [fields]
    transparency = ["Công khai, minh bạch", "Công khai minh bạch"]
    progress = ["Tiến độ giải quyết", "Tiến độ"]
    online_service = ["Dịch vụ trực tuyến", "Cung cấp dịch vụ trực tuyến"]
    online_payment = ["Thanh toán trực tuyến"]
    digitisation = ["Số hóa hồ sơ", "Số hóa"]
    satisfaction = ["Mức độ hài lòng", "Sự hài lòng"]
    total = ["Tổng điểm", "Điểm"]
    rank = ["Xếp hạng", "Thứ hạng"]
    ranked = ["Xếp hạng", "Thứ hạng", "Số đơn vị xếp hạng"]
    """
}
