import Foundation

/// The committee's score sets of issue 28 (tasks, indicators, DTI) written by hand to the
/// contract of SampleData/README.md, not by the sample generator: the counts the tests expect
/// are worked out from these rows, not read back from code.
public enum CommitteeFixtures {
    /// Nine tasks of Hà Giang's units (data date 2024-06-30). As of that day: done on time 2
    /// (T1 on its deadline, T8), done late 1 (T2, 5 days), in progress 1 (T3, due that day),
    /// overdue 2 (T5 30 days, T4 20 days), paused 1, cancelled 1; T9 is assigned after it.
    public static let tasks = """
        task_id,title,document,owner_code,assigned_date,deadline,status,done_date,note
        T1,Số hóa hồ sơ hộ tịch,KH 12/KH-BCĐ,030,2024-01-10,2024-03-31,done,2024-03-31,
        T2,Triển khai thanh toán trực tuyến,KH 12/KH-BCĐ,030,2024-01-10,2024-03-31,done,2024-04-05,
        T3,Phủ sóng thôn Lũng Pù,KH 12/KH-BCĐ,031,2024-02-01,2024-06-30,in_progress,,
        T4,Tập huấn tổ công nghệ số,KH 12/KH-BCĐ,031,2024-02-01,2024-06-10,in_progress,,chậm do mưa lũ
        T5,Cập nhật dữ liệu dân cư,CV 45/BCĐ,00688,2024-03-01,2024-05-31,in_progress,,
        T6,Nâng cấp trung tâm dữ liệu,CV 45/BCĐ,02,2024-03-01,2024-05-01,paused,,
        T7,Mua sắm máy chủ,CV 45/BCĐ,02,2024-03-01,2024-05-01,cancelled,,
        T8,Ký số văn bản cấp xã,KH 20/KH-BCĐ,030,2024-05-01,2024-12-31,done,2024-06-15,
        T9,Kế hoạch quý III,KH 30/KH-BCĐ,02,2024-07-01,2024-09-30,in_progress,,

        """

    /// Two sets of targets, columns in another order than the contract's. The line runs from
    /// the end of 2023 to the end of 2025, so at the end of June 2024 it is a quarter of the way:
    /// 50 for 40 → 80 (at-risk margin 4), 18 for 20 → 12 days (lower is better, margin 0,8).
    public static let indicators = """
        set,code,name,name_en,unit,direction,baseline_year,baseline_value,target_value,target_year,source
        Quốc gia,11.1,Tỷ lệ sử dụng dịch vụ công trực tuyến,Use of online public services,%,higher,2023,40,80,2025,NQ 03/NQ-CP
        Quốc gia,11.6,Thanh toán trực tuyến trong giải quyết TTHC,Online payment,%,higher,2023,40,80,2025,NQ 03/NQ-CP
        Quốc gia,11.2,Dịch vụ công trực tuyến toàn trình,Full-process online services,%,higher,2023,40,80,2025,NQ 03/NQ-CP
        Quốc gia,23.4,Phủ sóng 5G,5G coverage,%,higher,2023,0,99,2030,NQ 03/NQ-CP
        Tỉnh,X.1,Thời gian giải quyết hồ sơ,Days to resolve a dossier,ngày,lower,2023,20,12,2025,Sở Nội vụ
        Tỉnh,X.2,Thời gian chờ tại bộ phận một cửa,Waiting days at the desk,ngày,lower,2023,20,12,2025,Sở Nội vụ
        Tỉnh,X.3,Thời gian cấp phép xây dựng,Days to a building permit,ngày,lower,2023,20,12,2025,Sở Xây dựng

        """

    /// As of 2024-Q2 for the province: 11.1 on track (52 ≥ 50), 11.6 at risk (47), 11.2 behind
    /// (45), 23.4 without a value, X.1 on track (18, on the line), X.2 at risk (18,5), X.3
    /// behind (19): 2/7 on track · 2 at risk · 2 behind · 1 no data. Phường Quang Trung: 11.1
    /// at 30, behind; the others without a value.
    public static let indicatorValues = """
        period,unit_code,code,value,numerator,denominator,note
        2024-Q1,02,11.1,20,,,
        2024-Q2,02,11.1,52,520,1000,
        2024-Q2,02,11.6,47,,,
        2024-Q2,02,11.2,45,,,
        2024-Q2,02,X.1,18,,,
        2024-Q2,02,X.2,18.5,,,
        2024-Q2,02,X.3,19,,,
        2024-Q2,00688,11.1,30,,,ước tính

        """

    /// The DTI of 2023 for twelve provinces (invented; the file lists every province ranked) and Hà Giang's 2022. Every other
    /// province has one value on all eight indices (0,80 down to 0,70); Hà Giang's 0,7450 is 7th,
    /// and its indices rank 1, 2, 3, 8, 9, 10, 11 and 12: six in the top 10.
    public static let dti = """
        year,province_code,province_name,awareness,institutions,infrastructure,human_resources,cybersecurity,government,economy,society,dti,rank,published,ranked,note
        2023,01,Hà Nội,0.8000,0.8000,0.8000,0.8000,0.8000,0.8000,0.8000,0.8000,0.8000,1,2024-05-20,,
        2023,04,Cao Bằng,0.7900,0.7900,0.7900,0.7900,0.7900,0.7900,0.7900,0.7900,0.7900,2,2024-05-20,,
        2023,06,Bắc Kạn,0.7800,0.7800,0.7800,0.7800,0.7800,0.7800,0.7800,0.7800,0.7800,3,2024-05-20,,
        2023,08,Tuyên Quang,0.7700,0.7700,0.7700,0.7700,0.7700,0.7700,0.7700,0.7700,0.7700,4,2024-05-20,,
        2023,10,Lào Cai,0.7600,0.7600,0.7600,0.7600,0.7600,0.7600,0.7600,0.7600,0.7600,5,2024-05-20,,
        2023,11,Điện Biên,0.7500,0.7500,0.7500,0.7500,0.7500,0.7500,0.7500,0.7500,0.7500,6,2024-05-20,,
        2023,12,Lai Châu,0.7400,0.7400,0.7400,0.7400,0.7400,0.7400,0.7400,0.7400,0.7400,8,2024-05-20,,
        2023,14,Sơn La,0.7300,0.7300,0.7300,0.7300,0.7300,0.7300,0.7300,0.7300,0.7300,9,2024-05-20,,
        2023,15,Yên Bái,0.7200,0.7200,0.7200,0.7200,0.7200,0.7200,0.7200,0.7200,0.7200,10,2024-05-20,,
        2023,17,Hòa Bình,0.7100,0.7100,0.7100,0.7100,0.7100,0.7100,0.7100,0.7100,0.7100,11,2024-05-20,,
        2023,19,Thái Nguyên,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,12,2024-05-20,,
        2023,02,Hà Giang,0.8050,0.7950,0.7850,0.7350,0.7250,0.7150,0.7050,0.6950,0.7450,7,2024-05-20,,bịa cho bài kiểm thử
        2022,02,Hà Giang,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,0.7000,37,2023-06-10,63,

        """

    /// The committee's files of the bundled samples.
    public static let names = ["indicators.csv", "indicator_values.csv", "dti.csv", "tasks.csv"]

    /// A copy of the Hà Giang sample without its committee files (`Fixtures.copyOfSample`), with
    /// `files` (name → text) added, and the manifest's list of files made again (as an exporter does): a test sees
    /// only the committee files it wrote.
    public static func sample(with files: [String: String]) -> String {
        let dir = Fixtures.copyOfSample()
        for (name, text) in files { Fixtures.write(text, to: dir + "/" + name) }
        Fixtures.relist(dir)
        return dir
    }
}
