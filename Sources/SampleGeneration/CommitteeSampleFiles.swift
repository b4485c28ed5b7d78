import Foundation
import SnapshotKit

/// The committee's score sets (issue 28) of the two bundled samples, written by `cdsboard gen`
/// beside the generated files: the national targets and codes, the 2026 national targets,
/// Tuyên Quang's own targets and the DTI figures that were published are real; everything
/// else (baselines, values, tasks, the indices) is invented, and each row says so in its
/// `note` column (SampleData/README.md lists what is which). Change a sample here, then run
/// `cdsboard gen` as SampleData/README.md says (a test holds that gen reproduces the samples).
enum CommitteeSampleFiles {
    /// Hà Giang's, as of 2024-06-30 (province 02).
    static let haGiang2024: [(name: String, text: String)] = [
        ("indicators.csv", p02Indicators),
        ("indicator_values.csv", p02IndicatorValues),
        ("dti.csv", p02Dti),
        ("tasks.csv", p02Tasks),
    ]
    /// The merged Tuyên Quang's, as of 2026-10-31 (province 08).
    static let tuyenQuang2026: [(name: String, text: String)] = [
        ("indicators.csv", p08Indicators),
        ("indicator_values.csv", p08IndicatorValues),
        ("dti.csv", p08Dti),
        ("tasks.csv", p08Tasks),
    ]

    static let p02Indicators = """
        code,name,name_en,unit,direction,baseline_year,baseline_value,target_value,target_year,source,set,note
        10,Kinh tế số trong GDP/GRDP,Digital economy in GDP,%,higher,2023,8,30,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.1,Tỷ lệ sử dụng dịch vụ công trực tuyến,Use of online public services,%,higher,2023,78,80,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.2,Dịch vụ công trực tuyến toàn trình,Full-process online public services,%,higher,2023,50,90,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.4,Kết quả giải quyết TTHC điện tử,Electronic results of procedures,%,higher,2023,60,100,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.5,Tái sử dụng dữ liệu đã số hóa,Reuse of digitised data,%,higher,2023,30,80,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.6,Thanh toán trực tuyến trong giải quyết TTHC,Online payment in procedures,%,higher,2023,85,80,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.7,TTHC giải quyết không phụ thuộc địa giới,Procedures handled regardless of place,%,higher,2023,0,70,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        11.10,Hồ sơ công việc xử lý trên môi trường điện tử,Work files processed electronically,%,higher,2023,70,100,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        12,Giao dịch không dùng tiền mặt,Cashless transactions,%,higher,2023,40,80,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        23.4,Phủ sóng 5G (dân số),5G coverage of the population,%,higher,2023,0,99,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        30,Người từ 15 tuổi có tài khoản ngân hàng,Adults (15+) with a bank account,%,higher,2023,70,95,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa
        31,Người trưởng thành có chữ ký số,Adults with a digital signature,%,higher,2023,10,70,2030,NQ 03/NQ-CP,NQ 03/NQ-CP đến 2030,mục tiêu thật; mốc 2023 bịa; mục tiêu ban hành 2025 - minh họa

        """

    static let p02IndicatorValues = """
        period,unit_code,code,value,numerator,denominator,note
        2024-Q1,02,11.1,79.2,,,bịa (mẫu)
        2024-Q1,02,11.6,86.5,,,bịa (mẫu)
        2024-Q1,02,11.2,52.0,,,bịa (mẫu)
        2024-Q1,02,11.10,70.4,,,bịa (mẫu)
        2024-Q2,02,11.1,80.5,,,bịa (mẫu)
        2024-Q2,02,11.6,88,,,bịa (mẫu)
        2024-Q2,02,11.2,54.9,,,bịa (mẫu)
        2024-Q2,02,11.4,59,,,bịa (mẫu)
        2024-Q2,02,11.5,27,,,bịa (mẫu)
        2024-Q2,02,11.10,71,,,bịa (mẫu)
        2024-Q2,02,12,45,,,bịa (mẫu)
        2024-Q2,02,23.4,0.5,,,bịa (mẫu)
        2024-Q2,02,30,68,,,bịa (mẫu)
        2024-Q2,02,31,12,,,bịa (mẫu)
        2024-Q2,024,11.1,72.3,,,bịa (mẫu)
        2024-Q2,026,11.1,72.6,,,bịa (mẫu)
        2024-Q2,027,11.1,81.9,,,bịa (mẫu)
        2024-Q2,028,11.1,73.6,,,bịa (mẫu)
        2024-Q2,029,11.1,72.6,,,bịa (mẫu)
        2024-Q2,030,11.1,79.3,,,bịa (mẫu)
        2024-Q2,031,11.1,78.4,,,bịa (mẫu)
        2024-Q2,032,11.1,74.3,,,bịa (mẫu)
        2024-Q2,033,11.1,77.8,,,bịa (mẫu)
        2024-Q2,034,11.1,86.8,,,bịa (mẫu)
        2024-Q2,035,11.1,72.6,,,bịa (mẫu)

        """

    static let p02Dti = """
        year,province_code,province_name,awareness,institutions,infrastructure,human_resources,cybersecurity,government,economy,society,dti,rank,published,ranked,note
        2023,02,Hà Giang,0.6212,0.7321,0.7026,0.7159,0.7169,0.6895,0.6962,0.6279,0.6760,37,2024-06-15,63,hạng 37/63 thật; giá trị và chỉ số thành phần bịa; ngày công bố chưa xác minh
        2023,08,Tuyên Quang (cũ),0.6622,0.6845,0.6409,0.6375,0.6532,0.6153,0.6766,0.6788,0.6735,38,2024-06-15,63,0.6735 và hạng 38/63 thật; chỉ số thành phần bịa; ngày công bố chưa xác minh

        """

    static let p02Tasks = """
        task_id,title,document,owner_code,assigned_date,deadline,status,done_date,note
        HG-01,Số hóa hồ sơ hộ tịch còn lại,KH 35/KH-BCĐ,02,2024-01-15,2024-03-31,done,2024-03-28,bịa (mẫu)
        HG-02,Kết nối phần mềm một cửa với Cổng DVCQG,KH 35/KH-BCĐ,02,2024-01-15,2024-04-30,done,2024-05-10,bịa (mẫu)
        HG-03,Phủ sóng di động thôn Lũng Pù,KH 35/KH-BCĐ,027,2024-01-15,2024-06-30,in_progress,,bịa (mẫu)
        HG-04,Tập huấn tổ công nghệ số cộng đồng,KH 35/KH-BCĐ,026,2024-02-01,2024-05-31,in_progress,,bịa (mẫu)
        HG-05,Thanh toán không dùng tiền mặt tại chợ trung tâm,KH 35/KH-BCĐ,024,2024-02-01,2024-04-30,done,2024-04-30,bịa (mẫu)
        HG-06,Đưa sản phẩm OCOP lên sàn Postmart,CV 112/BCĐ,032,2024-02-20,2024-06-15,in_progress,,bịa (mẫu)
        HG-07,Cập nhật dữ liệu dân cư cho VNeID,CV 112/BCĐ,030,2024-02-20,2024-05-15,in_progress,,bịa (mẫu)
        HG-08,Nâng cấp trung tâm dữ liệu tỉnh,CV 112/BCĐ,02,2024-03-01,2024-09-30,paused,,bịa (mẫu)
        HG-09,Mua sắm thiết bị họp trực tuyến cấp xã,CV 112/BCĐ,033,2024-03-01,2024-06-30,cancelled,,bịa (mẫu)
        HG-10,Ký số văn bản đi của UBND xã,KH 48/KH-BCĐ,034,2024-04-01,2024-06-20,done,2024-06-18,bịa (mẫu)
        HG-11,Chuẩn hóa dữ liệu đất đai,KH 48/KH-BCĐ,035,2024-04-01,2024-06-10,in_progress,,bịa (mẫu)
        HG-12,Bình dân học vụ số tại thôn,KH 48/KH-BCĐ,00769,2024-04-15,2024-08-31,in_progress,,bịa (mẫu)
        HG-13,Hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa,KH 48/KH-BCĐ,00688,2024-04-15,2024-05-31,done,2024-06-07,bịa (mẫu)
        HG-14,Báo cáo chỉ số 766 quý II,CV 140/BCĐ,02,2024-06-01,2024-07-10,in_progress,,bịa (mẫu)

        """

    static let p08Indicators = """
        code,name,name_en,unit,direction,baseline_year,baseline_value,target_value,target_year,source,set,note
        10,Kinh tế số trong GDP/GRDP,Digital economy in GDP,%,higher,2024,12,30,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.1,Tỷ lệ sử dụng dịch vụ công trực tuyến,Use of online public services,%,higher,2024,80,80,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.2,Dịch vụ công trực tuyến toàn trình,Full-process online public services,%,higher,2024,45,90,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.4,Kết quả giải quyết TTHC điện tử,Electronic results of procedures,%,higher,2024,70,100,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.5,Tái sử dụng dữ liệu đã số hóa,Reuse of digitised data,%,higher,2024,35,80,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.6,Thanh toán trực tuyến trong giải quyết TTHC,Online payment in procedures,%,higher,2024,75,80,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.7,TTHC giải quyết không phụ thuộc địa giới,Procedures handled regardless of place,%,higher,2024,10,70,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        11.10,Hồ sơ công việc xử lý trên môi trường điện tử,Work files processed electronically,%,higher,2024,80,100,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        12,Giao dịch không dùng tiền mặt,Cashless transactions,%,higher,2024,50,80,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        23.4,Phủ sóng 5G (dân số),5G coverage of the population,%,higher,2024,10,99,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        30,Người từ 15 tuổi có tài khoản ngân hàng,Adults (15+) with a bank account,%,higher,2024,75,95,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        31,Người trưởng thành có chữ ký số,Adults with a digital signature,%,higher,2024,20,70,2030,NQ 03/NQ-CP; NQ 71/NQ-CP,NQ 03/NQ-CP (sửa đổi bởi NQ 71/NQ-CP) đến 2030,mục tiêu thật; mốc 2024 bịa
        10,Kinh tế số trong GDP/GRDP,Digital economy in GDP,%,higher,2025,12.5,14.5,2026,Chính phủ (kế hoạch 2026),Chỉ tiêu năm 2026 của Chính phủ,mục tiêu thật; mốc 2025 bịa
        23.4,Phủ sóng 5G (dân số),5G coverage of the population,%,higher,2025,20,70,2026,Chính phủ (kế hoạch 2026),Chỉ tiêu năm 2026 của Chính phủ,mục tiêu thật; mốc 2025 bịa
        KS.1,Cán bộ cấp xã có chữ ký số cá nhân,Commune officials with a personal digital signature,%,higher,2025,60,100,2026,Chính phủ (kế hoạch 2026),Chỉ tiêu năm 2026 của Chính phủ,mục tiêu thật; mốc 2025 bịa
        11.10,Hồ sơ công việc xử lý trên môi trường điện tử,Work files processed electronically,%,higher,2025,90,100,2026,Chính phủ (kế hoạch 2026),Chỉ tiêu năm 2026 của Chính phủ,mục tiêu thật; mốc 2025 bịa
        TQ.1,Kinh tế số trong GRDP của tỉnh,Digital economy in the province's GRDP,%,higher,2025,9,20,2030,Đại hội Đảng bộ tỉnh 2025-2030,Nghị quyết Đại hội Đảng bộ tỉnh 2025-2030,mục tiêu thật; mốc 2025 bịa
        TQ.2,Hồ sơ cấp xã trực tuyến toàn trình,Commune dossiers fully online,%,higher,2025,40,80,2030,Đại hội Đảng bộ tỉnh 2025-2030,Nghị quyết Đại hội Đảng bộ tỉnh 2025-2030,mục tiêu thật; mốc 2025 bịa
        TQ.3,Cán bộ cấp xã có danh tính số,Commune officials with a digital identity,%,higher,2025,70,100,2030,Đại hội Đảng bộ tỉnh 2025-2030,Nghị quyết Đại hội Đảng bộ tỉnh 2025-2030,mục tiêu thật; mốc 2025 bịa
        TQ.4,Người dân có tài khoản thanh toán điện tử,People with an e-payment account,%,higher,2025,55,80,2030,Đại hội Đảng bộ tỉnh 2025-2030,Nghị quyết Đại hội Đảng bộ tỉnh 2025-2030,mục tiêu ''trên 80%'' thật; mốc 2025 bịa

        """

    static let p08IndicatorValues = """
        period,unit_code,code,value,numerator,denominator,note
        2026-Q2,08,11.1,82,,,bịa (mẫu)
        2026-Q2,08,11.6,77,,,bịa (mẫu)
        2026-Q2,08,TQ.2,44,,,bịa (mẫu)
        2026-Q3,08,10,12.9,,,bịa (mẫu)
        2026-Q3,08,11.1,84,,,bịa (mẫu)
        2026-Q3,08,11.2,58,,,bịa (mẫu)
        2026-Q3,08,11.4,71,,,bịa (mẫu)
        2026-Q3,08,11.5,36,,,bịa (mẫu)
        2026-Q3,08,11.6,80,,,bịa (mẫu)
        2026-Q3,08,11.10,96,,,bịa (mẫu)
        2026-Q3,08,12,58,,,bịa (mẫu)
        2026-Q3,08,23.4,35,,,bịa (mẫu)
        2026-Q3,08,30,76,,,bịa (mẫu)
        2026-Q3,08,31,33,,,bịa (mẫu)
        2026-Q3,08,KS.1,88,,,bịa (mẫu)
        2026-Q3,08,TQ.1,10.2,,,bịa (mẫu)
        2026-Q3,08,TQ.2,47,,,bịa (mẫu)
        2026-Q3,08,TQ.3,74,,,bịa (mẫu)
        2026-Q3,08,TQ.4,60,,,bịa (mẫu)
        2026-Q3,00691,TQ.2,39.0,267,684,bịa (mẫu)
        2026-Q3,00778,TQ.2,40.8,462,1133,bịa (mẫu)
        2026-Q3,00865,TQ.2,48.8,241,494,bịa (mẫu)
        2026-Q3,00925,TQ.2,61.3,579,944,bịa (mẫu)
        2026-Q3,00991,TQ.2,37.9,214,565,bịa (mẫu)
        2026-Q3,01084,TQ.2,53.3,713,1337,bịa (mẫu)
        2026-Q3,01165,TQ.2,57.5,491,854,bịa (mẫu)
        2026-Q3,01246,TQ.2,35.8,437,1219,bịa (mẫu)
        2026-Q3,02266,TQ.2,71.9,235,327,bịa (mẫu)
        2026-Q3,02350,TQ.2,58.4,515,882,bịa (mẫu)
        2026-Q3,02419,TQ.2,33.5,279,832,bịa (mẫu)
        2026-Q3,02509,TQ.2,70.9,987,1392,bịa (mẫu)
        2026-Q3,02608,TQ.2,62.6,545,871,bịa (mẫu)

        """

    static let p08Dti = """
        year,province_code,province_name,awareness,institutions,infrastructure,human_resources,cybersecurity,government,economy,society,dti,rank,published,ranked,note
        2024,01,Thành phố Hà Nội,0.7988,0.7836,0.8580,0.8487,0.8027,0.8255,0.8296,0.8217,0.8241,1,2025-10-21,34,giá trị và hạng thật; chỉ số thành phần bịa
        2024,46,Thành phố Huế,0.8530,0.7825,0.8170,0.8209,0.7852,0.8155,0.8043,0.8104,0.7951,2,2025-10-21,34,giá trị và hạng thật; chỉ số thành phần bịa
        2024,31,Thành phố Hải Phòng,0.7529,0.8349,0.8071,0.7579,0.8444,0.7358,0.7898,0.7608,0.7857,3,2025-10-21,34,giá trị và hạng thật; chỉ số thành phần bịa
        2024,04,Cao Bằng,0.6971,0.8017,0.8117,0.7881,0.7372,0.7619,0.7873,0.6928,0.7517,4,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,11,Điện Biên,0.7622,0.7053,0.6928,0.6985,0.8056,0.7545,0.7248,0.7013,0.7472,5,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,12,Lai Châu,0.7333,0.7764,0.7971,0.6855,0.7053,0.6890,0.7892,0.7546,0.7427,6,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,14,Sơn La,0.7163,0.7491,0.7151,0.7196,0.7642,0.6830,0.7628,0.6897,0.7382,7,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,15,Lào Cai,0.7117,0.6981,0.7052,0.7668,0.7935,0.7346,0.7360,0.7731,0.7337,8,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,19,Thái Nguyên,0.7724,0.6722,0.7800,0.7619,0.7175,0.7397,0.7727,0.6711,0.7292,9,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,20,Lạng Sơn,0.7199,0.6665,0.6985,0.7597,0.7171,0.7770,0.6828,0.7127,0.7247,10,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,22,Quảng Ninh,0.7081,0.7049,0.7112,0.6705,0.6628,0.7120,0.7764,0.7120,0.7202,11,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,24,Bắc Ninh,0.7403,0.7580,0.6625,0.7757,0.6676,0.7143,0.7610,0.7588,0.7157,12,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,25,Phú Thọ,0.7656,0.7318,0.7520,0.6572,0.7332,0.7629,0.7682,0.7386,0.7112,13,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,33,Hưng Yên,0.7498,0.6723,0.7170,0.7527,0.7249,0.6859,0.7351,0.6975,0.7067,14,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,37,Ninh Bình,0.6920,0.7487,0.6846,0.7068,0.7160,0.7164,0.7076,0.7562,0.7022,15,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,38,Thanh Hóa,0.6899,0.6681,0.6552,0.6899,0.6653,0.7571,0.6917,0.6562,0.6977,16,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,40,Nghệ An,0.7155,0.6587,0.7323,0.6747,0.6518,0.7425,0.7234,0.7070,0.6932,17,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,42,Hà Tĩnh,0.7288,0.7336,0.6426,0.6480,0.7474,0.7331,0.6917,0.7281,0.6887,18,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,44,Quảng Trị,0.7302,0.6860,0.7019,0.6754,0.7054,0.7234,0.7346,0.6688,0.6842,19,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,48,Thành phố Đà Nẵng,0.7082,0.7308,0.6492,0.6802,0.7255,0.6655,0.7139,0.6989,0.6797,20,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,51,Quảng Ngãi,0.7074,0.6826,0.6731,0.6929,0.7198,0.6948,0.7301,0.6600,0.6752,21,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,52,Gia Lai,0.7298,0.6871,0.7212,0.7004,0.6921,0.6369,0.7007,0.6770,0.6707,22,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,08,Tuyên Quang,0.6225,0.6654,0.6880,0.6953,0.6391,0.6185,0.7293,0.6811,0.6700,23,2025-10-21,34,ước tính (trung bình của các tỉnh cũ theo cách tính) - không phải số công bố; chỉ số thành phần bịa
        2024,56,Khánh Hòa,0.6659,0.6373,0.6210,0.7223,0.6292,0.6805,0.6335,0.6750,0.6662,24,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,66,Đắk Lắk,0.6088,0.6585,0.6957,0.7000,0.7006,0.6262,0.7038,0.6252,0.6617,25,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,68,Lâm Đồng,0.6632,0.6418,0.6524,0.6970,0.6524,0.6613,0.6528,0.7054,0.6572,26,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,75,Đồng Nai,0.6825,0.7102,0.6749,0.5938,0.7069,0.6696,0.6187,0.6340,0.6527,27,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,79,Thành phố Hồ Chí Minh,0.6340,0.6900,0.6138,0.6684,0.6046,0.6568,0.6459,0.6774,0.6482,28,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,80,Tây Ninh,0.6602,0.5887,0.6190,0.6733,0.6513,0.6111,0.5997,0.5977,0.6437,29,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,82,Đồng Tháp,0.5841,0.6912,0.6246,0.6679,0.6926,0.5875,0.6339,0.6245,0.6392,30,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,86,Vĩnh Long,0.6051,0.6602,0.5839,0.6712,0.6154,0.6253,0.6409,0.6723,0.6347,31,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,91,An Giang,0.5979,0.6569,0.6766,0.6810,0.6030,0.6743,0.6649,0.6886,0.6302,32,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,92,Thành phố Cần Thơ,0.6412,0.6605,0.6013,0.6235,0.5852,0.5851,0.5661,0.6687,0.6257,33,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2024,96,Cà Mau,0.6797,0.6722,0.6796,0.6322,0.5884,0.5967,0.6338,0.6340,0.6202,34,2025-10-21,34,bịa; giữ trung bình cả nước 0.6961 thật
        2023,08,Tuyên Quang (cũ),0.6784,0.6596,0.7283,0.6356,0.6242,0.7035,0.7057,0.6723,0.6735,38,2024-06-15,63,tỉnh cũ: 0.6735 và hạng 38/63 thật; chỉ số thành phần bịa; ngày công bố chưa xác minh

        """

    static let p08Tasks = """
        task_id,title,document,owner_code,assigned_date,deadline,status,done_date,note
        TQ-01,Vận hành trung tâm phục vụ hành chính công 124 xã,KH 05/KH-BCĐ,08,2026-01-10,2026-03-31,done,2026-03-30,bịa (mẫu)
        TQ-02,Tiếp nhận hồ sơ không phụ thuộc địa giới tại mọi xã,KH 05/KH-BCĐ,08,2026-01-10,2026-04-30,done,2026-05-12,bịa (mẫu)
        TQ-03,Xóa thôn trắng sóng tại Lũng Cú,KH 05/KH-BCĐ,00715,2026-01-20,2026-09-30,in_progress,,bịa (mẫu)
        TQ-04,Ký số cá nhân cho toàn bộ cán bộ xã,KH 05/KH-BCĐ,00691,2026-02-01,2026-06-30,done,2026-06-25,bịa (mẫu)
        TQ-05,Số hóa sổ hộ tịch cấp xã,CV 210/BCĐ,00778,2026-02-01,2026-08-31,in_progress,,bịa (mẫu)
        TQ-06,Chuẩn hóa dữ liệu dân cư cho VNeID,CV 210/BCĐ,00865,2026-02-15,2026-07-31,in_progress,,bịa (mẫu)
        TQ-07,Lắp trạm 5G trung tâm xã,CV 210/BCĐ,00925,2026-03-01,2026-12-31,in_progress,,bịa (mẫu)
        TQ-08,Tập huấn Bình dân học vụ số,CV 210/BCĐ,00991,2026-03-01,2026-06-30,done,2026-07-20,bịa (mẫu)
        TQ-09,Thanh toán không dùng tiền mặt tại trường học,KH 19/KH-BCĐ,01084,2026-03-15,2026-10-15,in_progress,,bịa (mẫu)
        TQ-10,Đưa sản phẩm OCOP lên sàn thương mại điện tử,KH 19/KH-BCĐ,01165,2026-03-15,2026-09-15,done,2026-09-10,bịa (mẫu)
        TQ-11,Xây dựng kho dữ liệu dùng chung của tỉnh,KH 19/KH-BCĐ,08,2026-04-01,2026-12-31,in_progress,,bịa (mẫu)
        TQ-12,Kết nối camera an ninh thôn,KH 19/KH-BCĐ,01246,2026-04-01,2026-08-15,paused,,bịa (mẫu)
        TQ-13,Mua máy chủ cho xã,KH 19/KH-BCĐ,02266,2026-04-01,2026-07-31,cancelled,,bịa (mẫu)
        TQ-14,Hồ sơ công việc điện tử 100%,CV 388/BCĐ,02350,2026-05-01,2026-09-30,in_progress,,bịa (mẫu)
        TQ-15,Cập nhật thủ tục trên Cổng DVC tỉnh,CV 388/BCĐ,02419,2026-05-01,2026-10-31,in_progress,,bịa (mẫu)
        TQ-16,Tổ công nghệ số cộng đồng ở mọi thôn,CV 388/BCĐ,02509,2026-06-01,2026-08-31,done,2026-08-31,bịa (mẫu)
        TQ-17,Báo cáo chỉ số DTI 2025 của tỉnh,CV 401/BCĐ,08,2026-07-01,2026-10-20,in_progress,,bịa (mẫu)
        TQ-18,Chuyển đổi số chợ trung tâm,CV 401/BCĐ,02608,2026-07-01,2026-10-10,in_progress,,bịa (mẫu)

        """
}
