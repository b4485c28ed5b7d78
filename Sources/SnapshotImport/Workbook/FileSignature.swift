import Foundation

/// What a file is by its first bytes, before any parsing: an .xlsx is a ZIP archive; an Excel
/// 97–2003 workbook (.xls, BIFF) and a password-protected .xlsx are both OLE2 compound files,
/// told apart by the `EncryptionInfo` stream an encrypted one holds.
enum FileSignature: Equatable {
    case zip, legacyExcel, encryptedWorkbook, text, other

    static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Looks at the head of the file (and, for an OLE2 file, at most its first 8 MiB for the
    /// stream names).
    static func of(_ url: URL) -> FileSignature {
        guard let h = FileHandle(forReadingAtPath: url.path) else { return .other }
        defer { try? h.close() }
        let head = [UInt8]((try? h.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head == ole2 {
            let rest = (try? h.read(upToCount: 8 << 20)) ?? Data()
            let name = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return rest.range(of: name) != nil ? .encryptedWorkbook : .legacyExcel
        }
        return .other
    }

    /// The refusal for a file that is not an .xlsx, saying what to do.
    static func refusal(_ s: FileSignature, file: String) -> ImportError? {
        switch s {
        case .legacyExcel:
            return ImportError(file: file, "an Excel 97–2003 workbook (.xls, BIFF), which is not read: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)")
        case .encryptedWorkbook:
            return ImportError(file: file, "a password-protected workbook, which cannot be read: open it with its password and save a copy without one (File › Info › Protect Workbook › Encrypt with Password, empty)")
        case .zip, .text: return nil
        case .other:
            return ImportError(file: file, "not an .xlsx workbook (it does not start as a ZIP archive): save it from Excel or LibreOffice as .xlsx, or export it as .csv")
        }
    }
}
