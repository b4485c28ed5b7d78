/// The stated bounds of the workbook reader. A file beyond any of them is refused with an error
/// naming the bound, having read at most `maxPartBytes` of any one part: memory stays within a
/// small multiple of that, whatever the file declares (a zip bomb, a shared-strings table
/// declaring a billion strings, a million rows).
public struct WorkbookLimits: Sendable, Equatable {
    /// Uncompressed bytes read from one part of the package (a sheet, the shared strings, the
    /// styles) before it is refused: 64 MiB. A provincial report's sheet is well under 1 MiB.
    public var maxPartBytes: Int = 64 << 20
    /// Compressed file size: 32 MiB.
    public var maxFileBytes: Int = 32 << 20
    /// Strings in the shared-strings table (declared or found): 500.000.
    public var maxSharedStrings: Int = 500_000
    /// Rows of a sheet: 100.000 (124 communes and 13 departments a report; a dossier list is
    /// read from the one-stop system's CSV, not from a workbook).
    public var maxRows: Int = 100_000
    /// Columns of a sheet: 1.024 (a report has about 25).
    public var maxColumns: Int = 1_024
    /// Cells holding a value, over a sheet: 2.000.000.
    public var maxCells: Int = 2_000_000
    /// Sheets in a workbook: 255.
    public var maxSheets: Int = 255

    public init() {}
    public static let standard = WorkbookLimits()
}
