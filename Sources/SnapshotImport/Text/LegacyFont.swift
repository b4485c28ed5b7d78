/// Text typed with a pre-Unicode Vietnamese font (TCVN3/ABC: `§¬n vÞ` for "Đơn vị"; VNI:
/// `Ñôn vò`): stored as Latin-1 letters that Vietnamese in Unicode never uses. Such a sheet
/// fits no layout and names no unit; the refusal says what it is and how to convert it.
public enum LegacyFont {
    /// Latin-1 letters that Vietnamese in Unicode uses (the rest of U+00A0–U+00FF it never does).
    static let vietnameseLatin1 = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars.map(\.value))

    /// Whether the texts look like a legacy font: at least three Latin-1 characters foreign to
    /// Vietnamese, and none of the letters only Unicode Vietnamese has (ă, đ, ơ, ư, ạ … ỹ).
    public static func suspected(_ texts: some Sequence<String>) -> Bool {
        var foreign = 0
        for t in texts {
            for u in t.unicodeScalars {
                let v = u.value
                if (0x1EA0...0x1EF9).contains(v) || [0x103, 0x102, 0x111, 0x110, 0x1A1, 0x1A0, 0x1B0, 0x1AF].contains(v) { return false }
                if (0xA0...0xFF).contains(v), !vietnameseLatin1.contains(v), v != 0xA0 { foreign += 1 }
            }
        }
        return foreign >= 3
    }

    /// The refusal's text.
    public static let advice = "the text is in a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not Unicode: convert the file to Unicode (Unikey's \"Công cụ chuyển mã\", or EVKey) and save it again"
}
