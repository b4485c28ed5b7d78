import DashboardTestSupport
import Foundation
import Testing
@testable import DashboardCore

/// Every colour pair legible: WCAG 2 contrast ratios computed from the themes' own colours
/// (xterm's palette for named and indexed colours; the terminal's own background taken as
/// black for the dark default theme and white for the light one).
@Suite struct ContrastTests {
    static let textRoles: [Role] = [.text, .muted, .accent, .title, .header, .selection, .status, .statusKey, .good, .warn,
                                    .bad, .stale, .error, .bigDigits]
    /// Lines, bars and charts: WCAG asks 3:1 for graphics that carry meaning.
    static let graphicRoles: [Role] = [.border, .chart1, .chart2, .chart3, .chart4, .barEmpty, .map1, .map2, .map3, .map4, .map5]

    func rgb(_ c: ThemeColor, foreground: Bool, dark: Bool) -> (Int, Int, Int) {
        switch c {
        case .terminalDefault: return foreground == dark ? (229, 229, 229) : (0, 0, 0)
        case .ansi(let n): return RoleStyle.ansiRGB[n]
        case .indexed(let n): return RoleStyle.rgb(ofIndexed: n)
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    static func luminance(_ c: (Int, Int, Int)) -> Double {
        func lin(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    static func ratio(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func greysStayGreyWhenColoursDegrade() {
        for n in [236, 240, 242, 246, 250] {
            let sixteen = RoleStyle(fg: .indexed(n)).resolved(for: .sixteen).fg
            let eight = RoleStyle(fg: .indexed(n)).resolved(for: .eight).fg
            #expect([7, 8, 15].contains(sixteen) || (n < 240 && sixteen == 0), "\(n) → \(sixteen) in 16 colours")
            #expect(eight == 7, "\(n) → \(eight) in 8 colours")
        }
    }

    @Test func theRatioIsWCAGs() {
        #expect(abs(Self.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Self.ratio((119, 119, 119), (255, 255, 255)) - 4.48) < 0.02)
    }

    /// What is really on screen: each role's style as the terminal gets it (`Theme.style`, the
    /// theme's page under every role), on a dark terminal and on a light one (xterm's default
    /// white): the same legible contrast on both (issue 30: on a white xterm the default theme's
    /// titles and rows all but vanished).
    @Test(arguments: ["default", "light", "high-contrast"], [true, false])
    func everyRoleIsLegible(_ name: String, _ darkTerminal: Bool) throws {
        let dir = Fixtures.repositoryRoot() + "/Themes"
        let theme = try ThemeLoader.load(name, directories: [dir]) { path in
            (try? String(contentsOfFile: path, encoding: .utf8)).map { .text($0) } ?? .missing
        }
        for (roles, minimum) in [(Self.textRoles, 4.5), (Self.graphicRoles, 3.0)] {
            for role in roles {
                let style = theme.style(role)
                let fg = rgb(style.fg, foreground: true, dark: darkTerminal)
                let back = rgb(style.bg, foreground: false, dark: darkTerminal)
                // Reversed, the colours swap: the ratio is the same.
                let r = Self.ratio(fg, back)
                #expect(r >= minimum, "\(name) on a \(darkTerminal ? "dark" : "light") terminal: \(role) \(style.fg) on \(style.bg): \(String(format: "%.2f", r)) < \(minimum)")
            }
        }
    }

    /// Every cell's colours are the theme's, at every colour depth: none is left to the
    /// terminal (-1), except in mono, where the terminal's own pair is the point.
    @Test(arguments: ["default", "light", "high-contrast"])
    func everyCellIsPaintedByTheTheme(_ name: String) throws {
        let theme = try #require(ThemeLoader.builtIn(name))
        for depth in [ColorDepth.full, .sixteen, .eight] {
            for role in Role.allCases {
                let r = theme.style(role).resolved(for: depth)
                #expect(r.fg >= 0 && r.bg >= 0, "\(name) \(depth): \(role) fg \(r.fg) bg \(r.bg)")
            }
        }
        let mono = try #require(ThemeLoader.builtIn("mono"))
        #expect(mono.style(.text).resolved(for: .full).bg == -1)
    }
}
