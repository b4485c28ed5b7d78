import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit
import TerminalUI
import Logging

/// `cdsboard [--data DIR]`: the live dashboard.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the dashboard (the default command).")

    @OptionGroup var view: ViewOptions

    @OptionGroup(title: "Meeting room") var meeting: RoomOptions

    @Option(help: "Limit colours: 8, 16 or 256 (default: what the terminal reports; NO_COLOR set = none).")
    var colors: Int?

    @Flag(help: "Enable the mouse from the start (off by default so text can be copied).")
    var mouse = false

    @Flag(help: "Watch the directory by polling instead of inotify.")
    var poll = false

    func validate() throws {
        if let colors, ![8, 16, 256].contains(colors) { throw ValidationError("--colors must be 8, 16 or 256") }
    }

    func run() throws {
        let logPath = FileLogHandler.path(environment: Environment.values, home: NSHomeDirectory())
        LoggingSystem.bootstrap { label in
            FileLogHandler(label: label, path: logPath).map { $0 as LogHandler } ?? SwiftLogNoOpLogHandler()
        }
        // From here a crash (in the first load too) is noted in the log, not shown on the screen.
        CrashGuard.install(logPath: logPath)
        let config = Config.load()
        if let p = config.problem, view.kiosk { FileHandle.standardError.write(Data("\(p) — ignored\n".utf8)) }
        var state = view.initialState(config: config)
        if mouse { state.mouseEnabled = true }
        let log = Logger(label: "cdsboard")
        // The room first: a second presenter is refused before anything loads.
        let room = try meeting.link(config: config, environment: Environment.values)
        if let (_, presence) = room {
            state.presence = presence
            log.info("meeting room", metadata: ["room": "\(meeting.room ?? config.room ?? "default")", "role": "\(meeting.present ? "presenter" : "follower")"])
        }
        let source = try SourceChoice.choose(view.data)
        let cache = try view.cache(fallback: config.cacheDirectory ?? SharedSnapshotCache.defaultDirectory(environment: Environment.values),
                                   for: source)
        let quarantine = Self.quarantine(strings: state.strings)
        // What the runtime prints if the first load dies goes to the log too.
        CrashGuard.quietStandardError(true)
        let (provider, first) = source.provider(poll: poll, cache: cache, quarantine: quarantine) { use, notes in
            for n in notes { log.warning("shared cache", metadata: ["why": "\(n)"]) }
            log.info("snapshot load", metadata: ["cache": "\(use)"])
        }
        CrashGuard.quietStandardError(false)
        for event in first {
            switch event {
            case .loaded(let s): _ = update(&state, .snapshotLoaded(s))
            case .refused(let f): _ = update(&state, .snapshotRefused(f))
            case .arriving(let file): _ = update(&state, .snapshotArriving(file))
            }
        }
        try view.place(&state)
        if let script = view.keys.flatMap(Key.script) { for k in script { _ = update(&state, .key(k)) } }
        let (themes, problems, quiet) = ThemeDirectories.load(state.themeNames)
        for q in quiet { log.warning("theme unavailable", metadata: ["why": "\(q)"]) }
        var notes = problems
        if let d = provider.degradation {
            notes.append(d)
            Logger(label: "cdsboard").warning("watch degraded", metadata: ["why": "\(d)"])
        }
        if let p = config.problem { notes.append("\(p) — ignored") }
        let env = Environment.values
        let options = RunOptions(state: state, themes: themes, colorOverride: colors, noColor: !(env["NO_COLOR"] ?? "").isEmpty,
                                 forceASCII: view.ascii, provider: provider, startupNotes: notes,
                                 consoleGlyphs: (env["TERM"] ?? "").hasPrefix("linux"), term: env["TERM"] ?? "",
                                 logPath: logPath, room: room?.0)
        let code = DashboardLoop.run(options)
        if code != 0 { throw ExitCode(code) }
    }

    /// Where crashes on an export are remembered (the account's state directory), with the
    /// refusal in the interface's language; nil (loads unguarded) if it cannot be made.
    static func quarantine(strings s: Strings) -> ExportQuarantine? {
        let dir = ExportQuarantine.defaultDirectory(environment: Environment.values, home: NSHomeDirectory())
        let q = ExportQuarantine(directory: dir) { signal in
            "\(s[.crashedOnExport]) (\(signalName(signal))); \(s[.setAsideUntilNew])"
        }
        q?.onLoading = { what, mark in CrashGuard.loading(what, mark: mark) }
        if q == nil { Logger(label: "cdsboard").warning("no crash memory", metadata: ["dir": "\(dir)"]) }
        return q
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
                                      SIGFPE: "SIGFPE", SIGSEGV: "SIGSEGV", SIGSYS: "SIGSYS"]
        return names[signal] ?? "signal \(signal)"
    }
}
