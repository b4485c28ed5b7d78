extension Canvas {
    /// The screen as text: one quoted line per row (trailing spaces visible), continuation
    /// cells skipped; with `styles`, then one line per row listing where the role changes.
    public func textDump(styles: Bool = true) -> String {
        var out = ""
        for y in 0..<size.height {
            out += "\"" + line(y) + "\"\n"
        }
        guard styles else { return out }
        out += "--- styles (column role)\n"
        for y in 0..<size.height {
            var runs: [String] = []
            var last: Role?
            for x in 0..<size.width {
                let c = self[x, y]
                if c.isContinuation { continue }
                if c.role != last { runs.append("\(x) \(c.role.rawValue)"); last = c.role }
            }
            out += "\(y): " + runs.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// Row `y` as plain text.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width {
            let c = self[x, y]
            if c.isContinuation { continue }
            s.append(symbol(of: c))
        }
        return s
    }

    /// The whole screen as plain lines, trailing spaces removed.
    public var plainText: String {
        (0..<size.height).map { String(line($0).reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
