/// Where a row counts, from its codes as decoded and its date, for every catalogue: three
/// tiers, two tiers, and a dated change (a row dated before it names its old units and counts
/// under the largest link of its old commune). The one decision both dossier paths take: the
/// row reader (`DossierParsers.place`) turns a fault into its message at the row's column; the
/// fused scanner, which never reports, leaves a row with any fault to the row reader.
enum DatedPlacement {
    /// A code column as decoded: empty, all digits of the code's length (3 for a district, 5
    /// for a commune) as a number, or anything else.
    enum Code: Equatable {
        case empty, number(Int), other
    }

    enum Fault: Error, Equatable {
        /// Three tiers: `CurrentPlacement`'s.
        case current(CurrentPlacement.Fault)
        /// Two tiers: a district code that is not a grouping (former district) of units.json.
        case unknownGrouping
        case communeRequired
        /// Two tiers, from the change: a commune code not in units.json.
        case unknownCommune
        /// Before the change: not a district of units_before.json (or empty).
        case unknownOldDistrict
        /// Before the change: not a commune of units_before.json.
        case unknownOldCommune
        case oldCommuneNotInDistrict
        /// Before the change: an old commune no commune of units.json lists as predecessor.
        case unmappedOldCommune
    }

    struct Placed {
        /// The current tree's district (or grouping) of `unit`, 0 when none.
        var district: Int
        /// The unit the row counts under.
        var unit: Int
        /// A row before the change: its old unit (the commune, else the district).
        var old: UnitChange.Ref? = nil
    }

    @inline(__always)
    static func place(district: Code, commune: Code, on day: Day, _ units: UnitTree,
                      communeRequired: Bool = false) -> Result<Placed, Fault> {
        if let change = units.change, day < change.date {
            return placeOld(district: district, commune: commune, units, change, communeRequired: communeRequired)
        }
        guard units.twoTier else {
            guard case .number(let d) = district else { return .failure(.current(.unknownDistrict)) }
            var c: Int? = nil
            switch commune {
            case .empty: break
            case .number(let n): c = n
            case .other: c = -1
            }
            switch CurrentPlacement.place(district: d, commune: c, units) {
            case .success(let p):
                if communeRequired, commune == .empty { return .failure(.communeRequired) }
                return .success(Placed(district: p.district, unit: p.unit))
            case .failure(let f): return .failure(.current(f))
            }
        }
        var d = 0
        switch district {
        case .empty: break
        case .number(let n):
            guard let g = units.district(numericCode: n) else { return .failure(.unknownGrouping) }
            d = g
        case .other: return .failure(.unknownGrouping)
        }
        switch commune {
        case .empty:
            return communeRequired ? .failure(.communeRequired) : .success(Placed(district: d, unit: d))
        case .number(let n):
            guard let c = units.commune(numericCode: n) else { return .failure(.unknownCommune) }
            return .success(Placed(district: units.parent(of: c) ?? 0, unit: c))
        case .other:
            return .failure(.unknownCommune)
        }
    }

    @inline(__always)
    static func placeOld(district: Code, commune: Code, _ units: UnitTree, _ change: UnitChange,
                         communeRequired: Bool) -> Result<Placed, Fault> {
        guard case .number(let code) = district, let d = change.oldDistrictRef(code) else { return .failure(.unknownOldDistrict) }
        func placed(_ main: Int, _ old: UnitChange.Ref) -> Placed {
            Placed(district: main == 0 ? 0 : units.parent(of: main) ?? 0, unit: main, old: old)
        }
        switch commune {
        case .empty:
            if communeRequired { return .failure(.communeRequired) }
            return .success(placed(units.district(numericCode: code) ?? 0, d))
        case .number(let n):
            guard let k = change.oldCommuneSlotOf(n) else { return .failure(.unknownOldCommune) }
            guard change.oldCommuneParent[k] == d else { return .failure(.oldCommuneNotInDistrict) }
            let main = change.oldCommuneMain[k]
            guard main >= 0 else { return .failure(.unmappedOldCommune) }
            return .success(placed(Int(main), change.oldCommuneRefs[k]))
        case .other:
            return .failure(.unknownOldCommune)
        }
    }
}
