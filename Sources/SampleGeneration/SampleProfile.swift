import SnapshotKit
/// The figures the bundled Hà Giang sample is built to match, and the shape of each district.
///
/// Province totals come from the source article (shared/seed) and the facts file; district
/// shapes are plausible, not reported: highland districts (Đồng Văn, Mèo Vạc, Yên Minh,
/// Quản Bạ, Hoàng Su Phì, Xín Mần, Bắc Mê) have weaker coverage and more poor households;
/// Đồng Văn and Mèo Vạc peak in the buckwheat season (Oct–Dec).
enum SampleProfile {
    static let generatedAt = "2024-07-05T08:00:00+07:00"
    static let periodEnd = "2024-06-30"

    // Dossiers, 2023-01 … 2024-06: received per month. Q2/2024 sums to 143,218.
    static let dossierMonths: [(String, Int)] = [
        ("2023-01", 36_800), ("2023-02", 29_500), ("2023-03", 39_200), ("2023-04", 38_600), ("2023-05", 40_100),
        ("2023-06", 40_900), ("2023-07", 41_300), ("2023-08", 40_800), ("2023-09", 39_700), ("2023-10", 42_600),
        ("2023-11", 43_900), ("2023-12", 45_200), ("2024-01", 44_100), ("2024-02", 34_800), ("2024-03", 46_300),
        ("2024-04", 46_900), ("2024-05", 47_800), ("2024-06", 48_518),
    ]
    /// Online share per month, 2023-01 … 2024-05, rising; June 2024 takes what makes Q2/2024's
    /// online total 125,029 (87.3% of 143,218).
    static let onlineShares: [Double] = [0.66, 0.67, 0.69, 0.71, 0.72, 0.74, 0.75, 0.77, 0.78, 0.80, 0.81, 0.83,
                                         0.84, 0.85, 0.86, 0.868, 0.873]
    static let onlineQ2of2024 = 125_029

    /// Dossier fields (lĩnh vực) by level, with weights.
    static let communeFields: [(String, Double)] = [("Hộ tịch", 48), ("Chứng thực", 30),
                                                     ("Lao động - Thương binh và Xã hội", 14), ("Đất đai", 8)]
    static let districtFields: [(String, Double)] = [("Đất đai", 32), ("Hộ kinh doanh", 20), ("Tư pháp", 16),
                                                      ("Xây dựng", 16), ("Giáo dục và Đào tạo", 16)]
    static let provinceFields: [(String, Double)] = [("Kế hoạch và Đầu tư", 30), ("Giao thông vận tải", 28),
                                                      ("Y tế", 22), ("Tài nguyên và Môi trường", 20)]
    static let levelShares: [Double] = [0.10, 0.28, 0.62] // province, district, commune

    /// Per district (by code): online propensity, on-time rate, highland.
    struct District {
        var online: Double
        var onTime: Double
        var highland: Bool
        var villages: Int
        var uncovered: Int
        var ocop: Int
        var tourismShare: Double
        var international: Double
        var spend: Double
        var center: (Double, Double)
        var poor: Double
    }
    static let districts: [String: District] = [
        "024": District(online: 1.08, onTime: 0.992, highland: false, villages: 72, uncovered: 0, ocop: 7, tourismShare: 0.22, international: 0.08, spend: 1.35, center: (22.82, 104.98), poor: 0.03),
        "026": District(online: 0.97, onTime: 0.968, highland: true, villages: 225, uncovered: 5, ocop: 21, tourismShare: 0.17, international: 0.16, spend: 1.05, center: (23.28, 105.36), poor: 0.42),
        "027": District(online: 0.96, onTime: 0.962, highland: true, villages: 191, uncovered: 5, ocop: 16, tourismShare: 0.11, international: 0.13, spend: 0.95, center: (23.16, 105.41), poor: 0.45),
        "028": District(online: 0.98, onTime: 0.975, highland: true, villages: 282, uncovered: 3, ocop: 14, tourismShare: 0.08, international: 0.07, spend: 0.85, center: (23.12, 105.14), poor: 0.38),
        "029": District(online: 0.99, onTime: 0.978, highland: true, villages: 121, uncovered: 0, ocop: 15, tourismShare: 0.10, international: 0.10, spend: 0.90, center: (23.07, 104.98), poor: 0.33),
        "030": District(online: 1.03, onTime: 0.985, highland: false, villages: 221, uncovered: 0, ocop: 19, tourismShare: 0.08, international: 0.09, spend: 0.80, center: (22.67, 104.97), poor: 0.14),
        "031": District(online: 0.95, onTime: 0.958, highland: true, villages: 143, uncovered: 2, ocop: 8, tourismShare: 0.03, international: 0.03, spend: 0.70, center: (22.74, 105.30), poor: 0.40),
        "032": District(online: 0.97, onTime: 0.971, highland: true, villages: 199, uncovered: 4, ocop: 18, tourismShare: 0.07, international: 0.06, spend: 0.85, center: (22.74, 104.68), poor: 0.36),
        "033": District(online: 0.95, onTime: 0.965, highland: true, villages: 196, uncovered: 4, ocop: 12, tourismShare: 0.03, international: 0.04, spend: 0.75, center: (22.62, 104.50), poor: 0.44),
        "034": District(online: 1.05, onTime: 0.988, highland: false, villages: 236, uncovered: 0, ocop: 17, tourismShare: 0.07, international: 0.02, spend: 0.80, center: (22.49, 104.86), poor: 0.10),
        "035": District(online: 1.02, onTime: 0.982, highland: false, villages: 185, uncovered: 0, ocop: 10, tourismShare: 0.04, international: 0.02, spend: 0.75, center: (22.40, 104.62), poor: 0.16),
    ]

    // BTS: 2,942 active sites (the article), plus planned and down ones.
    static let btsActive = 2_942
    static let btsPlanned = 31
    static let btsDown = 12
    static let operators: [(String, Double)] = [("Viettel", 0.46), ("VNPT", 0.32), ("MobiFone", 0.22)]

    // Tourism: 2022 2,258,400 visits; 2023 3,003,672 (+33%); revenue 2022 4,542,546 and 2023
    // 7,100,000 million VND (+56.3%); first half of 2024 +8.8% on the same months of 2023.
    static let tourismYears: [(year: Int, visits: Int, revenue: Int)] = [(2022, 2_258_400, 4_542_546),
                                                                         (2023, 3_003_672, 7_100_000)]
    static let tourism2024Growth = 1.088
    static let tourismMonthShape: [Double] = [9, 10, 8, 8.5, 7, 5.5, 5, 5.5, 7, 11, 13, 10.5]

    // OCOP: 157 products currently certified: 153 × 3★, 2 × 4★, 2 × 5★.
    static let ocopCategories = ["Thực phẩm", "Đồ uống", "Thảo dược", "Thủ công mỹ nghệ"]
    static let platforms: [(String, Double)] = [("Postmart", 0.9), ("Voso", 0.8), ("Shopee", 0.45), ("Lazada", 0.25),
                                                ("Tiki", 0.15), ("TikTok Shop", 0.3)]
}
