import DashboardTestSupport
import Foundation

/// A hand-made snapshot small enough to compute every aggregate by hand.
///
/// Province 02 with districts 026 (communes 00712, 00715) and 030 (commune 00793).
enum TinySnapshot {
    static let units = """
    {"province": {"code": "02", "name": "Hà Giang", "full_name": "Tỉnh Hà Giang", "districts": [
      {"code": "026", "name": "Huyện Đồng Văn", "short_name": "Đồng Văn", "communes": [
        {"code": "00712", "name": "Thị trấn Phó Bảng", "short_name": "Phó Bảng", "kind": "thị trấn"},
        {"code": "00715", "name": "Xã Lũng Cú", "short_name": "Lũng Cú"}]},
      {"code": "030", "name": "Huyện Vị Xuyên", "short_name": "Vị Xuyên", "communes": [
        {"code": "00793", "name": "Xã Đạo Đức", "short_name": "Đạo Đức"}]}]}}
    """
    static let manifest = """
    {"province_code": "02", "generated_at": "2024-07-05T08:00:00+07:00", "period_end": "2024-06-30", "sources": ["test"]}
    """
    /// Six dossiers, with personal data and extra columns in another order.
    static let dossiers = """
    applicant_name,dossier_id,district_code,commune_code,level,field,received_date,due_date,resolved_date,channel,status,applicant_id,phone
    "Nguyễn Văn A, con",D1,026,00715,commune,Hộ tịch,2024-04-02,2024-04-05,2024-04-04,online,resolved,001234567890,0912345678
    Vàng Thị B,D2,026,00715,commune,Hộ tịch,2024-04-10,2024-04-12,2024-04-15,direct,resolved,009876543210,0987654321
    Lò Văn C,D3,026,,district,Đất đai,2024-05-03,2024-05-20,,online,pending,001111111111,0900000001
    Giàng Seo D,D4,030,00793,commune,Chứng thực,2024-06-25,2024-07-10,,online,pending,002222222222,0900000002
    Ma Thị E,D5,030,00793,commune,Chứng thực,2024-01-15,2024-01-20,2024-01-18,postal,resolved,003333333333,0900000003
    Hoàng F,D6,030,,province,Y tế,2023-04-20,2023-05-01,,direct,withdrawn,004444444444,0900000004
    """
    static let bts = """
    site_id,operator,district_code,commune_code,lat,lon,tech,status,commissioned_date
    S1,Viettel,026,00715,23.36,105.32,2G|4G,active,2015-01-01
    S2,VNPT,026,00712,23.25,105.26,4G,active,2024-05-01
    S3,MobiFone,030,00793,22.70,104.95,3G|4G|5G,active,2020-02-02
    S4,Viettel,030,,22.71,104.96,4G,planned,
    """
    static let villages = """
    village_code,name,district_code,commune_code,households,poor_households,mobile,broadband
    V1,Thôn Lô Lô Chải,026,00715,100,40,4G,no
    V2,Thôn Séo Lủng,026,00715,80,50,none,no
    V3,Tổ 1,026,00712,200,10,4G,yes
    V4,Thôn Làng Khẻn,030,00793,120,12,3G,yes
    """
    static let ocop = """
    product_id,name,producer,district_code,category,stars,platforms,listed_date
    P1,Mật ong bạc hà,HTX A,026,Thực phẩm,4,Postmart|Shopee,2023-01-01
    P2,Ớt gió,HTX B,026,Thực phẩm,3,,
    P3,Chè Shan tuyết,HTX C,030,Đồ uống,5,Voso,2024-05-10
    """
    static let tourism = """
    month,district_code,domestic_visitors,international_visitors,revenue_million_vnd
    2024-04,026,1000,100,5000
    2024-05,026,2000,200,9000
    2024-04,030,500,0,1000
    2023-04,026,800,80,4000
    """
    /// Digital society: Lũng Cú (00715) in June 2023, May and June 2024; Phó Bảng (00712) and
    /// Đạo Đức (00793) in June 2024; Đồng Văn's own officials (no commune) in June 2024.
    static let society = """
    month,district_code,commune_code,adults,vneid_activated,digital_teams,team_members,trained,certified,households,households_with_account,benefit_payments,benefit_payments_cashless,app_downloads,app_accounts,officials,email_accounts
    2023-06,026,00715,1000,300,2,8,,,180,70,30,3,,,,
    2024-05,026,00715,1000,500,2,9,,,180,90,40,10,30,20,,
    2024-06,026,00715,1000,600,2,10,,,180,100,50,20,40,25,,
    2024-06,026,00712,2000,1400,1,5,,,200,150,60,30,100,80,,
    2024-06,026,,,,,,,,,,,,,,300,300
    2024-06,030,00793,500,200,1,4,,,120,60,20,5,,,,
    """

    /// Writes the snapshot to a new directory, with `overrides` (file → text) applied.
    static func write(_ overrides: [String: String?] = [:]) -> String {
        let dir = Fixtures.temporaryDirectory("cdsboard-tiny")
        var files: [String: String?] = ["units.json": units, "manifest.json": manifest, "dossiers.csv": dossiers,
                                        "bts.csv": bts, "villages.csv": villages, "ocop.csv": ocop, "tourism.csv": tourism,
                                        "society.csv": society]
        for (k, v) in overrides { files[k] = v }
        for (name, text) in files { if let text { Fixtures.write(text + (name.hasSuffix(".csv") ? "\n" : ""), to: dir + "/" + name) } }
        return dir
    }
}
