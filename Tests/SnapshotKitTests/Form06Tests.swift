import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// Form 06 and the 766 estimate, computed by hand for a few dossiers of one commune.
@Suite struct Form06Tests {
    /// period_end 2024-06-30. In Q2/2024: A, B, G carried over; C, D, E, F, H received.
    static let dossiers = """
    dossier_id,district_code,commune_code,level,field,received_date,due_date,resolved_date,channel,status,procedure_code,fee_required,paid_online,full_online,digitized,e_result,vneid_verified
    A,026,00715,commune,Hộ tịch,2024-03-20,2024-04-10,2024-04-05,online,resolved,1.001234,yes,yes,yes,yes,yes,yes
    B,026,00715,commune,Hộ tịch,2024-03-25,2024-03-31,2024-04-02,direct,resolved,,,,,,,
    C,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,2024-04-15,online,resolved,2.002156.000.00.00.H12,yes,no,yes,yes,yes,no
    D,026,00715,commune,Hộ tịch,2024-04-10,2024-05-10,,online,supplement,,no,,no,yes,,yes
    E,026,00715,commune,Hộ tịch,2024-05-05,2024-07-05,,postal,pending,,,,,no,,
    F,026,00715,commune,Hộ tịch,2024-06-01,2024-06-10,2024-06-03,direct,returned,,yes,yes,,,,
    G,026,00715,commune,Hộ tịch,2024-02-01,2024-02-10,,direct,pending,,,,,,,
    H,026,00715,commune,Hộ tịch,2024-06-20,2024-06-25,,online,withdrawn,,,,,,,
    I,026,00715,commune,Hộ tịch,2024-01-10,2024-01-20,2024-01-15,online,resolved,,,,,,,
    """

    func load(_ dir: String) throws -> Snapshot {
        switch SnapshotLoader.load(directory: dir) {
        case .success(let s): return s
        case .failure(let f): throw f
        }
    }

    func form06(_ s: Snapshot, _ p: Period, unit: Int = 0) -> (Form06, Estimate766, DossierTally) {
        var t = DossierTally()
        var first: DossierTally? = nil, last = DossierTally()
        for m in p.months {
            let x = s.dossiers.total(unit: unit, period: .month(Month(index: m)))
            t.add(x); if first == nil { first = x }; last = x
        }
        t.openStart = first!.openStart; t.openEnd = last.openEnd; t.overdueEnd = last.overdueEnd; t.supplementEnd = last.supplementEnd
        let f = Form06(t, supplementKnown: s.dossiers.has(.supplement, endingAt: Month(index: p.months.upperBound)))
        return (f, Estimate766(t, form06: f, measures: s.dossiers.measures), t)
    }

    @Test func everyForm06ColumnByHand() throws {
        let s = try load(TinySnapshot.write(["dossiers.csv": Self.dossiers]))
        let (f, _, _) = form06(s, .quarter(year: 2024, quarter: 2))
        #expect(f.carriedOver == 3)              // A, B, G in progress on 1 April
        #expect(f.receivedOnline == 3)           // C, D, H
        #expect(f.receivedDirectPostal == 2)     // E (postal), F (direct)
        #expect(f.receivedTotal == 8)
        #expect(f.resolvedEarly == 1)            // A: 04-05 before 04-10
        #expect(f.resolvedOnDue == 1)            // C: on 04-15
        #expect(f.resolvedLate == 1)             // B: 04-02 after 03-31
        #expect(f.resolvedTotal == 3)
        #expect(f.inProgressWithinDue == 1)      // E: due 07-05
        #expect(f.inProgressOverdue == 2)        // D (due 05-10, awaiting supplement), G (due 02-10)
        #expect(f.supplement == 1)               // D
        #expect(f.returned == 1)                 // F
        #expect(f.withdrawn == 1)                // H
        #expect(f.receivedTotal == f.resolvedTotal + f.inProgressTotal + f.returned + f.withdrawn)
        // Q1: nothing carried over; at 31 March B (due that day) and A are within due, G overdue.
        let (q1, _, _) = form06(s, .quarter(year: 2024, quarter: 1))
        #expect(q1.carriedOver == 0)
        #expect(q1.receivedTotal == 4)
        #expect(q1.resolvedEarly == 1)           // I
        #expect(q1.inProgressWithinDue == 2)
        #expect(q1.inProgressOverdue == 1)
        #expect(q1.supplement == nil)            // raw rows say who awaits a supplement at the data's end only
        // May alone: D and G carried over, E received; at its end D and G overdue, E within.
        let (may, _, _) = form06(s, .month(Month(year: 2024, month: 5)))
        #expect(may.carriedOver == 2)
        #expect(may.receivedTotal == 3)
        #expect(may.inProgressWithinDue == 1)
        #expect(may.inProgressOverdue == 2)
        #expect(may.resolvedTotal == 0)
        // The district holds the same; the other district nothing.
        #expect(form06(s, .quarter(year: 2024, quarter: 2), unit: s.units.unit(code: "026")!.index).0 == f)
        #expect(form06(s, .quarter(year: 2024, quarter: 2), unit: s.units.unit(code: "030")!.index).0.receivedTotal == 0)
    }

    @Test func every766ComponentByHand() throws {
        let s = try load(TinySnapshot.write(["dossiers.csv": Self.dossiers]))
        let (_, e, _) = form06(s, .quarter(year: 2024, quarter: 2))
        // (A early + C on due + E within due) / (3 resolved + 3 in progress)
        #expect(e.progress?.rate == 0.5)
        #expect(e.progress?.points == 10)
        #expect(e.onlineShare?.rate == 0.6)      // C, D, H of 5 received
        #expect(e.onlineShare?.points == 6)      // full marks from 50%
        #expect(e.fullOnline?.rate == 0.2)       // C
        #expect(abs(e.fullOnline!.points - 1.2) < 1e-9)
        #expect(e.payment?.rate == 0.5)          // F paid of C, F with a fee
        #expect(e.payment?.points == 3)
        #expect(e.digitized?.rate == 0.4)        // C, D
        #expect(e.eResult?.rate == 1)            // C, the only one of Q2's received that is resolved
        #expect(abs(e.points - (10 + 6 + 1.2 + 3 + 22.0 / 3 * 0.4 + 22.0 / 3)) < 1e-9)
        #expect(abs(e.maximum - (20 + 6 + 6 + 6 + 44.0 / 3)) < 1e-9)
    }

    @Test func missingColumnsAreNotAvailableNotZero() throws {
        let s = try load(TinySnapshot.write())   // the old columns only
        let (_, e, _) = form06(s, .quarter(year: 2024, quarter: 2))
        #expect(e.fullOnline == nil)
        #expect(e.payment == nil)
        #expect(e.digitized == nil)
        #expect(e.eResult == nil)
        #expect(e.progress != nil)               // raw rows always give form 06
        #expect(s.dossiers.measures == [.form06, .supplement])
    }

    @Test func statisticsGiveTheSameFiguresAsRows() throws {
        let raw = try load(TinySnapshot.write(["dossiers.csv": Self.dossiers]))
        let dir = TinySnapshot.write(["dossiers.csv": nil])
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        let rawDir = TinySnapshot.write(["dossiers.csv": Self.dossiers])
        DossierParsers.raw(rawDir, RowContext(units: raw.units, periodEnd: raw.manifest.periodEnd), into: &acc, issues: &issues)
        #expect(issues.errors.isEmpty)
        try DossierStatsWriter.write(acc, units: raw.units, to: dir + "/dossier_stats.csv")
        let stats = try load(dir)
        #expect(stats.dossierForm == .stats)
        #expect(stats.dossiers.measures == raw.dossiers.measures.union(.supplement))
        for unit in raw.units.units.indices {
            for m in 1...6 {
                let p = Period.month(Month(year: 2024, month: m))
                var a = form06(raw, p, unit: unit), b = form06(stats, p, unit: unit)
                if a.0.supplement == nil { b.0.supplement = nil }   // rows do not say before the data's end
                a.2.supplementEnd = 0; b.2.supplementEnd = 0
                #expect(a.0 == b.0, "unit \(unit) month \(m)")
                #expect(a.1 == b.1)
                #expect(a.2 == b.2)
            }
            for q in 1...2 {
                let p = Period.quarter(year: 2024, quarter: q)
                let a = form06(raw, p, unit: unit), b = form06(stats, p, unit: unit)
                #expect(a.0 == b.0 || q == 1)
                #expect(a.1 == b.1)
            }
        }
    }

    @Test func badValuesAreRefusedAtTheirLine() throws {
        let header = "dossier_id,district_code,commune_code,level,field,received_date,due_date,resolved_date,channel,status,paid_online,fee_required,full_online,e_result,procedure_code\n"
        let rows = """
        A,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,2024-04-15,online,resolved,maybe,,,,
        B,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,2024-04-15,online,resolved,yes,no,,,
        C,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,2024-04-15,direct,resolved,,,yes,,
        D,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,,online,pending,,,,yes,
        E,026,00715,commune,Hộ tịch,2024-04-03,2024-04-15,,online,pending,,,,,1.0 01
        """
        guard case .failure(let f) = SnapshotLoader.load(directory: TinySnapshot.write(["dossiers.csv": header + rows])) else {
            Issue.record("accepted"); return
        }
        let text = f.errors.map(\.description).joined(separator: "\n")
        #expect(text.contains("dossiers.csv:2:11: paid_online \"maybe\" must be yes, no or empty"))
        #expect(text.contains("dossiers.csv:3:11: paid_online is yes for a dossier without fee_required"))
        #expect(text.contains("dossiers.csv:4:13: full_online is yes for a dossier not submitted online"))
        #expect(text.contains("dossiers.csv:5:14: e_result is yes for a dossier that is not resolved"))
        #expect(text.contains("dossiers.csv:6:15: procedure_code"))
    }

    @Test func statisticsRowsAreChecked() throws {
        let head = "month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue,"
        let cols = "carried_over,resolved_before_due,resolved_on_due,resolved_after_due,returned_in_month,withdrawn_in_month,pending_end_overdue,supplement,full_online\n"
        let rows = """
        2024-04,026,00715,commune,Hộ tịch,online,2,1,1,0,0,1,0,0,2,1,0,0,0,0,0,0
        2024-05,026,00715,commune,Hộ tịch,online,2,1,1,0,0,1,0,1,0,1,0,0,0,3,0,0
        2024-06,026,00715,commune,Hộ tịch,direct,2,1,1,0,0,1,0,1,0,0,0,0,0,0,0,1
        """
        guard case .failure(let f) = SnapshotLoader.load(directory: TinySnapshot.write(["dossiers.csv": nil, "dossier_stats.csv": head + cols + rows])) else {
            Issue.record("accepted"); return
        }
        let text = f.errors.map(\.description).joined(separator: "\n")
        #expect(text.contains("dossier_stats.csv:2:14: carried_over + received (2) is less than those resolved, returned and withdrawn in the month (3)"))
        #expect(text.contains("dossier_stats.csv:3:20: pending_end_overdue (3) is greater than the dossiers in progress at the month's end (2)"))
        #expect(text.contains("dossier_stats.csv:4:22: full_online (1) on a row whose channel is not online"))
    }
}

/// The portal's published 766 scores (`index_766.csv`).
@Suite struct Official766Tests {
    static let scores = """
    period,unit_code,transparency,progress,online_service,online_payment,digitisation,satisfaction,total,rank,ranked
    2024-06,02,9.9,19.1,8.1,10,14,18,79.1,5,34
    2024-05,02,9.5,18.9,8.0,9.6,13.9,18,77.9,7,34
    2024-Q2,026,10,19,8,9,14,17.5,77.5,12,124
    """

    @Test func scoresAreReadPerUnitAndPeriod() throws {
        guard case .success(let s) = SnapshotLoader.load(directory: TinySnapshot.write(["index_766.csv": Self.scores])) else {
            Issue.record("refused"); return
        }
        let june = try #require(s.official766[0]?[.month(Month(year: 2024, month: 6))])
        #expect(june.total == 79.1 && june.rank == 5 && june.ranked == 34 && june.groups[1] == 19.1)
        #expect(s.official766[0]?[.month(Month(year: 2024, month: 5))]?.rank == 7)
        #expect(s.official766[s.units.unit(code: "026")!.index]?[.quarter(year: 2024, quarter: 2)]?.ranked == 124)
        // Without the file, nothing: never a zero score.
        guard case .success(let plain) = SnapshotLoader.load(directory: TinySnapshot.write()) else { return }
        #expect(plain.official766.isEmpty)
    }

    @Test func badScoresAreRefusedAtTheirLine() {
        let rows = """
        period,unit_code,transparency,progress,online_service,online_payment,digitisation,satisfaction,total,rank,ranked
        2024-13,02,9.9,19.1,8.1,10,14,18,79.1,5,34
        2024-06,99,9.9,19.1,8.1,10,14,18,79.1,5,34
        2024-06,02,9.9,21,8.1,10,14,18,81,5,34
        2024-06,02,9.9,19.1,8.1,10,14,18,79.1,35,34
        2024-06,026,9.9,19.1,8.1,10,14,18,70,5,34
        """
        guard case .failure(let f) = SnapshotLoader.load(directory: TinySnapshot.write(["index_766.csv": rows])) else {
            Issue.record("accepted"); return
        }
        let text = (f.errors + f.warnings).map(\.description).joined(separator: "\n")
        #expect(text.contains("index_766.csv:2:1: period \"2024-13\""))
        #expect(text.contains("index_766.csv:3:2: unknown unit_code \"99\""))
        #expect(text.contains("index_766.csv:4:4: progress \"21\" is not a score from 0 to 20"))
        #expect(text.contains("index_766.csv:5:10: rank 35 is not between 1 and ranked (34)"))
        #expect(text.contains("index_766.csv:6:9: warning: total 70 is not the sum of the six groups (79.1)"))
    }
}
