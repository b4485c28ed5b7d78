/// What a `dossier_id` is: bytes, compared as they are (hashed, then compared byte for byte),
/// and so printable ASCII only. A non-ASCII ID is refused at its `file:line:column`: "HG-Đ1" in
/// NFC and in NFD would otherwise be two dossiers that look the same on every screen and report.
/// Real IDs (the one-stop systems' `000.00.14.H20-240105-0001`) are ASCII. A control character
/// (U+0000–U+001F, U+007F) is refused too: a NUL or an escape would reach the screen.
extension DossierParsers {
    /// Why the `n` bytes at `p` are not a dossier ID, if they are not: the one check both the
    /// row-by-row and the fused path make.
    enum IDFault: Equatable {
        case empty
        case control(UInt8)
        case notASCII
    }

    @inline(__always)
    static func idFault(_ p: UnsafePointer<UInt8>, _ n: Int) -> IDFault? {
        if n == 0 { return .empty }
        if let b = ControlBytes.first(p, n) { return .control(b) }
        var any: UInt8 = 0
        for k in 0..<n { any |= p[k] }
        return any < 0x80 ? nil : .notASCII
    }

    /// Refuses a `dossier_id` (column 0 of the row) that is empty, holds a control character
    /// or is not ASCII.
    @inline(__always)
    static func checkID(_ row: TableRow) throws(SnapshotIssue) {
        let f = row.span(0)
        switch idFault(row.reader.base + f.start, f.end - f.start) {
        case nil: return
        case .empty: throw row.fail(0, "dossier_id is empty")
        case .control(let b): throw row.fail(0, "dossier_id holds the control character \(ControlBytes.name(b))")
        case .notASCII:
            throw row.fail(0, "dossier_id \"\(row.raw(0))\" is not ASCII (an ID is compared byte for byte: "
                           + "letters without diacritics, digits, punctuation)")
        }
    }
}
