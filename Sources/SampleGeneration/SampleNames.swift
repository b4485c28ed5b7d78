import SnapshotKit
/// Word lists for plausible names in the synthetic sample.
enum SampleNames {
    static let villageSyllables = ["Nà", "Lũng", "Khuổi", "Pác", "Nậm", "Tả", "Sủng", "Há", "Phìn", "Chải", "Mã", "Sà",
                                   "Bản", "Cốc", "Lùng", "Thèn", "Ma", "Sì", "Pả", "Phố", "Chí", "Vần", "Lầu", "Hồ"]
    static let villageEndings = ["Pao", "Cáy", "Phìn", "Chư", "Lủng", "Mần", "Sáng", "Tủng", "Lìn", "Chảng", "Thàng",
                                 "Pin", "Cú", "Hao", "Tỷ", "Chá", "Sán", "Vải", "Hương", "Thượng", "Hạ", "Trung"]
    static let familyNames = ["Nguyễn", "Hoàng", "Vàng", "Giàng", "Lục", "Nông", "Ma", "Sùng", "Lò", "Triệu", "Đặng",
                              "Lý", "Phàn", "Thào", "Mua", "Ly"]
    static let givenNames = ["Thị Mai", "Văn Páo", "Thị Dợ", "Seo Chứ", "Mí Say", "Văn Tuấn", "Thị Hoa", "Chúng Sủng",
                             "Văn Đức", "Thị Lan", "Mỷ Dí", "Thanh Hà", "Đức Anh", "Thị Chi"]

    /// Product templates per district code: (name, category).
    static let ocop: [String: [(String, String)]] = [
        "024": [("Bánh chưng gù", "Thực phẩm"), ("Trà hoa vàng", "Đồ uống"), ("Lạp sườn hun khói", "Thực phẩm")],
        "026": [("Mật ong hoa bạc hà", "Thực phẩm"), ("Ớt gió", "Thực phẩm"), ("Vải lanh thổ cẩm", "Thủ công mỹ nghệ"),
                ("Thịt bò khô", "Thực phẩm"), ("Bánh tam giác mạch", "Thực phẩm"), ("Rượu ngô", "Đồ uống")],
        "027": [("Mật ong bạc hà Mèo Vạc", "Thực phẩm"), ("Thịt lợn đen Lũng Pù", "Thực phẩm"), ("Thắng cố khô", "Thực phẩm"),
                ("Khăn thổ cẩm Mông", "Thủ công mỹ nghệ")],
        "028": [("Ngô nếp núi đá", "Thực phẩm"), ("Gạo nếp râu", "Thực phẩm"), ("Hồng không hạt Na Khê", "Thực phẩm"),
                ("Thảo quả sấy", "Thảo dược")],
        "029": [("Hồng không hạt Quản Bạ", "Thực phẩm"), ("Gà xương đen", "Thực phẩm"), ("Rượu ngô men lá Thanh Vân", "Đồ uống"),
                ("Trà thảo dược", "Thảo dược")],
        "030": [("Chè Shan tuyết cổ thụ Cao Bồ", "Đồ uống"), ("Chè Shan tuyết Thanh Thủy", "Đồ uống"), ("Bưởi Vị Xuyên", "Thực phẩm"),
                ("Miến dong", "Thực phẩm")],
        "031": [("Măng khô", "Thực phẩm"), ("Rượu men lá", "Đồ uống"), ("Cá lăng sấy", "Thực phẩm")],
        "032": [("Chè Shan tuyết Hoàng Su Phì", "Đồ uống"), ("Mận máu", "Thực phẩm"), ("Cá chép ruộng", "Thực phẩm"),
                ("Gạo đỏ ruộng bậc thang", "Thực phẩm")],
        "033": [("Gạo tẻ Già Dui", "Thực phẩm"), ("Mận hậu", "Thực phẩm"), ("Chè Shan tuyết Xín Mần", "Đồ uống"),
                ("Cây thuốc Dao đỏ", "Thảo dược")],
        "034": [("Cam sành Hà Giang", "Thực phẩm"), ("Chè Hùng An", "Đồ uống"), ("Nấm hương rừng", "Thực phẩm")],
        "035": [("Chè Shan tuyết Quang Bình", "Đồ uống"), ("Cam Quang Bình", "Thực phẩm"), ("Thịt mắm Tày Xuân Giang", "Thực phẩm")],
    ]
    static let packs = ["túi 200 g", "hộp 500 g", "hộp quà", "chai 500 ml", "túi 1 kg", "gói 100 g", "loại đặc biệt", "hộp 250 g"]
    static let producerKinds = ["HTX", "Hộ kinh doanh", "Công ty TNHH", "Tổ hợp tác"]
}
