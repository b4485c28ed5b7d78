/// Figures several rows high, for a wall screen read from across the room.
///
/// A font of 10 pixel rows drawn with half blocks (▀ ▄ █), five rows of cells: rounded digits
/// four cells wide, a `%` that reads as one, and the separators narrow (`143.218`, `87,3%`). In
/// ASCII every filled half is `#`.
public enum BigDigits {
    public static let height = 5

    static let font: [Character: [String]] = [
        "0": [".##.", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", ".##."],
        "1": [".##.", "###.", ".##.", ".##.", ".##.", ".##.", ".##.", ".##.", ".##.", "####"],
        "2": [".##.", "#..#", "...#", "...#", "..#.", ".#..", "#...", "#...", "#...", "####"],
        "3": ["###.", "...#", "...#", "...#", ".##.", "...#", "...#", "...#", "...#", "###."],
        "4": ["#..#", "#..#", "#..#", "#..#", "####", "...#", "...#", "...#", "...#", "...#"],
        "5": ["####", "#...", "#...", "#...", "###.", "...#", "...#", "...#", "...#", "###."],
        "6": [".##.", "#...", "#...", "#...", "###.", "#..#", "#..#", "#..#", "#..#", ".##."],
        "7": ["####", "...#", "...#", "..#.", "..#.", ".#..", ".#..", ".#..", ".#..", ".#.."],
        "8": [".##.", "#..#", "#..#", "#..#", ".##.", "#..#", "#..#", "#..#", "#..#", ".##."],
        "9": [".##.", "#..#", "#..#", "#..#", ".###", "...#", "...#", "...#", "...#", ".##."],
        "%": ["##.#", "##.#", "...#", "..#.", "..#.", ".#..", ".#..", "#...", "#.##", "#.##"],
        ".": ["..", "..", "..", "..", "..", "..", "..", "..", "##", "##"],
        ",": ["..", "..", "..", "..", "..", "..", "..", "##", "##", "#."],
        "-": ["....", "....", "....", "....", "####", "....", "....", "....", "....", "...."],
        " ": ["..", "..", "..", "..", "..", "..", "..", "..", "..", ".."],
        "—": ["....", "....", "....", "....", "####", "....", "....", "....", "....", "...."],
    ]

    /// Columns needed for `text` (one blank column between characters).
    public static func width(of text: String) -> Int {
        let widths = text.compactMap { font[$0]?[0].count }
        return widths.isEmpty ? 0 : widths.reduce(0, +) + widths.count - 1
    }

    /// Draws `text` with its top-left corner at x, y; characters without a glyph are skipped.
    public static func draw(_ text: String, x: Int, y: Int, role: Role, into c: inout Canvas) {
        let (full, top, bottom): (Character, Character, Character) = c.ascii ? ("#", "#", "#") : ("█", "▀", "▄")
        var col = x
        for ch in text {
            guard let rows = font[ch] else { continue }
            let w = rows[0].count
            for cell in 0..<height {
                let upper = Array(rows[cell * 2]), lower = Array(rows[cell * 2 + 1])
                for k in 0..<w {
                    switch (upper[k] == "#", lower[k] == "#") {
                    case (true, true): c.put(full, width: 1, x: col + k, y: y + cell, role: role)
                    case (true, false): c.put(top, width: 1, x: col + k, y: y + cell, role: role)
                    case (false, true): c.put(bottom, width: 1, x: col + k, y: y + cell, role: role)
                    case (false, false): break
                    }
                }
            }
            col += w + 1
        }
    }
}
