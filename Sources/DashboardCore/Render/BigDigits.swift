/// Figures several rows high, for a wall screen read from across the room.
///
/// A 5-row font of block characters (or `#` in ASCII) for digits, `.`, `,`, `%`, `-`.
public enum BigDigits {
    public static let height = 5

    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        ".": ["   ", "   ", "   ", "   ", " # "], ",": ["   ", "   ", "   ", " # ", "#  "],
        "%": ["# #", "  #", " # ", "#  ", "# #"], "-": ["   ", "   ", "###", "   ", "   "],
        " ": ["   ", "   ", "   ", "   ", "   "],
    ]

    /// Columns needed for `text`.
    public static func width(of text: String) -> Int { text.filter { font[$0] != nil }.count * 4 - 1 }

    /// Draws `text` with its top-left corner at x, y; characters without a glyph are skipped.
    public static func draw(_ text: String, x: Int, y: Int, role: Role, into c: inout Canvas) {
        let block: Character = c.ascii ? "#" : "█"
        var col = x
        for ch in text {
            guard let rows = font[ch] else { continue }
            for (r, line) in rows.enumerated() {
                for (k, px) in line.enumerated() where px == "#" {
                    c.put(block, width: 1, x: col + k, y: y + r, role: role)
                }
            }
            col += 4
        }
    }
}
