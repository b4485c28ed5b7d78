import Foundation
import SnapshotKit

/// Synthetic dossiers: statistics calibrated to the article, or raw rows of any size.
struct DossierGenerator {
    struct Cell {
        var district: Int
        var unit: Int
        var level: DossierLevel
        var field: String
        var weight: Double
        var onlineFactor: Double
        var onTime: Double
    }

    let units: UnitTree
    let seed: UInt64
    let cells: [Cell]
    let periodEnd = Day(iso: SampleProfile.periodEnd)!

    init(units: UnitTree, seed: UInt64) {
        self.units = units
        self.seed = seed
        var rng = SeededRandom(seed: seed ^ 0xD055_1E85)
        var cells: [Cell] = []
        for d in units.districts {
            let profile = SampleProfile.districts[d.code] ?? SampleProfile.districts["030"]!
            let pop = Double(d.population ?? 60_000)
            func add(_ unit: Int, _ level: DossierLevel, _ fields: [(String, Double)], _ weight: Double) {
                for (f, w) in fields {
                    cells.append(Cell(district: d.index, unit: unit, level: level, field: f,
                                      weight: weight * w * rng.uniform(0.8, 1.2), onlineFactor: profile.online,
                                      onTime: profile.onTime))
                }
            }
            let shares = SampleProfile.levelShares
            add(d.index, .province, SampleProfile.provinceFields, pop * shares[0])
            add(d.index, .district, SampleProfile.districtFields, pop * shares[1])
            let communes = d.children.map { units.units[$0] }
            let cw = communes.map { c in (c.kind == "xã" ? 1.0 : 2.5) * rng.uniform(0.6, 1.4) }
            let cwSum = cw.reduce(0, +)
            for (k, c) in communes.enumerated() {
                add(c.index, .commune, SampleProfile.communeFields, pop * shares[2] * cw[k] / cwSum)
            }
        }
        self.cells = cells
    }

    private func code(_ i: Int) -> String { units.units[i].code }

    // MARK: Calibrated statistics (the committed sample)

    func writeCalibratedStats(to path: String) throws {
        var rng = SeededRandom(seed: seed)
        // The new columns draw from their own generator, so the counts above stay the article's.
        var extra = SeededRandom(seed: seed ^ 0x766)
        var flow = Form06Flow()
        let w = try CSVWriter(path: path, header: TableKind.dossierStats.readColumns)
        let months = SampleProfile.dossierMonths
        for (mi, (monthText, total)) in months.enumerated() {
            let weights = cells.map { $0.weight * rng.uniform(0.9, 1.1) }
            let counts = allocate(total, weights: weights)
            func onlineOf(_ k: Int) -> Int {
                if k < SampleProfile.onlineShares.count {
                    return Int((Double(months[k].1) * SampleProfile.onlineShares[k]).rounded())
                }
                return SampleProfile.onlineQ2of2024 - onlineOf(k - 1) - onlineOf(k - 2)
            }
            let onlineTarget = onlineOf(mi)
            let p = Double(onlineTarget) / Double(total)
            var online = counts.enumerated().map { k, n in min(n, Int((Double(n) * min(p * cells[k].onlineFactor, 0.985)).rounded())) }
            var diff = onlineTarget - online.reduce(0, +)
            var order = Array(cells.indices)
            order.shuffle(using: &rng)
            var guardCount = 0
            while diff != 0, guardCount < 100 {
                for k in order where diff != 0 {
                    if diff > 0, online[k] < counts[k] { online[k] += 1; diff -= 1 }
                    else if diff < 0, online[k] > 0 { online[k] -= 1; diff += 1 }
                }
                guardCount += 1
            }
            let monthsFromEnd = months.count - 1 - mi
            let pendingRates: [Double] = [0.0016, 0.0008, 0.0003]
            let pendingP = pendingRates[safe: monthsFromEnd] ?? 0
            for (k, cell) in cells.enumerated() {
                let postal = Int((Double(counts[k] - online[k]) * 0.02).rounded())
                let direct = counts[k] - online[k] - postal
                for (channel, n) in [(Channel.online, online[k]), (.direct, direct), (.postal, postal)]
                where n > 0 || flow.open(k, channel) {
                    var t = DossierTally()
                    t.received = n
                    for _ in 0..<n {
                        let u = rng.unit()
                        if u < 0.0003 { t.returned += 1 }
                        else if u < 0.0005 { t.withdrawn += 1 }
                        else if u < 0.0005 + pendingP {
                            t.pending += 1
                            if rng.chance(0.4) { t.pendingOverdue += 1 }
                        } else {
                            t.resolved += 1
                            if rng.chance(cell.onTime) { t.resolvedOnTime += 1 }
                        }
                    }
                    flow.month(k, channel, &t, last: mi == months.count - 1, &extra)
                    Self.flags(&t, channel, &extra)
                    w.row([monthText, code(cell.district), cell.unit == cell.district ? "" : code(cell.unit),
                           cell.level.name, cell.field, channel.name] + Self.counts(t) + Self.optionalCounts(t))
                }
            }
        }
        try w.close()
    }

    static func counts(_ t: DossierTally) -> [String] { DossierStatsWriter.counts(t) }

    /// Form 06, supplement and the flag counts, in `TableKind.dossierStats.optionalColumns`' order.
    static func optionalCounts(_ t: DossierTally) -> [String] {
        [t.openStart, t.doneEarly, t.doneOnDue, t.doneLate, t.doneReturned, t.doneWithdrawn, t.overdueEnd, t.supplementEnd,
         t.feeRequired, t.paidOnline, t.fullOnline, t.digitized, t.eResult, t.vneidVerified].map(String.init)
    }

    /// Flag counts of a row's received dossiers, shaped on the facts file: about a third with a
    /// fee, > 90% of those paid online when submitted online; full-process online 55,76% of all
    /// (2024); digitised components ≈ 87%, electronic results ≈ 84% of resolved; VNeID on most online.
    static func flags(_ t: inout DossierTally, _ channel: Channel, _ rng: inout SeededRandom) {
        func draw(_ n: Int, _ p: Double) -> Int { (0..<n).reduce(0) { a, _ in a + (rng.chance(p) ? 1 : 0) } }
        let online = channel == .online
        t.feeRequired = draw(t.received, 0.32)
        t.paidOnline = draw(t.feeRequired, online ? 0.96 : 0.55)
        t.fullOnline = online ? draw(t.received, 0.64) : 0
        t.digitized = draw(t.received, 0.87)
        t.eResult = draw(t.resolved, 0.84)
        t.vneidVerified = online ? draw(t.received, 0.7) : 0
    }

    /// Form 06's flows and stocks for the calibrated statistics, kept per cell × channel from
    /// month to month: a fifth of a month's resolved dossiers leave in the next month (those
    /// resolved late first), the pending ones stay in progress to the data's end; returned and
    /// withdrawn leave the month they came; about one in eight in progress awaits a supplement.
    struct Form06Flow {
        struct State { var carry = 0, carryLate = 0, carryEarly = 0, pending = 0, pendingOverdue = 0 }
        var states: [String: State] = [:]
        func open(_ key: String) -> Bool { states[key].map { $0.carry + $0.pending > 0 } ?? false }
        func open(_ k: Int, _ c: Channel) -> Bool { open("\(k)/\(c.rawValue)") }

        mutating func month(_ k: Int, _ c: Channel, _ t: inout DossierTally, last: Bool, _ rng: inout SeededRandom) {
            month("\(k)/\(c.rawValue)", &t, last: last, &rng)
        }

        /// Fills `t`'s form 06 counts for the next month of `key` (months must come in order).
        mutating func month(_ key: String, _ t: inout DossierTally, last: Bool, _ rng: inout SeededRandom) {
            var s = states[key] ?? State()
            t.openStart = s.carry + s.pending
            let late = t.resolved - t.resolvedOnTime
            let early = Int((Double(t.resolvedOnTime) * 0.7).rounded())
            // Those carried from last month leave now.
            t.doneLate = s.carryLate; t.doneEarly = s.carryEarly; t.doneOnDue = s.carry - s.carryLate - s.carryEarly
            let carry = last ? 0 : Int((Double(t.resolved) * rng.uniform(0.15, 0.25)).rounded())
            let carryLate = min(late, carry)
            let carryEarly = min(early, carry - carryLate)
            t.doneLate += late - carryLate
            t.doneEarly += early - carryEarly
            t.doneOnDue += (t.resolvedOnTime - early) - (carry - carryLate - carryEarly)
            t.doneReturned = t.returned; t.doneWithdrawn = t.withdrawn
            s.pending += t.pending
            s.pendingOverdue += t.pendingOverdue
            s.carry = carry; s.carryLate = carryLate; s.carryEarly = carryEarly
            t.openEnd = s.carry + s.pending
            t.overdueEnd = s.carryLate + s.pendingOverdue
            t.supplementEnd = (0..<t.openEnd - t.overdueEnd).reduce(0) { a, _ in a + (rng.chance(0.12) ? 1 : 0) }
            states[key] = s
        }
    }

    // MARK: Raw rows

    static let rowColumns = ["dossier_id", "applicant_name", "applicant_id", "phone", "address", "district_code",
                             "commune_code", "level", "field", "received_date", "due_date", "resolved_date",
                             "channel", "status"] + TableKind.dossiers.optionalColumns

    func writeRows(count: Int, to path: String) throws {
        try rows(count: count, to: path).close()
    }

    /// `count` raw rows written to `path`, not yet under that name.
    func rows(count: Int, to path: String) throws -> CSVWriter {
        var rng = SeededRandom(seed: seed &+ UInt64(count))
        var extra = SeededRandom(seed: (seed &+ UInt64(count)) ^ 0x766)   // the optional columns' own draws
        let w = try CSVWriter(path: path, header: Self.rowColumns)
        let months = SampleProfile.dossierMonths.map { (Month(iso: $0.0)!, Double($0.1)) }
        let monthCum = Self.cumulative(months.map(\.1))
        let cellCum = Self.cumulative(cells.map(\.weight))
        for n in 0..<count {
            let month = months[Self.pick(monthCum, rng.unit())].0
            let cell = cells[Self.pick(cellCum, rng.unit())]
            let mi = month.index - months[0].0.index
            let share = mi < SampleProfile.onlineShares.count ? SampleProfile.onlineShares[mi] : 0.878
            let unit = units.units[cell.unit]
            w.row(Self.rawRow(n, id: "HG", month: month, onlineShare: share, district: code(cell.district),
                              commune: cell.unit == cell.district ? "" : unit.code, place: unit.name, level: cell.level,
                              field: cell.field, onlineFactor: cell.onlineFactor, onTime: cell.onTime, periodEnd: periodEnd,
                              &rng, &extra))
        }
        return w
    }

    /// Raw row `n` (0-based) of a dossier received in `month` at the unit named `place`: the
    /// draws in the order the bundled benchmarks' rows were made with.
    static func rawRow(_ n: Int, id prefix: String, month: Month, onlineShare share: Double, district: String, commune: String,
                       place: String, level: DossierLevel, field: String, onlineFactor: Double, onTime: Double,
                       periodEnd: Day, _ rng: inout SeededRandom, _ extra: inout SeededRandom) -> [String] {
        let dues = [3, 5, 7, 10, 15, 20]
        let u = rng.unit()
        let channel: Channel = u < share * onlineFactor ? .online : (u < 0.985 ? .direct : .postal)
        let received = Day(number: month.firstDay.number + rng.int(0...(Day.daysIn(year: month.year, month: month.month) - 1)))
        let due = Day(number: received.number + rng.pick(dues))
        var status = "resolved"
        var resolved = ""
        let s = rng.unit()
        let age = periodEnd.number - received.number
        if s < 0.0003 { status = "returned" }
        else if s < 0.0005 { status = "withdrawn" }
        else if age < 25, rng.chance(0.002 * Double(25 - age)) { status = "pending" }
        else {
            let r = rng.chance(onTime) ? received.number + rng.int(0...(due.number - received.number))
                                       : due.number + rng.int(1...12)
            resolved = Day(number: r).description
        }
        let name = rng.pick(SampleNames.familyNames) + " " + rng.pick(SampleNames.givenNames)
        let address = "Thôn \(rng.pick(SampleNames.villageSyllables)) \(rng.pick(SampleNames.villageEndings)), \(place)"
        let id = String(format: "%@-%04d-%08d", prefix, month.year, n + 1)
        let citizen = String(format: "002%09d", Int(rng.next() % 1_000_000_000))
        let phone = String(format: "09%08d", Int(rng.next() % 100_000_000))
        if status == "pending", extra.chance(0.12) { status = "supplement" }
        var t = DossierTally()
        t.received = 1
        t.resolved = status == "resolved" ? 1 : 0
        Self.flags(&t, channel, &extra)
        let yes = { (v: Int) in v > 0 ? "yes" : "no" }
        let procedure = String(format: "%d.%06d", extra.int(1...2), extra.int(1...2400))
        return [id, name, citizen, phone, address, district, commune, level.name, field, received.description, due.description,
                resolved, channel.name, status, procedure, yes(t.feeRequired), yes(t.paidOnline), yes(t.fullOnline),
                yes(t.digitized), yes(t.eResult), yes(t.vneidVerified)]
    }

    /// Raw rows made, then aggregated exactly as the provider does, then written as statistics.
    /// The rows go to a file without a name in `$TMPDIR`, read back through `/proc/self/fd`:
    /// nothing is left there whatever stops the run.
    func writeStatsFromRows(count: Int, to path: String) throws {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let rows = try rows(count: count, to: tmp + "/cdsboard-gen-\(getpid())-dossiers.csv").finish()
        let (dir, name) = rows.readable
        let acc = try DossierStatsWriter.aggregate(rawFile: name, in: dir, units: units, periodEnd: periodEnd)
        try DossierStatsWriter.write(acc, units: units, to: path)
    }

    static func cumulative(_ w: [Double]) -> [Double] {
        var out: [Double] = []
        var s = 0.0
        for x in w { s += x; out.append(s) }
        return out.map { $0 / s }
    }

    static func pick(_ cum: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cum.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cum[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
