import DashboardTestSupport
import Foundation
import Testing

/// What the commands say about themselves (issue 30, "Words"): counts that are true, the
/// default sample named right, and what to do when `gen` runs outside the source tree.
@Suite struct CommandWordsTests {
    let bin = Fixtures.binary

    @Test func checkGivesTheTrueCountOfErrorsAndHowManyItLists() throws {
        let (dir, broken) = Fixtures.sampleWithEveryTourismRowUnknown()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Fixtures.run(bin, ["check", dir])
        #expect(r.status == 1)
        #expect(r.output.contains("REFUSED — \(broken) errors (50 listed), 0 warnings"), "\(r.output.suffix(300))")
        let one = Fixtures.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: one) }
        Fixtures.write("month,district_code,domestic_visitors,international_visitors,revenue_million_vnd\n2022-01,999,1,1,1\n",
                       to: one + "/tourism.csv")
        Fixtures.relist(one)
        let r1 = Fixtures.run(bin, ["check", one])
        #expect(r1.output.contains("REFUSED — 1 error, 0 warnings"), "\(r1.output.suffix(300))")
    }

    @Test func helpNamesTheDefaultSample() {
        let r = Fixtures.run(bin, ["--help"])
        #expect(r.output.contains("Tuyên Quang"))
        #expect(!r.output.contains("(Hà Giang sample bundled)"))
        let run = Fixtures.run(bin, ["run", "--help"])
        #expect(run.output.contains("SampleData/tuyen-quang"))
        #expect(!run.output.contains("bundled Hà Giang sample"))
    }

    /// render is reproducible: it reads no config.toml, and says so.
    @Test func renderSaysItDoesNotReadTheConfig() {
        let r = Fixtures.run(bin, ["render", "--help"])
        #expect(r.output.contains("does not read config.toml"))
        let home = Fixtures.temporaryDirectory("cdsboard-xdg")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try? FileManager.default.createDirectory(atPath: home + "/cdsboard", withIntermediateDirectories: true)
        Fixtures.write("language = \"en\"\n", to: home + "/cdsboard/config.toml")
        let frame = Fixtures.run(bin, ["render", "--size", "80x24", "--now", "2026-11-10T09:00:00+07:00"],
                                 environment: ["XDG_CONFIG_HOME": home, "LANG": "C.UTF-8"])
        #expect(frame.output.contains("Chuyển đổi số") || frame.output.contains("Tiếp nhận"), "\(frame.output.prefix(200))")
    }

    /// A binary copied out of the source tree and run elsewhere: gen says where it looked and
    /// what to give; with --units it works.
    @Test func genOutsideTheSourceTreeSaysWhatToGive() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-gen")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Copied by a child process: a copy written by this one could be held open by a child
        // another test forks meanwhile, and exec would fail with ETXTBSY.
        #expect(Fixtures.run("/bin/cp", [bin, dir + "/cdsboard"]).status == 0)
        func gen(_ args: String) -> (status: Int32, output: String) {
            Fixtures.run("/bin/sh", ["-c", "cd '\(dir)' && ./cdsboard gen \(args)"])
        }
        let r = gen("--out out")
        #expect(r.status == 1)
        #expect(r.output.contains("SampleData/ha-giang") && r.output.contains("--units FILE"), "\(r.output)")
        #expect(!r.output.contains("Usage:"))
        let m = gen("--profile tuyen-quang --out out")
        #expect(m.status == 1)
        #expect(m.output.contains("--units FILE and --before FILE"), "\(m.output)")
        let ok = gen("--out out --units '\(Fixtures.sampleDirectory)/units.json'")
        #expect(ok.status == 0, "\(ok.output)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    }
}

/// `report` for the minutes (issue 30): the last complete quarter by name, the exit statuses
/// and the default period in its help.
@Suite struct MinutesReportCommandTests {
    let bin = Fixtures.binary

    @Test func lastQuarterIsTheLastCompleteQuarterBeforeTheDataEnds() {
        let last = Fixtures.run(bin, ["report", "--period", "last-quarter", "--format", "csv"])
        let q3 = Fixtures.run(bin, ["report", "--period", "2026-Q3", "--format", "csv"])
        #expect(last.status == 0 && last.output == q3.output)
        #expect(last.output.contains(",2026-Q3,Quý III/2026,"))
        let month = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--period", "last-month"])
        #expect(month.output.hasPrefix("Tỉnh Hà Giang — Tháng 6/2024"), "\(month.output.prefix(80))")
        // The old units: the last complete quarter before the catalogue changed (01/07/2025).
        let old = Fixtures.run(bin, ["report", "--structure", "historical", "--period", "last-quarter"])
        #expect(old.status == 0 && old.output.components(separatedBy: "\n")[0].hasSuffix("Quý II/2025"), "\(old.output.prefix(120))")
    }

    @Test func helpGivesTheExitStatusesAndTheDefaultPeriod() {
        let h = Fixtures.run(bin, ["report", "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(h.contains("3 the period holds no figures"), "\(h)")
        #expect(h.contains("last-quarter"))
        #expect(h.contains("Default: the quarter holding the data's last month"))
    }
}
