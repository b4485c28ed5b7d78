import CNcursesw
import DashboardCore
import Foundation
import Logging
import MeetingRoom
import SnapshotKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What the dashboard needs to run in a terminal.
public struct RunOptions {
    public var state: AppState
    public var themes: [Theme]
    public var colorOverride: Int?
    public var noColor: Bool
    public var forceASCII: Bool
    public var provider: SnapshotProvider
    /// Shown in the status bar at start (e.g. a broken theme or config file).
    public var startupNotes: [String]
    /// The Linux console's limited glyph set (TERM=linux).
    public var consoleGlyphs: Bool
    /// TERM, as read from the environment by the executable.
    public var term: String
    /// The event log, where a crash is noted too.
    public var logPath: String
    /// A meeting room's end (`--present`, `--follow`), if any.
    public var room: RoomLink?

    public init(state: AppState, themes: [Theme], colorOverride: Int?, noColor: Bool, forceASCII: Bool,
                provider: SnapshotProvider, startupNotes: [String] = [], consoleGlyphs: Bool = false, term: String = "",
                logPath: String = "/dev/null", room: RoomLink? = nil) {
        self.state = state; self.themes = themes; self.colorOverride = colorOverride; self.noColor = noColor
        self.forceASCII = forceASCII; self.provider = provider; self.startupNotes = startupNotes
        self.consoleGlyphs = consoleGlyphs
        self.term = term
        self.logPath = logPath
        self.room = room
    }
}

/// The run loop: read the clock once, turn what happened into events, `update`, draw, then
/// one `poll()` over the terminal, the signal pipe and the provider's descriptors until the
/// earliest of `nextWake(state)` and the provider's deadline. Nothing here decides what
/// happens at a time. It draws only when the frame changed, and exits at once when the
/// terminal goes away.
public enum DashboardLoop {
    public static func run(_ options: RunOptions) -> Int32 {
        let log = Logger(label: "cdsboard")
        cds_limit_malloc_arenas()
        let session: TerminalSession
        do {
            let crashLog = open(options.logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            session = try TerminalSession(term: options.term, colorOverride: options.colorOverride, noColor: options.noColor,
                                          forceASCII: options.forceASCII, crashLog: crashLog >= 0 ? crashLog : nil)
        } catch {
            log.error("no terminal", metadata: ["term": .string(options.term)])
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 2
        }
        var state = options.state
        state.ascii = state.ascii || !session.utf8
        state.consoleGlyphs = options.consoleGlyphs
        state.size = session.size
        state.notes = options.startupNotes + (session.fallbackNote.map { [$0] } ?? [])
        session.resize(to: state.size)
        let themeFor: (String) -> Theme = { name in options.themes.first { $0.name == name } ?? ThemeLoader.fallback }
        session.apply(themeFor(state.themeName))
        log.info("started", metadata: ["size": "\(session.size)", "utf8": "\(session.utf8)", "depth": "\(session.depth)",
                                       "kiosk": "\(options.state.kiosk != nil)"])
        if state.mouseEnabled { session.setMouse(true) }
        let provider = options.provider
        provider.start()

        var previous: Canvas?
        var exitCode: Int32 = 0
        var emptyReads = 0
        /// The file of the export arriving, once logged.
        var arrivingLogged: String?
        /// Set by the `.quit` effect: the loop ends after the pass.
        var quitting = false

        func apply(_ effects: [Effect]) {
            for effect in effects {
                switch effect {
                case .quit: quitting = true
                case .setMouse(let on): session.setMouse(on)
                case .redrawAll: session.invalidate(); previous = nil
                case .suspend:
                    session.suspend()
                    state.size = session.size
                    session.resize(to: state.size)
                    previous = nil
                case .applyTheme(let name):
                    session.apply(themeFor(name))
                    previous = nil
                case .reload: provider.reload()
                }
            }
        }

        let sigFD = cds_signals_install()
        // What happened since the last pass; the first pass has only the clock.
        var events: [Event] = []
        while true {
            // The clock, read once per pass; everything scheduled is decided by `update` and
            // `nextWake` from it.
            let now = Instant(wall: Date(), monotonic: monotonicNow())
            if let d = provider.deadline, now.monotonic >= d { provider.handleDeadline(now: now.monotonic) }
            if let room = options.room, let d = room.deadline, now.monotonic >= d { room.handleDeadline(now: now.monotonic) }
            events += provider.takeEvents().map { e in
                switch e {
                case .loaded(let s):
                    arrivingLogged = nil
                    log.info("snapshot loaded", metadata: ["units": "\(s.units.units.count)", "warnings": "\(s.warnings.count)"])
                    return .snapshotLoaded(s)
                case .refused(let f):
                    arrivingLogged = nil
                    // Location and count only: a message may quote a value from the file.
                    let where_ = f.first.file + (f.first.line.map { ":\($0)" } ?? "")
                    log.warning("snapshot refused", metadata: ["at": "\(where_)", "errors": "\(f.errorTotal)", "view": "\(state.route)"])
                    return .snapshotRefused(f)
                case .arriving(let file):
                    // The last good snapshot stays while the export's files arrive; the provider
                    // says so at every re-check (each second), the log once per arrival.
                    if arrivingLogged != file { log.info("export arriving", metadata: ["file": "\(file)"]) }
                    arrivingLogged = file
                    return .snapshotArriving(file)
                }
            }
            events += options.room?.takeEvents() ?? []
            let swapped = events.contains { if case .snapshotLoaded = $0 { return true } else { return false } }
            for e in [.tick(now)] + events { apply(update(&state, e)) }
            events.removeAll()
            if quitting { break }
            // A presenter sends where it looks when that changed (a follower sends nothing).
            if let room = options.room, room.publishes { room.publish(state.route, state.snapshot.map(SnapshotVersion.init)) }
            let canvas = render(state)
            if canvas != previous {
                session.present(canvas, previous: previous)
                previous = canvas
            }
            // After the frame: by then nothing holds the old snapshot or what was derived from
            // it (the events, the last frame's figures), so its memory can go back.
            if swapped { cds_trim_heap() }

            // Sleep until the state or the provider needs a tick, or something happens.
            let wake = [nextWake(state), provider.deadline, options.room?.deadline].compactMap { $0 }.min()
            let timeoutMs = wake.map { Int32(max(0, min(Double(Int32.max), ($0 - monotonicNow()) * 1000)).rounded(.up)) } ?? -1
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: sigFD, events: Int16(POLLIN), revents: 0)]
            for fd in provider.fileDescriptors { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let roomFirst = fds.count
            fds += options.room?.pollRequests ?? []
            let r = poll(&fds, nfds_t(fds.count), timeoutMs)
            if r < 0 && errno != EINTR { exitCode = 1; break }

            // Signals first: a hang-up ends everything.
            var sigs = [UInt8](repeating: 0, count: 64)
            let n = Int(cds_signals_drain(&sigs, 64))
            for sig in sigs.prefix(n) {
                switch Int32(sig) {
                case SIGWINCH:
                    let size = session.size
                    session.resize(to: size)
                    previous = nil
                    session.invalidate()
                    events.append(.resize(size))
                case SIGCONT:
                    session.invalidate(); previous = nil
                case SIGHUP:
                    events.append(.terminalClosed)
                default: // SIGTERM; SIGINT comes from outside (in raw mode Ctrl-C is a key)
                    events.append(.terminate)
                }
            }
            guard r > 0 else { continue }
            let tty = fds[0].revents
            if tty & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                events.append(.terminalClosed)
            } else if tty & Int16(POLLIN) != 0 {
                switch InputDecoder.drain(mouseEnabled: state.mouseEnabled) {
                case .lost: events.append(.terminalClosed)
                case .events(let keys, let read):
                    // Readable again and again with nothing to read: end of input (the link
                    // went away). Quit rather than spin. (Keys that make no event still count
                    // as read.)
                    emptyReads = read == 0 ? emptyReads + 1 : 0
                    events += keys
                    if emptyReads >= 3 { events.append(.terminalClosed) }
                }
            }
            for p in fds[2..<roomFirst] where p.revents != 0 { provider.handleReadable(p.fd) }
            for p in fds[roomFirst...] where p.revents != 0 { options.room?.handle(p.fd, revents: p.revents, now: monotonicNow()) }
        }
        provider.stop()
        options.room?.stop()
        session.restore()
        // Where the screen was, as `--view` takes it: a bug report that quotes the log can be replayed.
        log.info("stopped", metadata: ["code": "\(exitCode)", "view": "\(state.route)"])
        return exitCode
    }
}
