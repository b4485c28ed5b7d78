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

    /// A copy of the Hà Giang sample with `files` (name → text) added or replaced, and the
    /// manifest's list of files made again (as an exporter does).
    public static func sample(with files: [String: String], without removed: [String] = []) -> String {
        let dir = Fixtures.copyOfSample()
        for name in removed { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
        for (name, text) in files { Fixtures.write(text, to: dir + "/" + name) }
        Fixtures.relist(dir)
        return dir
    }
}
