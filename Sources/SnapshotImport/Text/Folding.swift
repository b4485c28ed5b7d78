import Foundation

/// How texts of a sheet are compared with a layout's and a catalogue's.
public enum Folding {
    /// A header as compared: case, diacritics (đ → d), spaces and line breaks folded
    /// (`Tạm dừng bổ sung\nđiều kiện` → `tam dung bo sung dieu kien`).
    public static func header(_ text: String) -> String {
        let folded = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        return collapse(folded)
    }

    /// Runs of white space (spaces, no-break spaces, tabs, line breaks) as one space, trimmed.
    public static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).joined(separator: " ")
    }

    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// A name as compared: NFC or NFD alike, lower case, spaces collapsed, and each word's tone
    /// mark moved to the word's end, so the two placements official lists use (Hoá/Hóa,
    /// Thuỷ/Thủy) compare equal while names differing by their tone still differ.
    public static func name(_ text: String) -> String {
        var out = ""
        for word in collapse(text).lowercased().decomposedStringWithCanonicalMapping.split(separator: " ") {
            var letters = String.UnicodeScalarView(), tones = String.UnicodeScalarView()
            for u in word.unicodeScalars {
                if toneMarks.contains(u.value) { tones.append(u) } else { letters.append(u) }
            }
            if !out.isEmpty { out += " " }
            out += String(letters) + String(tones)
        }
        return out
    }
}
