/// One period's rows of a snapshot CSV table (keyed by its first two columns: period, unit code)
/// replaced by new ones, every other row kept: what the table writers share.
enum TableRewrite {
    struct Result {
        var text: String
        var replaced: Int, added: Int, removed: Int
    }

    /// `existing` (nil: a new file) must have exactly `header`; `new` is unit code → whole line.
    static func replace(_ existing: String?, header: String, file: String, period: String,
                        with new: [String: String]) throws(ImportError) -> Result {
        var lines = (existing ?? header).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0].removeFirst() }
        guard lines.first == header else {
            throw ImportError(file: file, "its header is not \"\(header)\": it cannot be rewritten safely (nothing written)")
        }
        var kept: [String] = [], old: Set<String> = []
        for line in lines.dropFirst() {
            let cols = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            if cols.count >= 2, cols[0] == period { old.insert(String(cols[1])); continue }
            kept.append(line)
        }
        func key(_ line: String) -> (Substring, Substring) {
            let c = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            return (c[0], c.count > 1 ? c[1] : "")
        }
        let rows = (kept + new.values).sorted { key($0) < key($1) }
        let replaced = old.intersection(new.keys).count
        return Result(text: ([header] + rows).joined(separator: "\n") + "\n", replaced: replaced,
                      added: new.count - replaced, removed: old.subtracting(new.keys).count)
    }
}
