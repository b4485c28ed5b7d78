import SnapshotKit

/// Unit names as the interface language shows them. Official names stay Vietnamese in every
/// language; only the words the dashboard adds are translated: a two-tier province's grouping
/// of a former district is "khu vực Bắc Mê (cũ)" / "Bắc Mê (cũ)" in Vietnamese and
/// "Bắc Mê (former district)" / "Bắc Mê (former)" in English.
public enum UnitNames {
    /// The full name: "Xã Đạo Đức", "khu vực Bắc Mê (cũ)" / "Bắc Mê (former district)".
    public static func name(_ u: AdminUnit, _ language: Language) -> String {
        guard u.isGrouping, language == .en else { return u.name }
        return base(u) + " (former district)"
    }

    /// The short name: "Đạo Đức", "Bắc Mê (cũ)" / "Bắc Mê (former)".
    public static func shortName(_ u: AdminUnit, _ language: Language) -> String {
        guard u.isGrouping, language == .en else { return u.shortName }
        return base(u) + " (former)"
    }

    /// "Bắc Mê" of a grouping named "Bắc Mê (cũ)".
    static func base(_ u: AdminUnit) -> String {
        u.shortName.hasSuffix(" (cũ)") ? String(u.shortName.dropLast(5)) : u.shortName
    }
}
