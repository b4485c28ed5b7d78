import Foundation

extension String {
    /// NFC: Vietnamese text may arrive decomposed (NFD); it is compared and measured in NFC.
    public var precomposedForm: String { precomposedStringWithCanonicalMapping }

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
