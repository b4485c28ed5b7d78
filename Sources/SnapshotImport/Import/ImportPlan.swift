import Foundation

/// What one file would bring into a snapshot, worked out without writing anything: the layout
/// and where it fits, the period, each unit row matched to a catalogue code, rows skipped (with
/// reasons), catalogue units the sheet lacks, and the total row checked against the sum.
/// `cdsboard import --dry-run` prints it; a plan with errors is refused whole.
public struct ImportPlan: Sendable {
    public struct UnitRow: Sendable, Equatable {
        public var code: String, catalogueName: String
        /// The name as the sheet wrote it, and where.
        public var written: String, place: String
        /// False when the sheet wrote the name otherwise than the catalogue (prefix, tone, case).
        public var exact: Bool
        public var figures: [String: Double]
    }

    public var file: String
    public var match: LayoutMatch
    public var period: ReportPeriod
    /// Where the period was read: "title (Thống kê!A3)", "file name", "--period".
    public var periodSource: String
    public var units: [UnitRow]
    public var skipped: [SheetReading.Skipped]
    /// Catalogue units with no row in the sheet: left absent, never 0.
    public var missing: [UnitMatcher.Entry]
    public var total: SheetReading.Row?
    public var warnings: [String]

    /// The refusal of a file: every error found, each at its place.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var errors: [ImportError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// The sheets of `url`: a .csv file is one sheet, anything else is read as a workbook.
    public static func sheets(of url: URL, file: String, limits: WorkbookLimits = .standard) throws(ImportError) -> [Sheet] {
        if url.pathExtension.lowercased() == "csv" || url.pathExtension.lowercased() == "txt" {
            return [try DelimitedSheet.read(url, file: file, limits: limits)]
        }
        return try Workbook.read(url, file: file, limits: limits).sheets
    }

    /// Plans the import of `url` against `catalogue` (one list for every kind of layout).
    public static func make(_ url: URL, catalogue: [UnitMatcher.Entry], layouts: LayoutCatalog, sheet: String? = nil,
                            period option: ReportPeriod? = nil) throws(Refusal) -> ImportPlan {
        try make(url, catalogueFor: { _ in catalogue }, layouts: layouts, sheet: sheet, period: option)
    }

    /// Plans the import of `url` against the snapshot's units for the layout found: communes for
    /// dossier totals, (former) districts for tourism.
    public static func make(_ url: URL, catalogueFor: (Layout.Carries) -> [UnitMatcher.Entry], layouts: LayoutCatalog, sheet: String? = nil,
                            period option: ReportPeriod? = nil) throws(Refusal) -> ImportPlan {
        let file = url.lastPathComponent
        func refuse(_ e: ImportError) -> Refusal { Refusal(errors: [e]) }
        var sheets: [Sheet]
        do { sheets = try Self.sheets(of: url, file: file) } catch { throw refuse(error) }
        if let sheet {
            guard let s = sheets.first(where: { $0.name == sheet }) ?? sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                throw refuse(ImportError(file: file, "has no sheet \"\(sheet)\" (its sheets: \(sheets.map(\.name).joined(separator: ", ")))"))
            }
            sheets = [s]
        }
        let match: LayoutMatch
        switch layouts.detect(in: sheets) {
        case .success(let m): match = m
        case .failure(let misses):
            if LegacyFont.suspected(sheets.flatMap { $0.cells.values.compactMap { if case .text(let t) = $0 { return t } else { return nil } } }) {
                throw refuse(ImportError(file: file, LegacyFont.advice))
            }
            throw Refusal(errors: [ImportError(file: file, "no layout fits (\(layouts.layouts.map(\.id).joined(separator: ", "))); give one with --layout FILE")]
                          + misses.all.map { ImportError(file: file, place: $0.sheet, "layout \($0.layout): \($0.reason)") })
        }
        let sheetData = sheets.first { $0.name == match.sheetName }!
        let reading: SheetReading
        do { reading = try SheetReading.read(sheetData, match, file: file) } catch { throw refuse(error) }

        // The period: title, file name and option must agree.
        var found: [(ReportPeriod, String)] = []
        title: for r in 1..<max(1, match.headerRows.lowerBound) {
            for c in 1...max(1, sheetData.columnCount) {
                if let t = sheetData[r, c]?.text, let p = ReportPeriod.fromTitle(t) {
                    found.append((p, "title (\(sheetData.place(CellRef(row: r, column: c))))")); break title
                }
            }
        }
        if let p = ReportPeriod.fromFileName(file) { found.append((p, "file name")) }
        if let option { found.append((option, "--period")) }
        guard let (period, periodSource) = found.first else {
            throw refuse(ImportError(file: file, "states no period (no \"Từ ngày … đến ngày …\", \"Tháng MM/YYYY\" or \"Quý …/YYYY\" above the header, none in the file name): give --period YYYY-MM"))
        }
        if let other = found.first(where: { $0.0 != period }) {
            throw refuse(ImportError(file: file, "the \(periodSource) says \(period), the \(other.1) says \(other.0): which is it?"))
        }

        // Units.
        let catalogue = catalogueFor(match.layout.carries)
        let matcher = UnitMatcher(units: catalogue)
        var errors: [ImportError] = [], units: [UnitRow] = [], skipped = reading.skipped
        var seen: [String: String] = [:]
        for row in reading.units {
            let place = sheetData.place(row.nameCell)
            switch matcher.match(name: row.name, code: row.code) {
            case .matched(let e, let exact):
                if let first = seen[e.code] {
                    errors.append(ImportError(file: file, place: place, "\"\(row.name)\" is \(e.name) again (first at \(first))"))
                    continue
                }
                seen[e.code] = place
                units.append(UnitRow(code: e.code, catalogueName: e.name, written: row.name, place: place, exact: exact, figures: row.figures))
            case .agency where !match.layout.carries.communes:
                errors.append(ImportError(file: file, place: place, "no unit named \"\(row.name)\"; nearest: \(matcher.nearest(row.name).map(\.name).joined(separator: ", "))"))
            case .unknown(let nearest):
                errors.append(ImportError(file: file, place: place, "no unit named \"\(row.name)\"; nearest: \(nearest.map(\.name).joined(separator: ", "))"))
            case .ambiguous(let candidates):
                errors.append(ImportError(file: file, place: place, "\"\(row.name)\" could be \(candidates.map { "\($0.name) (\($0.code))" }.joined(separator: " or ")): write the unit's kind or add a code column"))
            case .agency:
                skipped.append(SheetReading.Skipped(row: row.row, text: row.name, reason: "agency (no agency catalogue yet)"))
            }
        }
        if !errors.isEmpty { throw Refusal(errors: errors) }
        if units.isEmpty { throw refuse(ImportError(file: file, place: match.sheetName, "no row names a unit of the snapshot")) }
        let missing = catalogue.filter { seen[$0.code] == nil }

        // The total row against the sum of every row with figures (units and agencies).
        var warnings: [String] = []
        for row in reading.units {
            warnings += RowIdentities.broken(row.figures, place: "\(file): \(sheetData.place(CellRef(row: row.row, column: match.unitColumn)))")
        }
        if let total = reading.total {
            let all = reading.units
            for (field, column, _) in match.columns where !SheetReading.percentFields.contains(field) {
                guard let t = total.figures[field] else { continue }
                let sum = all.reduce(0) { $0 + ($1.figures[field] ?? 0) }
                if sum != t {
                    warnings.append("\(file): \(sheetData.place(CellRef(row: total.row, column: column))): the total row says \(Int(t)) \(field), the rows above sum to \(Int(sum))")
                }
            }
        }
        return ImportPlan(file: file, match: match, period: period, periodSource: periodSource, units: units,
                          skipped: skipped.sorted { $0.row < $1.row }, missing: missing, total: reading.total, warnings: warnings)
    }
}
