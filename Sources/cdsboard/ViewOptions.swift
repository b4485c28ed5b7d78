import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit

/// Options shared by the dashboard and `render`: what to show and how.
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Snapshot directory, or a PostgreSQL database (postgresql://user@host/db or key=value conninfo; the password from PGPASSWORD or ~/.pgpass) (default: $CDSBOARD_DATA, else the newest bundled sample, SampleData/tuyen-quang).")
    var data: String?

    @Option(help: "Interface language (default: config, then the environment, then vi).")
    var lang: Language?

    @Option(help: "Colour theme: a name in Themes/ (default, light, high-contrast, mono) or a .toml path.")
    var theme: String?

    @Option(help: "Period: 2024-06, 2024-Q2 or 2024 (default: the latest quarter).")
    var period: Period?

    @Option(help: "Where to look, as a route: province, district:030 or commune:00793, then optionally ,period:2026-Q1 ,flat ,panel:NAME[,expanded] ,map[,sites] ,sort:[-]COLUMN ,select:CODE (panels: \(PanelRegistry.standard.ids.map(\.rawValue).joined(separator: "|"))).")
    var view: String?

    @Option(help: "Keys to press after start, e.g. \"/ x u y e n Enter\" (names: Up Down Enter Esc Tab S-Tab PgUp PgDn C-l Space).")
    var keys: String?

    @Flag(help: "ASCII only: +-| frames, no diacritics.")
    var ascii = false

    @Flag(name: .customLong("no-clock"), help: "No clock in the header (for the slowest links).")
    var noClock = false

    @Flag(help: "Wall-screen mode: rotate through the playlist by itself, large digits, keyboard locked.")
    var kiosk = false

    @Option(help: "Kiosk: time per screen, e.g. 20s, 1m (default: config, then 20s).")
    var rotate: String?

    @Option(name: .customLong("cache-dir"),
            help: "Where viewers of one export share its load (dashboard default: config cache_dir, then $XDG_CACHE_HOME/cdsboard).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Load the export in this process only, without the shared cache.")
    var noCache = false

    /// The shared cache for `source`: none with `--no-cache` or an empty directory; `fallback`
    /// when no `--cache-dir` is given (the dashboard's default; `render` has none). A directory
    /// inside the export is an error (from the option, the config or the environment alike).
    func cache(fallback: String?, for source: SnapshotSource) throws -> SharedSnapshotCache? {
        guard !noCache, let dir = cacheDirectory ?? fallback, !dir.isEmpty else { return nil }
        if let export = (source as? DirectorySource)?.directory, SharedSnapshotCache.isInside(dir, export: export) {
            throw CommandError(SharedSnapshotCache.insideExport(dir, export: export)
                               + ": give a cache directory outside it (--cache-dir, cache_dir in the config) or --no-cache")
        }
        return SharedSnapshotCache(directory: dir)
    }

    func validate() throws {
        if let keys, Key.script(keys) == nil { throw ValidationError("--keys: cannot read \"\(Echo.cut(keys))\"") }
        try Echo.check(period)
        if let rotate, ViewOptions.seconds(rotate) == nil { throw ValidationError("--rotate must look like 20s, 90s or 2m") }
    }

    /// The initial state from options, config and environment (flags win).
    func initialState(config: Config) -> AppState {
        var s = AppState()
        let env = Environment.values
        s.language = lang ?? config.language ?? Language.from(environment: env)
        s.ascii = ascii
        s.showClock = !noClock && config.clock
        s.mouseEnabled = config.mouse
        s.flatList = config.flatList
        s.keymap = config.keymap
        s.staleAfter = config.staleAfterDays * 86400
        let first = theme ?? config.theme ?? "default"
        s.themeNames = [first] + ThemeLoader.builtInNames.filter { $0 != first }
        if kiosk {
            s.kiosk = KioskState(parts: config.kioskPlaylist,
                                 interval: rotate.flatMap(ViewOptions.seconds) ?? config.kioskInterval,
                                 allowQuit: config.kioskAllowQuit)
        }
        return s
    }

    /// `20s`, `90`, `2m` → seconds.
    static func seconds(_ text: String) -> Double? {
        guard let v = parseSeconds(text), v.isFinite, v <= 86_400 else { return nil }   // "inf", "1e300m"
        return v
    }

    private static func parseSeconds(_ text: String) -> Double? {
        let t = text.lowercased()
        if t.hasSuffix("ms"), let v = Double(t.dropLast(2)) { return v >= 100 ? v / 1000 : nil }
        if t.hasSuffix("s"), let v = Double(t.dropLast()), v >= 0.5 { return v }
        if t.hasSuffix("m"), let v = Double(t.dropLast()), v > 0 { return v * 60 }
        if let v = Double(t), v >= 0.5 { return v }
        return nil
    }

    /// Applies `--period` and `--view` (a `Route`'s text) once a snapshot is there; a place,
    /// panel or column the snapshot does not have is an error (not the province shown instead).
    func place(_ s: inout AppState) throws {
        if let p = period, let snap = s.snapshot {
            s.periodKind = p.kind
            s.periodOffset = Period.containing(snap.latestMonth, kind: p.kind).distance(to: p)
        }
        guard let view, s.snapshot != nil else { return }
        var route: Route
        switch Route.parse(view) {
        case .failure(let e): throw CommandError("--view: cannot read \"\(Echo.cut(e.part))\" (\(Route.grammar))")
        case .success(let r): route = r
        }
        // `--period`, the config's list and sort stand when the view names none.
        if route.period == nil { route.period = s.period }
        route.flat = route.flat || s.flatList
        if route.sort == nil { route.sort = s.route.sort }
        do { try follow(&s, route) } catch { throw CommandError("--view: " + Echo.cut(error.description)) }
    }
}
