import DashboardTestSupport
import Foundation
import Testing
@testable import DashboardCore

@Suite struct ThemeTests {
    let dir = Fixtures.repositoryRoot() + "/Themes"
    let readFile: (String) -> ThemeLoader.FileText = { path in
        FileManager.default.fileExists(atPath: path) ? ((try? String(contentsOfFile: path, encoding: .utf8)).map { .text($0) } ?? .unreadable) : .missing
    }

    @Test func everyBundledThemeParsesAndNamesEveryRole() throws {
        for name in ThemeLoader.builtInNames {
            let t = try ThemeLoader.load(name, directories: [dir], read: readFile)
            #expect(t.name == name)
            #expect(Set(t.styles.keys) == Set(Role.allCases), "\(name) leaves roles out")
        }
    }

    @Test func theDefaultFileEqualsTheBuiltInFallback() throws {
        let t = try ThemeLoader.load("default", directories: [dir], read: readFile)
        #expect(t == ThemeLoader.fallback)
    }

    /// Issue 30: a binary installed without `Themes/` looked different (light, high-contrast and
    /// mono fell back to the dark default) and said "theme not found". They are built in, and
    /// the files are the same texts.
    @Test func everyThemeIsBuiltInAndItsFileIsTheSameText() throws {
        for name in ThemeLoader.builtInNames {
            let fromFile = try ThemeLoader.load(name, directories: [dir], read: readFile)
            let alone = try ThemeLoader.load(name, directories: ["/nonexistent"]) { _ in .missing }
            #expect(alone == fromFile, "\(name): the built-in theme differs from Themes/\(name).toml")
            #expect(BuiltInThemes.sources[name].map { $0 + "\n" } == Fixtures.read(dir + "/\(name).toml"),
                    "Themes/\(name).toml is not the text built into the binary (Sources/DashboardCore/Theme/BuiltInThemes.swift)")
        }
    }

    @Test func monoUsesAttributesOnly() throws {
        let t = try ThemeLoader.load("mono", directories: [dir], read: readFile)
        for role in Role.allCases {
            #expect(t.style(role).fg == .terminalDefault && t.style(role).bg == .terminalDefault)
        }
        #expect(t.style(.selection).reverse)
        #expect(t.style(.bad).bold)
    }

    @Test func brokenThemesAreReportedWithTheirLine() {
        let cases: [(String, String)] = [
            ("name = \"x\"\n[roles]\ntext = { fg = \"purple\" }\n", "x.toml:3: role text: fg is not a colour"),
            ("[roles]\nglow = { fg = \"red\" }\n", "x.toml:2: unknown role \"glow\""),
            ("[roles]\ntext = { fg = \"red\", blink = true }\n", "x.toml:2: role text: unknown attribute blink"),
            ("[roles\ntext = 1\n", "x.toml:1: invalid TOML"),
            ("name = \"x\"\n", "x.toml: missing [roles] table"),
        ]
        for (text, expected) in cases {
            do {
                _ = try ThemeLoader.parse(text, name: "x", file: "x.toml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.hasPrefix(expected), "\(error.description)")
            }
        }
        #expect(throws: ConfigError.self) { try ThemeLoader.load("no-such-theme", directories: [dir], read: readFile) }
    }

    @Test func coloursDegradeByWhatTheTerminalShows() {
        let s = RoleStyle(fg: .ansi(9), bg: .indexed(25), bold: false)
        #expect(s.resolved(for: .full) == ResolvedStyle(fg: 9, bg: 25, bold: false, underline: false, reverse: false))
        #expect(s.resolved(for: .sixteen).fg == 9)
        #expect((0..<16).contains(s.resolved(for: .sixteen).bg))
        let eight = s.resolved(for: .eight)
        #expect(eight.fg == 1 && eight.bold)   // bright red → red + bold
        #expect((0..<8).contains(eight.bg))
        #expect(s.resolved(for: .mono) == ResolvedStyle(fg: -1, bg: -1, bold: false, underline: false, reverse: false))
        #expect(RoleStyle(fg: .rgb(255, 0, 0)).resolved(for: .full).fg == 196)
        #expect(ColorDepth.choose(terminalColors: 256, hasColors: true, override: 8, noColor: false) == .eight)
        #expect(ColorDepth.choose(terminalColors: 256, hasColors: true, override: nil, noColor: true) == .mono)
        #expect(ColorDepth.choose(terminalColors: 8, hasColors: true, override: 256, noColor: false) == .eight)
        #expect(ColorDepth.choose(terminalColors: 0, hasColors: false, override: nil, noColor: false) == .mono)
    }

    @Test func configIsReadAndABrokenOneReportedWithItsLine() {
        let good = Config.parse("theme = \"high-contrast\"\nlanguage = \"en\"\nclock = false\nstale_after_days = 10\n", path: "c.toml")
        #expect(good.problem == nil)
        #expect(good.theme == "high-contrast" && good.language == .en && !good.clock && good.staleAfterDays == 10)
        let bad = Config.parse("theme = \"light\"\nlanguage = \"fr\"\n", path: "c.toml")
        #expect(bad.problem?.description == "c.toml:2: language must be vi or en")
        #expect(bad.theme == nil)    // a broken file is ignored whole
        #expect(Config.parse("clock = maybe\n", path: "c.toml").problem?.line == 1)
        #expect(Config.parse("colour = 1\n", path: "c.toml").problem?.description == "c.toml:1: unknown setting \"colour\"")
    }

    @Test func theShippedKioskConfigParses() {
        let path = Fixtures.repositoryRoot() + "/.deploy/config.toml"
        let c = Config.parse(Fixtures.read(path), path: path)
        #expect(c.problem == nil)
        #expect(c.theme == "high-contrast" && !c.kioskAllowQuit && c.kioskInterval == 20)
        #expect(c.kioskPlaylist == ["overview", "panels"])
        #expect(Config.parse("kiosk_playlist = [\"overview\", \"weather\"]\n", path: "c").problem?.line == 1)
    }
}
