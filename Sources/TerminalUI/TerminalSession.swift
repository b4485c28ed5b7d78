import CNcursesw
import DashboardCore
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Why the dashboard cannot take the terminal.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String
}

/// The ncurses screen: set up once, restored by one idempotent `restore()` on every exit
/// path. Only the run loop's thread calls it.
public final class TerminalSession {
    public private(set) var active = false
    /// Set when `TERM` was unknown and a fallback was used; shown on screen.
    public private(set) var fallbackNote: String?
    public let utf8: Bool
    public private(set) var depth: ColorDepth = .mono
    private var screen: OpaquePointer?
    private var pairs: [Role: (attrs: attr_t, pair: Int32)] = [:]
    private let colorOverride: Int?
    private var colorsStarted = false
    private let noColor: Bool

    /// Checks the terminal and the locale, installs signal handlers, then starts ncurses.
    /// `crashLog`: a descriptor open for appending, where a crash is noted (else nowhere).
    /// `term`: the terminal's type (TERM), as the edge read it from the environment.
    public init(term: String, colorOverride: Int?, noColor: Bool, forceASCII: Bool, crashLog: Int32? = nil) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalUnavailable(description: "cdsboard: standard input and output must be a terminal. For plain text, use `cdsboard report` or `cdsboard render`.")
        }
        if term.isEmpty || term == "dumb" {
            throw TerminalUnavailable(description: "cdsboard: this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot show the dashboard. Use `cdsboard report` for a plain-text report.")
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        utf8 = !forceASCII && codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        self.colorOverride = colorOverride
        self.noColor = noColor
        // Our SIGWINCH handler goes in before ncurses starts, so ncurses installs none.
        guard cds_signals_install() >= 0 else { throw TerminalUnavailable(description: "cdsboard: cannot create the signal pipe") }
        cds_save_terminal_modes()
        for candidate in [term, "xterm", "vt100"] {
            if let s = candidate.withCString({ cds_newterm($0, 1, 0) }) {
                screen = s
                if candidate != term { fallbackNote = "TERM=\(term) unknown to terminfo; using \(candidate)" }
                break
            }
        }
        guard screen != nil else {
            throw TerminalUnavailable(description: "cdsboard: TERM=\(term) is unknown to terminfo and no fallback (xterm, vt100) works. Use `cdsboard report`.")
        }
        active = true
        // If the process dies (a bug, a signal from outside), the terminal comes back first and
        // nothing is printed over it. Mouse reporting off, attributes reset, cursor shown,
        // keypad local, the normal screen back.
        let restore = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h"
            + String(cString: cds_terminfo_string("rmkx")) + String(cString: cds_terminfo_string("rmcup")) + "\r\n"
        cds_crash_guard_install(restore, crashLog.map { $0 } ?? -1)
        cds_quiet_stderr(1)
        cds_screen_configure(25)
    }

    /// Allocates one colour pair per role for `theme`, degraded to what the terminal shows.
    public func apply(_ theme: Theme) {
        let hasColors = has_colors() && !noColor
        // COLORS is only known after start_color().
        if hasColors && !colorsStarted {
            start_color()
            use_default_colors()
            colorsStarted = true
        }
        depth = ColorDepth.choose(terminalColors: Int(cds_colors()), hasColors: hasColors, override: colorOverride, noColor: noColor)
        pairs = [:]
        for (k, role) in Role.allCases.enumerated() {
            let r = theme.style(role).resolved(for: depth)
            var attrs = cds_attr_normal()
            if r.bold { attrs |= cds_attr_bold() }
            if r.underline { attrs |= cds_attr_underline() }
            if r.reverse { attrs |= cds_attr_reverse() }
            var pair: Int32 = 0
            if depth != .mono, k + 1 < Int(cds_color_pairs()) {
                pair = Int32(k + 1)
                _ = cds_init_pair(pair, Int32(r.fg), Int32(r.bg))
            }
            pairs[role] = (attrs, pair)
        }
    }

    public var size: Size {
        var rows: Int32 = 0, cols: Int32 = 0
        if cds_tty_size(1, &rows, &cols) == 0, rows > 0, cols > 0 { return Size(width: Int(cols), height: Int(rows)) }
        return Size(width: Int(cds_cols()), height: Int(cds_lines()))
    }

    /// Tells ncurses about a new size (after SIGWINCH).
    public func resize(to s: Size) {
        _ = resizeterm(Int32(s.height), Int32(s.width))
    }

    /// Writes the cells that differ from `previous`, then one `doupdate()`.
    /// Returns the number of cells written.
    @discardableResult
    public func present(_ canvas: Canvas, previous: Canvas?) -> Int {
        let win = cds_stdscr()
        let changes = canvas.changes(from: previous)
        if changes.isEmpty { return 0 }
        var buffer = [wchar_t](repeating: 0, count: 8)
        for ch in changes {
            var n: Int32 = 0
            for scalar in ch.symbol.unicodeScalars where n < 5 {
                buffer[Int(n)] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            let style = pairs[ch.cell.role] ?? (cds_attr_normal(), 0)
            // The bottom-right cell scrolls some terminals when written: ncurses handles it,
            // but an error there is harmless, so the result is not checked.
            _ = cds_put_cell(win, Int32(ch.y), Int32(ch.x), &buffer, n, style.attrs, style.pair)
        }
        wnoutrefresh(win)
        doupdate()
        return changes.count
    }

    /// Forgets what is on the screen, so that the next present repaints everything.
    public func invalidate() {
        clearok(cds_stdscr(), true)
    }

    public func setMouse(_ on: Bool) { cds_mouse(on ? 1 : 0) }

    /// Gives the terminal back: idempotent, never called from a signal handler.
    public func restore() {
        guard active else { return }
        active = false
        cds_mouse(0)
        endwin()
        fflush(nil)
        cds_quiet_stderr(0)
    }

    /// Ctrl-Z: restore the terminal, stop, and on resume take it again.
    public func suspend() {
        endwin()
        fflush(nil)
        cds_signal_default(SIGTSTP)
        raise(SIGTSTP)
        // Resumed (SIGCONT): ncurses re-enters program mode on the next refresh.
        invalidate()
    }
}
