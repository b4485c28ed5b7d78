/// Typed values of a row, each checked, with a `source:line:column` error naming the column.
extension TableRow {
    public func count(_ c: Int, _ name: String) throws(SnapshotIssue) -> Int {
        guard let v = reader.integer(span(c)) else {
            let text = raw(c)
            if text.hasPrefix("-") { throw fail(c, "\(name) is negative (\(text))") }
            if text.contains(".") || text.contains(",") {
                throw fail(c, "\(name) must be a whole number without thousands separators (found \"\(text)\")")
            }
            throw fail(c, "\(name) is not a whole number (\"\(text)\")")
        }
        // Above this no count is real, and sums of many could overflow.
        if v > DossierAccumulator.maximumCount {
            throw fail(c, "\(name) (\(v)) is implausibly large (more than \(DossierAccumulator.maximumCount))")
        }
        return v
    }

    /// A date and the month it falls in, without converting the day number back.
    @inline(__always)
    public func dateAndMonth(_ c: Int, _ name: String, in window: DateWindow) throws(SnapshotIssue) -> (Day, Month) {
        let f = span(c)
        guard let d = reader.date(f) else { throw dateError(c, name) }
        let p = reader.base + f.start
        let year = (Int(p[0]) - 48) * 1000 + (Int(p[1]) - 48) * 100 + (Int(p[2]) - 48) * 10 + Int(p[3]) - 48
        let m = Month(year: year, month: (Int(p[5]) - 48) * 10 + Int(p[6]) - 48)
        guard window.contains(m) else { throw outside(c, name, d.description, window) }
        return (d, m)
    }

    @inline(__always)
    public func date(_ c: Int, _ name: String, in window: DateWindow) throws(SnapshotIssue) -> Day {
        guard let d = reader.date(span(c)) else { throw dateError(c, name) }
        guard window.contains(d) else { throw outside(c, name, d.description, window) }
        return d
    }

    public func optionalDate(_ c: Int, _ name: String, in window: DateWindow) throws(SnapshotIssue) -> Day? {
        if isEmpty(c) { return nil }
        return try date(c, name, in: window)
    }

    public func month(_ c: Int, in window: DateWindow) throws(SnapshotIssue) -> Month {
        guard let m = reader.month(span(c)) else { throw fail(c, "month \"\(raw(c))\" is not YYYY-MM") }
        guard window.contains(m) else { throw outside(c, "month", m.description, window) }
        return m
    }

    func outside(_ c: Int, _ name: String, _ value: String, _ window: DateWindow) -> SnapshotIssue {
        fail(c, "\(name) \(value) is outside the accepted months \(window) (a typo?)")
    }

    func dateError(_ c: Int, _ name: String) -> SnapshotIssue {
        let text = raw(c)
        if text.isEmpty { return fail(c, "\(name) is empty") }
        if text.contains("/") { return fail(c, "\(name) \"\(text)\" is not YYYY-MM-DD (dd/mm/yyyy is not accepted)") }
        if text.allSatisfy({ $0.isNumber }) { return fail(c, "\(name) \"\(text)\" is not YYYY-MM-DD (a spreadsheet serial number?)") }
        return fail(c, "\(name) \"\(text)\" is not a valid YYYY-MM-DD date")
    }
}
