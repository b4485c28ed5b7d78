/// Text columns (names, IDs, producers, categories): trimmed, in NFC, and of bounded length, so
/// that a column shifted into a name, or a runaway quote, is refused at its `source:line:column`
/// instead of reaching a screen, a report or the memory of every viewer.
extension TableRow {
    /// The most characters a text field may hold: ten times the longest real name (an OCOP
    /// product or a cooperative's full name runs to about 50).
    public static let maximumTextLength = 500

    /// The field's text, trimmed of spaces and tabs, in NFC; an error when it is longer than
    /// `maximumTextLength` characters (its bytes are measured first: nothing long is decoded).
    public func text(_ c: Int, _ name: String) throws(SnapshotIssue) -> String {
        let f = span(c)
        // A letter takes at most 5 bytes, even decomposed (NFD "ệ": e, U+0323, U+0302).
        if f.end - f.start > 5 * Self.maximumTextLength { throw tooLong(c, name, bytes: f.end - f.start) }
        let s = try string(c).trimmingASCIIWhitespace().precomposedForm
        if s.unicodeScalars.count > Self.maximumTextLength { throw tooLong(c, name, characters: s.unicodeScalars.count) }
        return s
    }

    private func tooLong(_ c: Int, _ name: String, bytes: Int? = nil, characters: Int? = nil) -> SnapshotIssue {
        let size = characters.map { "\($0) characters" } ?? "\(bytes ?? 0) bytes"
        return fail(c, "\(name) is too long (\(size); at most \(Self.maximumTextLength) characters): a shifted column or an unclosed quote?")
    }
}
