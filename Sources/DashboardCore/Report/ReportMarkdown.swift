/// The report in Markdown for the minutes: one table per panel, each with the code and unit,
/// and a panel wider than `width` cut into several tables as the text format cuts its columns,
/// so that every table pastes into a document or a chat without a scroll bar. Headings name
/// the panel (and the part: "Hồ sơ TTHC (1/2)") when there is more than one table.
extension Report {
    func markdown(width: Int) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        // A column's width on the page: its widest cell or the longest word of its title (a
        // pasted table wraps its headers, not its figures), two spaces between columns.
        let widths = columns.indices.map { c in
            let word = columns[c].title.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0
            return max(word, rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) + 2
        }
        let keys = [0, 1].filter { $0 < columns.count }
        let keyWidth = keys.reduce(0) { $0 + widths[$1] }
        var tables: [(title: String, columns: [Int])] = []
        for group in groups {
            var parts: [[Int]] = []
            var current: [Int] = []
            var used = keyWidth
            for c in group.columns {
                if used + widths[c] > width, !current.isEmpty {
                    parts.append(current)
                    current = []
                    used = keyWidth
                }
                current.append(c)
                used += widths[c]
            }
            if !current.isEmpty { parts.append(current) }
            for (k, part) in parts.enumerated() {
                tables.append((parts.count > 1 ? "\(group.title) (\(k + 1)/\(parts.count))" : group.title, part))
            }
        }
        var out = "## \(esc(title))\n\n" + notes.map { "- \(esc($0))" }.joined(separator: "\n") + "\n"
        for table in tables {
            let cs = keys + table.columns
            if tables.count > 1 { out += "\n### \(esc(table.title))\n" }
            out += "\n| " + cs.map { esc(columns[$0].title) }.joined(separator: " | ") + " |\n"
            out += "|" + cs.map { columns[$0].numeric ? " ---: |" : " --- |" }.joined() + "\n"
            for r in rows { out += "| " + cs.map { esc(r[$0]) }.joined(separator: " | ") + " |\n" }
        }
        out += "\n### \(Strings(language)[.definitions])\n\n" + footnotes.map { "- \(esc($0))" }.joined(separator: "\n") + "\n"
        return out
    }
}
