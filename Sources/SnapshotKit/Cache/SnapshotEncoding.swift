import Foundation

// What a cache entry holds of a snapshot: every stored property of every type, in declaration
// order. Figures made from others (BTS totals, lookup tables by code) are made again on
// reading, which costs less than reading them; a cube's cells are mapped, never copied.

private func malformed(_ what: String) -> CacheReader.Malformed { CacheReader.Malformed(description: what) }

/// The product of sizes read from a file, nil when it overflows.
private func product(_ factors: Int...) -> Int? {
    var p = 1
    for f in factors {
        let (q, overflow) = p.multipliedReportingOverflow(by: f)
        if overflow { return nil }
        p = q
    }
    return p
}

extension Day: CacheCodable {
    /// Years 0000…9999: what the parsers accept, and where calendar arithmetic cannot overflow.
    static let cacheRange = -719_528...2_932_896
    func write(to w: inout CacheWriter) { w.put(number) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let n: Int = try r.get()
        guard Day.cacheRange.contains(n) else { throw malformed("day \(n) outside years 0…9999") }
        self.init(number: n)
    }
}

extension Month: CacheCodable {
    /// Years 0000…9999, so that a month plus a cube's month count cannot overflow.
    static let cacheRange = 0...(10_000 * 12 - 1)
    func write(to w: inout CacheWriter) { w.put(index) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let i: Int = try r.get()
        guard Month.cacheRange.contains(i) else { throw malformed("month \(i) outside years 0…9999") }
        self.init(index: i)
    }
}

extension Period: CacheCodable {
    func write(to w: inout CacheWriter) {
        switch self {
        case .month(let m): w.put(UInt8(0)); w.put(m)
        case .quarter(let y, let q): w.put(UInt8(1)); w.put(y); w.put(q)
        case .year(let y): w.put(UInt8(2)); w.put(y)
        }
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        switch try r.get(UInt8.self) {
        case 0: self = .month(try r.get())
        case 1: self = .quarter(year: try r.get(), quarter: try r.get())
        case 2: self = .year(try r.get())
        default: throw malformed("bad period")
        }
    }
}

/// Enums stored by their raw value.
private protocol RawCacheCodable: CacheCodable, RawRepresentable where RawValue: CacheCodable {}
extension RawCacheCodable {
    func write(to w: inout CacheWriter) { w.put(rawValue) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        guard let v = Self(rawValue: try r.get()) else { throw malformed("bad \(Self.self)") }
        self = v
    }
}
extension AdminUnit.Level: RawCacheCodable {}
extension BTSSite.Status: RawCacheCodable {}
extension Snapshot.DossierForm: RawCacheCodable {}
extension SnapshotIssue.Severity: RawCacheCodable {}
extension SnapshotIssue.Kind: RawCacheCodable {}
extension DossierMeasures: RawCacheCodable {}

extension ManifestFile: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(name); w.put(bytes); w.put(sha256) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(name: try r.get(), bytes: try r.get(), sha256: try r.get())
    }
}

extension Manifest: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(provinceCode); w.put(generatedAtText); w.put(generatedAt.timeIntervalSinceReferenceDate)
        w.put(utcOffsetSeconds); w.put(periodEnd); w.put(sources); w.put(files)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(provinceCode: try r.get(), generatedAtText: try r.get(),
                  generatedAt: Date(timeIntervalSinceReferenceDate: try r.get()), utcOffsetSeconds: try r.get(),
                  periodEnd: try r.get(), sources: try r.get(), files: try r.get())
    }
}

extension Target: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(indicator); w.put(target); w.put(atRisk); w.put(better == .lower) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(indicator: try r.get(), target: try r.get(), atRisk: try r.get(), better: try r.get(Bool.self) ? .lower : .higher)
    }
}

extension Targets: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(targets) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init()
        targets = try r.get()
    }
}

extension AdminUnit: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(index); w.put(code); w.put(name); w.put(shortName); w.put(kind); w.put(level); w.put(parent)
        w.put(children); w.put(population); w.put(sortKey); w.put(searchKey); w.put(isGrouping); w.put(straddles)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(index: try r.get(), code: try r.get(), name: try r.get(), shortName: try r.get(), kind: try r.get(),
                  level: try r.get(), parent: try r.get(), children: try r.get(), population: try r.get())
        sortKey = try r.get(); searchKey = try r.get(); isGrouping = try r.get(); straddles = try r.get()
    }
}

extension GeoBounds: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(south); w.put(north); w.put(west); w.put(east); w.put(name) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(south: try r.get(), north: try r.get(), west: try r.get(), east: try r.get(), name: try r.get())
    }
}

extension UnitChange.Link: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(unit); w.put(share) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self.init(unit: try r.get(), share: try r.get()) }
}

extension UnitChange: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(date); w.put(before); w.put(links) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(date: try r.get(), before: try r.get(), links: try r.get())
    }
}

extension UnitTree: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(units); w.put(districtIndexes); w.put(communeIndexes); w.put(bounds); w.put(change); w.put(twoTier)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let units: [AdminUnit] = try r.get()
        let districts: [Int] = try r.get(), communes: [Int] = try r.get()
        // Indexes are used unchecked when drawing: a tree must hold together. A parent comes
        // before its children (as `UnitTree` makes them) and lists them, so no walk up or down
        // the tree can go round in a circle.
        let n = units.count
        guard n > 0, units.indices.allSatisfy({ i in
            units[i].index == i && units[i].children.allSatisfy { (i + 1..<n).contains($0) && units[$0].parent == i }
                && (i == 0 ? units[i].parent == nil : units[i].parent.map { (0..<i).contains($0) } == true)
        }), (districts + communes).allSatisfy({ (1..<n).contains($0) }) else { throw malformed("bad unit tree") }
        self.init(restoring: units, districtIndexes: districts, communeIndexes: communes)
        bounds = try r.get(); change = try r.get(); twoTier = try r.get()
    }
}

extension DossierCube: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(firstMonth); w.put(monthCount); w.put(unitCount); w.put(fields); w.put(measures); w.put(supplementMonth)
        w.put(slot); w.put(cells: totals); w.put(cells: byField); w.put(cells: byLevel)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let first: Month = try r.get(), months: Int = try r.get(), units: Int = try r.get(), fields: [String] = try r.get()
        let measures: DossierMeasures = try r.get(), supplement: Month? = try r.get(), slot: [Int32] = try r.get()
        let totals = try r.cells(), byField = try r.cells(), byLevel = try r.cells()
        // The sizes the cube's reads rely on.
        let used = slot.filter { $0 >= 0 }.count
        // Compared as Int: `Int32(used)` would trap for 2³¹ slots (what an 8 GiB entry could hold).
        guard months >= 0, units >= 0, slot.count == months, slot.allSatisfy({ $0 >= -1 && Int($0) < used }),
              Month.cacheRange.contains(first.index + months), totals.count == product(used, units),
              byField.count == product(used, units, fields.count),
              byLevel.count == product(used, units, DossierLevel.allCases.count) else { throw malformed("bad cube sizes") }
        self.init(firstMonth: first, monthCount: months, unitCount: units, fields: fields, measures: measures,
                  supplementMonth: supplement, slot: slot, totals: totals, byField: byField, byLevel: byLevel)
    }
}

extension TourismTally: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(domestic); w.put(international); w.put(revenueMillionVND) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init()
        domestic = try r.get(); international = try r.get(); revenueMillionVND = try r.get()
    }
}

/// A month × unit cube of tallies (tourism, society): its span and its cells, the one read back
/// only when the cells fill the span.
private protocol MonthUnitCube: CacheCodable {
    associatedtype Tally: CacheCodable
    var firstMonth: Month { get }
    var monthCount: Int { get }
    var unitCount: Int { get }
    var cells: [Tally] { get }
    init(firstMonth: Month, monthCount: Int, unitCount: Int, cells: [Tally])
}

extension MonthUnitCube {
    func write(to w: inout CacheWriter) { w.put(firstMonth); w.put(monthCount); w.put(unitCount); w.put(cells) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let first: Month = try r.get(), months: Int = try r.get(), units: Int = try r.get()
        let cells: [Tally] = try r.get()
        guard months >= 0, units >= 0, cells.count == product(months, units), Month.cacheRange.contains(first.index + months)
        else { throw malformed("bad \(Self.self) sizes") }
        self.init(firstMonth: first, monthCount: months, unitCount: units, cells: cells)
    }
}

extension TourismCube: MonthUnitCube {}
extension SocietyCube: MonthUnitCube {}

extension SocietyTally: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(values.count)
        for k in values.indices { w.put(values[k]) }
        w.put(known)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init()
        guard try r.get(Int.self) == values.count else { throw malformed("bad society tally") }
        for k in values.indices { values[k] = try r.get() }
        known = try r.get()
    }
}

extension Official766: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(groups); w.put(total); w.put(rank); w.put(ranked) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(groups: try r.get(), total: try r.get(), rank: try r.get(), ranked: try r.get())
    }
}

extension BTSSite: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(id); w.put(`operator`); w.put(district); w.put(commune); w.put(latitude); w.put(longitude)
        w.put(techMask); w.put(status); w.put(commissioned)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(id: try r.get(), operator: try r.get(), district: try r.get(), commune: try r.get(),
                  latitude: try r.get(), longitude: try r.get(), techMask: try r.get(), status: try r.get(),
                  commissioned: try r.get())
    }
}

extension Village: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(code); w.put(name); w.put(district); w.put(commune); w.put(households); w.put(poorHouseholds)
        w.put(mobile); w.put(broadband)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(code: try r.get(), name: try r.get(), district: try r.get(), commune: try r.get(),
                  households: try r.get(), poorHouseholds: try r.get(), mobile: try r.get(), broadband: try r.get())
    }
}

extension OCOPProduct: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(id); w.put(name); w.put(producer); w.put(district); w.put(category); w.put(stars); w.put(platforms)
        w.put(listed)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(id: try r.get(), name: try r.get(), producer: try r.get(), district: try r.get(),
                  category: try r.get(), stars: try r.get(), platforms: try r.get(), listed: try r.get())
    }
}

extension SnapshotIssue: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(file); w.put(line); w.put(column); w.put(message); w.put(severity); w.put(kind) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(file: try r.get(), line: try r.get(), column: try r.get(), message: try r.get(), severity: try r.get(),
                  kind: try r.get())
    }
}

extension SnapshotFailure: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(errors); w.put(warnings); w.put(suppressed) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(errors: try r.get(), warnings: try r.get(), suppressed: try r.get())
    }
}

extension HistoricalProvince: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(units); w.put(dossiers) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let units: UnitTree = try r.get(), dossiers: DossierCube = try r.get()
        guard dossiers.unitCount == units.units.count || dossiers.unitCount == 0 else { throw malformed("cube and tree differ") }
        self.init(units: units, dossiers: dossiers)
    }
}

extension GeoPoint: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(lon); w.put(lat) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self.init(lon: try r.get(), lat: try r.get()) }
}

extension UnitShape: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(unit); w.put(rings); w.put(center); w.put(areaKm2) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(unit: try r.get(), rings: try r.get(), center: try r.get(), areaKm2: try r.get())
    }
}

extension Outline: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(name); w.put(rings) }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) { self.init(name: try r.get(), rings: try r.get()) }
}

extension Geometry: CacheCodable {
    func write(to w: inout CacheWriter) { w.put(shapes); w.put(outlines) }
    convenience init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(shapes: try r.get(), outlines: try r.get())
    }
}

extension Snapshot: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(manifest); w.put(units); w.put(targets); w.put(dossierForm); w.put(dossiers)
        datasets.write(to: &w); w.put(warnings)
        w.put(history); w.put(geometry)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let manifest: Manifest = try r.get(), units: UnitTree = try r.get(), targets: Targets = try r.get()
        let form: DossierForm = try r.get(), dossiers: DossierCube = try r.get()
        // Each kind checks its own values against the units as it reads them.
        let datasets = try DatasetStore(from: &r, units: units, registry: r.datasets)
        let warnings: [SnapshotIssue] = try r.get()
        let history: [HistoricalProvince] = try r.get(), geometry: Geometry? = try r.get()
        // What the builder checked of rows, checked again of what the file says: every index
        // the views follow must lie in the tree (an entry that passed its checksums but was
        // made by something else must not make a viewer read out of range).
        let n = units.units.count
        func inTree(_ i: Int?) -> Bool { i.map { $0 >= 0 && $0 < n } ?? true }
        guard dossiers.unitCount == n || dossiers.unitCount == 0,
              geometry?.shapes.allSatisfy({ inTree($0.unit) }) ?? true,
              history.allSatisfy({ $0.dossiers.unitCount == $0.units.units.count || $0.dossiers.unitCount == 0 }),
              units.change?.links.values.allSatisfy({ $0.allSatisfy { inTree($0.unit) } }) ?? true
        else { throw malformed("an index outside the unit tree") }
        self.init(manifest: manifest, units: units, targets: targets, dossierForm: form, dossiers: dossiers,
                  datasets: datasets, warnings: warnings, history: history, geometry: geometry)
    }
}

/// What a load gave: the snapshot, or why the export was refused.
enum LoadOutcome: CacheCodable {
    case loaded(Snapshot)
    case refused(SnapshotFailure)

    init(_ result: Result<Snapshot, SnapshotFailure>) {
        switch result {
        case .success(let s): self = .loaded(s)
        case .failure(let f): self = .refused(f)
        }
    }

    var result: Result<Snapshot, SnapshotFailure> {
        switch self {
        case .loaded(let s): return .success(s)
        case .refused(let f): return .failure(f)
        }
    }

    func write(to w: inout CacheWriter) {
        switch self {
        case .loaded(let s): w.put(UInt8(0)); w.put(s)
        case .refused(let f): w.put(UInt8(1)); w.put(f)
        }
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        switch try r.get(UInt8.self) {
        case 0: self = .loaded(try r.get())
        case 1: self = .refused(try r.get())
        default: throw malformed("bad outcome")
        }
    }
}
