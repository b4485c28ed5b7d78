import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit

/// `cdsboard render`: one frame as text, without ncurses, for tests, documents and scripts.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one frame of the dashboard as plain text (no terminal needed).",
        discussion: """
        render does not read config.toml: the same command prints the same frame on every machine \
        and account (scripts, documents and the tests' goldens depend on it). Give what the config \
        would set as options: --lang, --theme, --no-clock, --cache-dir; flat_list as --keys f.
        """)

    @OptionGroup var view: ViewOptions

    @Option(help: "Screen size, e.g. 120x40.")
    var size: String = "120x40"

    @Option(help: "The time to render at (ISO 8601), for the clock and staleness; default: now.")
    var now: String?

    @Flag(help: "Also list the style roles of each row (the golden-file format).")
    var styles = false

    func validate() throws {
        if Size(parsing: size) == nil { throw ValidationError("--size must look like 120x40") }
        if let now, ISODate.parse(now) == nil { throw ValidationError("--now must be ISO 8601, e.g. 2024-07-10T09:00:00+07:00") }
        try Echo.check(view.period)
    }

    func run() throws {
        var state = view.initialState(config: Config())
        state.size = Size(parsing: size)!
        state.now = now.flatMap(ISODate.parse) ?? Date()
        let source = try SourceChoice.choose(view.data)
        switch source.loadOnce(cache: try view.cache(fallback: nil, for: source)) {
        case .success(let s): _ = update(&state, .snapshotLoaded(s))
        case .failure(let f):
            FileHandle.standardError.write(Data((f.printed(source: source.name) + "\n").utf8))
            throw ExitCode(1)
        }
        try view.place(&state)
        if let script = view.keys.flatMap(Key.script) { for k in script { _ = update(&state, .key(k)) } }
        let canvas = DashboardCore.render(state)
        print(styles ? canvas.textDump() : canvas.plainText)
    }
}

enum ISODate {
    static func parse(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        return f.date(from: s)
    }
}
