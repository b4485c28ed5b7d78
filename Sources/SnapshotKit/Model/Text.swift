import Foundation

extension String {
    /// NFC: Vietnamese text may arrive decomposed (NFD); it is compared and measured in NFC.
    /// Text made only of code points below U+0300 and of the precomposed Latin letters
    /// U+1E00–U+1EFF (which is what NFC Vietnamese is) is returned as it is: every such code
    /// point is NFC "quick check = yes", and asking Foundation cost a fifth of a snapshot load.
    public var precomposedForm: String {
        for u in unicodeScalars where u.value >= 0x300 && !(0x1E00...0x1EFF).contains(u.value) {
            return precomposedStringWithCanonicalMapping
        }
        return self
    }

    /// Lower-case ASCII skeleton for search: `Đạo Đức` → `dao duc`.
    public var searchKey: String {
        let folded = self.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return folded.lowercased()
    }

    /// ASCII transliteration for terminals without UTF-8: `Hà Giang` → `Ha Giang`.
    public var asciiFolded: String {
        let folded = self.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            out += String.asciiPunctuation[scalar] ?? "?"
        }
        return out
    }

    static let asciiPunctuation: [Unicode.Scalar: String] = [
        "·": "-", "›": ">", "‹": "<", "…": "...", "—": "-", "–": "-", "★": "*", "×": "x", "←": "<", "→": ">",
        "↑": "^", "↓": "v", "▲": "^", "▼": "v", "●": "o", "✖": "X", "◀": "<", "▶": ">", "“": "\"", "”": "\"",
        "‘": "'", "’": "'", "\u{00A0}": " ",
    ]
}
