/// What a `dossier_id` is: bytes, compared as they are (hashed, then compared byte for byte),
/// and so ASCII only. A non-ASCII ID is refused at its `file:line:column`: "HG-Đ1" in NFC and in
/// NFD would otherwise be two dossiers that look the same on every screen and report. Real IDs
/// (the one-stop systems' `000.00.14.H20-240105-0001`) are ASCII.
extension DossierParsers {
    /// Whether the `n` bytes at `p` are all ASCII.
    @inline(__always)
    static func isASCII(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var any: UInt8 = 0
        for k in 0..<n { any |= p[k] }
        return any < 0x80
    }

    /// Refuses a non-ASCII `dossier_id` (column 0 of the row).
    @inline(__always)
    static func checkID(_ row: TableRow) throws(SnapshotIssue) {
        let f = row.span(0)
        guard isASCII(row.reader.base + f.start, f.end - f.start) else {
            throw row.fail(0, "dossier_id \"\(row.raw(0))\" is not ASCII (an ID is compared byte for byte: "
                           + "letters without diacritics, digits, punctuation)")
        }
    }
}
