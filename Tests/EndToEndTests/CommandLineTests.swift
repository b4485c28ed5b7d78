import DashboardCore
import DashboardTestSupport
import Foundation
import Testing

/// The subcommands, run as a user would.
@Suite struct CommandLineTests {
    let bin = Fixtures.binary
    let goldens = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Screens"

    @Test func renderPrintsTheSameScreenAsTheGolden() {
        // The sample without the committee's files (issue 28), as the golden's screen knows it.
        let r = Fixtures.run(bin, ["render", "--data", Fixtures.copyOfSample(), "--size", "120x40", "--now", "2024-07-10T09:00:00+07:00", "--styles",
                                   "--view", "province", "--lang", "en", "--keys", "s s", "--no-clock"])
        #expect(r.status == 0)
        // Whole-screen goldens leave the status bar (row 39) to its own golden.
        func body(_ dump: String) -> String {
            var lines = dump.components(separatedBy: "\n")
            if lines.count > 39 { lines.remove(at: 39) }
            return lines.filter { !$0.hasPrefix("39: ") }.joined(separator: "\n")
        }
        let golden = Fixtures.read(goldens + "/sorted-online-120x40-en.txt")
        #expect(body(r.output) == body(golden + "\n"), Comment(rawValue: Golden.diff(expected: body(golden), actual: body(r.output))))
    }

    @Test func aReportOfAPeriodWithoutDataSaysSoAndFails() {
        for period in ["2025-Q1", "2021"] {
            let r = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--period", period])
            #expect(r.status == 3, "\(period)")
            #expect(r.output.contains("KHÔNG CÓ SỐ LIỆU"), "\(period)")
            // After the data's end nothing is known: no figure at all, not zeros nor today's.
            if period == "2025-Q1" { #expect(!r.output.contains("  0  ") && !r.output.contains("2.942")) }
        }
        // 2022 holds no dossiers but 2.258.400 visitors: it has data.
        let tourism = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--period", "2022", "--format", "json"])
        #expect(tourism.status == 0 && tourism.output.contains("\"visitors\" : 2258400") && tourism.output.contains("\"has_data\" : true"))
        let ok = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--period", "2024-Q2", "--width", "80"])
        #expect(ok.status == 0)
        for line in ok.output.split(separator: "\n") where line.hasPrefix("0") || line.hasPrefix("-") {
            #expect(DisplayWidth.of(String(line)) <= 80, "\(line)")
        }
    }

    @Test func renderTakesTheViewOption() {
        let r = Fixtures.run(bin, ["render", "--data", Fixtures.sampleDirectory, "--size", "120x40", "--view", "district:030", "--now", "2024-07-10T09:00:00+07:00"])
        #expect(r.output.contains("Hà Giang › Vị Xuyên"))
        let c = Fixtures.run(bin, ["render", "--data", Fixtures.sampleDirectory, "--size", "120x40", "--view", "commune:00955"])
        #expect(c.output.contains("Hà Giang › Vị Xuyên › Xã Đạo Đức"))
    }

    /// Without --data the newest bundled sample opens: the merged Tuyên Quang.
    @Test func theDefaultIsTheNewestSampleAndItsHistoryIsOnDemand() {
        let r = Fixtures.run(bin, ["render", "--size", "120x40", "--now", "2026-11-10T09:00:00+07:00"])
        #expect(r.status == 0)
        #expect(r.output.contains("Tuyên Quang"))
        #expect(r.output.contains("Đồng Văn (cũ)"))
        let h = Fixtures.run(bin, ["report", "--structure", "historical", "--period", "2024-Q2"])
        #expect(h.status == 0)
        #expect(h.output.contains("02     Tỉnh Hà Giang"))
        #expect(h.output.contains("143.218"))
        #expect(h.output.contains("08     Tỉnh Tuyên Quang"))
        let none = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--structure", "historical"])
        #expect(none.status == 1)
        // --format, --form 06 and --district are honoured, not ignored; an unknown old district refused.
        let json = Fixtures.run(bin, ["report", "--structure", "historical", "--period", "2024-Q2", "--format", "json",
                                      "--form", "06", "--district", "024"])
        #expect(json.status == 0 && json.output.contains("\"code\" : \"00691\"") && json.output.contains("\"received_total\" : 9559"))
        #expect(!json.output.contains("\"code\" : \"02\""))
        let bad = Fixtures.run(bin, ["report", "--structure", "historical", "--district", "999"])
        #expect(bad.status == 1 && bad.output.contains("--district: no district \"999\" in the old catalogue"))
        let after = Fixtures.run(bin, ["report", "--structure", "historical", "--period", "2025-Q3"])
        #expect(after.status == 3 && !after.output.contains("  0  ") && after.output.contains("—"))
        let check = Fixtures.run(bin, ["check", Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"])
        #expect(check.output.contains("OK — two tiers, 124 communes in 18 former districts; catalogue changed on 2025-07-01"))
    }

    @Test func checkAcceptsTheSampleAndRefusesABrokenCopy() {
        let ok = Fixtures.run(bin, ["check", Fixtures.sampleDirectory])
        #expect(ok.status == 0)
        #expect(ok.output.contains("OK"))
        let dir = Fixtures.copyOfSample()
        var text = Fixtures.read(dir + "/bts.csv")
        text = text.replacingOccurrences(of: ",active,", with: ",exploded,")
        Fixtures.write(text, to: dir + "/bts.csv")
        Fixtures.relist(dir)
        let bad = Fixtures.run(bin, ["check", dir])
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("bts.csv:2:8: unknown status \"exploded\""))
        #expect(bad.output.contains("bts.csv: "))   // the count of errors not shown
        #expect(bad.output.contains("REFUSED"))
    }

    /// Issue 25's recipe: `gen` 30,000 raw rows, keep one `supplement` row, drop the manifest:
    /// `check` trapped (exit 132). It refuses the export, naming the manifest, and exits 1.
    @Test func checkRefusesAnExportWithoutAManifestBeforeCountingItsRows() throws {
        let base = Fixtures.temporaryDirectory("cdsboard-f1-base"), one = Fixtures.temporaryDirectory("cdsboard-f1")
        #expect(Fixtures.run(bin, ["gen", "--out", base, "--dossiers", "30000", "--seed", "5"]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: base) where name != "manifest.json" {
            try FileManager.default.copyItem(atPath: base + "/" + name, toPath: one + "/" + name)
        }
        let lines = Fixtures.read(base + "/dossiers.csv").components(separatedBy: "\n")
        let supplement = try #require(lines.first { $0.contains(",supplement,") })
        Fixtures.write(lines[0] + "\n" + supplement + "\n", to: one + "/dossiers.csv")
        let r = Fixtures.run(bin, ["check", one])
        #expect(r.status == 1)
        #expect(r.output.hasPrefix("manifest.json: file not found"), "\(r.output)")
    }

    @Test func reportGivesEveryFormat() throws {
        let text = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--lang", "vi"])
        #expect(text.output.contains("Tỉnh Hà Giang"))
        #expect(text.output.contains("143.218"))
        #expect(text.output.contains("87,3%"))
        let md = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--format", "markdown", "--lang", "en"])
        #expect(md.output.contains("| 02 | Tỉnh Hà Giang | 143,218 | 87.3% |"))
        let csv = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--format", "csv", "--district", "030"])
        // The header, the district, its 24 communes and what the district received itself.
        #expect(csv.output.split(separator: "\n").count == 1 + 1 + 24 + 1)
        #expect(csv.output.split(separator: "\n").last?.hasPrefix(",Cấp huyện,") == true)
        let json = Fixtures.run(bin, ["report", Fixtures.sampleDirectory, "--format", "json", "--period", "2023"])
        let obj = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let units = obj?["units"] as? [[String: Any]]
        #expect(units?.count == 1 + 11 + 1)     // the province, its districts, the province level
        #expect((units?.last?["unit"] as? String) == "Cấp tỉnh" && (units?.last?["received"] as? Int) == 0)
        #expect((units?.first?["visitors"] as? Int) == 3_003_672)
        let bad = Fixtures.run(bin, ["report", "--format", "pdf"])
        #expect(bad.status != 0)
    }

    /// A missing or refused snapshot, or a place it does not have, is an error: status 1 and a
    /// message, never a frame of the province instead.
    @Test func renderReportAndCheckFailOnAMissingSnapshotOrAnUnknownPlace() {
        for args in [["render", "--data", "/missing"], ["report", "/missing"], ["check", "/missing"]] {
            let r = Fixtures.run(bin, args)
            #expect(r.status == 1, "\(args)")
            #expect(r.output.contains("/missing: snapshot directory not found"), "\(args): \(r.output)")
        }
        let dir = Fixtures.copyOfSample()
        Fixtures.write(Fixtures.read(dir + "/bts.csv").replacingOccurrences(of: ",active,", with: ",exploded,"), to: dir + "/bts.csv")
        let refused = Fixtures.run(bin, ["render", "--data", dir])
        #expect(refused.status == 1)
        #expect(refused.output.hasPrefix("bts.csv:2:8: unknown status"))
        #expect(Fixtures.run(bin, ["report", dir]).status == 1)
        for view in ["district:999", "commune:030", "panel:weather", "planet:mars"] {
            let r = Fixtures.run(bin, ["render", "--view", view])
            #expect(r.status == 1, "\(view)")
            #expect(r.output.hasPrefix("Error: --view: "), "\(view): \(r.output)")
        }
        let d = Fixtures.run(bin, ["report", "--district", "999"])
        #expect(d.status != 0)
        #expect(d.output.contains("no district \"999\""))
    }

    /// `--period 0000` crashed every viewer (a forced unwrap); now it is refused, and values
    /// echoed in messages are cut to 60 characters.
    @Test func farPeriodsAreRefusedAndEchoedArgumentsCut() {
        for cmd in ["render", "report"] {
            let r = Fixtures.run(bin, [cmd, "--period", "0000"])
            #expect(r.status != 0 && r.status < 128, "\(cmd): \(r.status)")
            #expect(r.output.contains("--period 0000 is outside 1990…2199"), "\(cmd): \(r.output)")
        }
        for rotate in ["inf", "1e300m", "nan"] {
            #expect(Fixtures.run(bin, ["render", "--rotate", rotate]).status != 0, "--rotate \(rotate)")
        }
        let long = String(repeating: "9", count: 5000)
        for args in [["render", "--view", "district:" + long], ["render", "--period", long], ["render", "--keys", long + " ??"],
                     ["report", "--district", long], ["check", "/missing/" + long]] {
            let r = Fixtures.run(bin, args)
            #expect(r.status != 0)
            #expect(r.output.count < 600, "\(args.prefix(2)): \(r.output.count) characters")
            #expect(r.output.contains(String(repeating: "9", count: 40) + "…"), "\(args.prefix(2))")
        }
    }

    @Test func genWritesRawRowsWithPersonalDataThatNoOutputShows() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-gen-cli")
        let g = Fixtures.run(bin, ["gen", "--out", dir, "--dossiers", "800"])
        #expect(g.status == 0)
        let rows = Fixtures.read(dir + "/dossiers.csv").split(separator: "\n")
        #expect(rows.count == 801)
        // Personal values of a few rows: none may appear in render, report or check.
        var secrets: [String] = []
        for row in rows.dropFirst().prefix(50) {
            let f = row.split(separator: ",")
            secrets += [String(f[1]), String(f[2]), String(f[3])]
        }
        var outputs: [String] = []
        outputs.append(Fixtures.run(bin, ["check", dir]).output)
        for f in ["text", "csv", "json", "markdown"] { outputs.append(Fixtures.run(bin, ["report", dir, "--format", f]).output) }
        outputs.append(Fixtures.run(bin, ["render", "--data", dir, "--size", "200x60"]).output)
        outputs.append(Fixtures.run(bin, ["render", "--data", dir, "--size", "120x40", "--keys", "Enter Enter"]).output)
        for out in outputs {
            for s in secrets { #expect(!out.contains(s), "personal value \(s) leaked") }
        }
    }
}

/// The bandwidth measurement itself.
@Suite struct BenchTests {
    @Test func theTerminalBenchCountsZeroIdleBytesWithoutTheClock() throws {
        let bench = (Fixtures.binary as NSString).deletingLastPathComponent + "/cdsboard-bench"
        guard FileManager.default.isExecutableFile(atPath: bench) else { Issue.record("cdsboard-bench not built"); return }
        let r = Fixtures.run(bench, ["terminal", "--binary", Fixtures.binary, "--data", Fixtures.sampleDirectory,
                                     "--idle", "5", "--changes", "2"])
        let off = r.output.split(separator: "\n").first { $0.contains("clock=off") }.map(String.init) ?? ""
        #expect(off.contains("idle 0 bytes in 5 s"), "\(r.output)")
        let first = off.split(separator: "|")[1]
        #expect(first.contains("first frame") && !first.contains("first frame 0 bytes"))
        #expect(r.output.contains("changes=2 seen=2"), "\(r.output)")
    }
}

/// The files shipped for a kiosk box.
@Suite struct DeploymentTests {
    @Test func theSystemdUnitVerifies() throws {
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else { return }   // not on every machine
        let root = Fixtures.repositoryRoot()
        let dir = Fixtures.temporaryDirectory("cdsboard-unit")
        // The unit as shipped, pointing at the binary just built instead of /usr/local/bin.
        let unit = Fixtures.read(root + "/.deploy/cdsboard-kiosk.service")
            .replacingOccurrences(of: "/usr/local/bin/cdsboard", with: Fixtures.binary)
        #expect(unit.contains("TTYPath=/dev/tty1") && unit.contains("Restart=always") && unit.contains("LANG=vi_VN.UTF-8"))
        Fixtures.write(unit, to: dir + "/cdsboard-kiosk.service")
        let r = Fixtures.run(analyze, ["verify", dir + "/cdsboard-kiosk.service"])
        let problems = r.output.split(separator: "\n").filter { !$0.contains("setfont") && !$0.contains("setterm") }
        #expect(problems.isEmpty, "\(r.output)")
    }
}
