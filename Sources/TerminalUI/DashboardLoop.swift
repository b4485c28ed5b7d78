import CNcursesw
import DashboardCore
import Foundation
import Logging
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

    public init(state: AppState, themes: [Theme], colorOverride: Int?, noColor: Bool, forceASCII: Bool,
                provider: SnapshotProvider, startupNotes: [String] = []) {
        self.state = state; self.themes = themes; self.colorOverride = colorOverride; self.noColor = noColor
        self.forceASCII = forceASCII; self.provider = provider; self.startupNotes = startupNotes
    }
}

/// The run loop: one `poll()` over the terminal, the signal pipe and the provider's
/// descriptors; its timeout is the time to the next deadline (clock minute, settle delay),
/// infinite when there is none. It draws only when the frame changed, and exits at once when
/// the terminal goes away.
public enum DashboardLoop {
    public static func run(_ options: RunOptions) -> Int32 {
        let log = Logger(label: "cdsboard")
        cds_limit_malloc_arenas()
        let session: TerminalSession
        do {
            session = try TerminalSession(colorOverride: options.colorOverride, noColor: options.noColor,
                                          forceASCII: options.forceASCII)
        } catch {
            log.error("no terminal", metadata: ["term": .string(ProcessInfo.processInfo.environment["TERM"] ?? "")])
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 2
        }
        var state = options.state
        state.ascii = state.ascii || !session.utf8
        state.consoleGlyphs = (ProcessInfo.processInfo.environment["TERM"] ?? "").hasPrefix("linux")
        state.size = session.size
        session.resize(to: state.size)
        let themeFor: (String) -> Theme = { name in options.themes.first { $0.name == name } ?? ThemeLoader.fallback }
        session.apply(themeFor(state.themeName))
        log.info("started", metadata: ["size": "\(session.size)", "utf8": "\(session.utf8)", "depth": "\(session.depth)",
                                       "kiosk": "\(options.state.kiosk != nil)"])
        if state.mouseEnabled { session.setMouse(true) }
        let provider = options.provider
        provider.start()

        var previous: Canvas?
        var notes = options.startupNotes
        if let n = session.fallbackNote { notes.append(n) }
        var exitCode: Int32 = 0
        var emptyReads = 0

        func draw() {
            var canvas = render(state)
            // Start-up notes (a broken theme or config, a TERM fallback), one per line at the
            // bottom, until the first key.
            if state.refusal == nil {
                for (k, note) in notes.prefix(3).reversed().enumerated() where canvas.size.height > k + 1 {
                    let y = canvas.size.height - 1 - k
                    canvas.fill(Rect(x: 0, y: y, width: canvas.size.width, height: 1), role: .warn)
                    canvas.write(" " + note, x: 0, y: y, role: .warn)
                }
            }
            if canvas != previous {
                session.present(canvas, previous: previous)
                previous = canvas
            }
        }

        func apply(_ effects: [Effect]) {
            for effect in effects {
                switch effect {
                case .quit: state.shouldQuit = true
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
                }
            }
        }

        state.now = Date()
        draw()
        let sigFD = cds_signals_install()
        while !state.shouldQuit {
            let now = monotonicNow()
            var deadline = provider.deadline
            let wall = Date().timeIntervalSince1970
            let nextTick = now + (state.showClock ? 60 - wall.truncatingRemainder(dividingBy: 60) : 3600 - wall.truncatingRemainder(dividingBy: 3600)) + 0.01
            deadline = min(deadline ?? nextTick, nextTick)
            if let due = state.kiosk?.due, state.kiosk?.paused == false {
                deadline = min(deadline!, now + max(0, due.timeIntervalSinceNow))
            }
            let timeoutMs = deadline.map { Int32(max(0, min(Double(Int32.max), ($0 - now) * 1000)).rounded(.up)) } ?? -1

            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: sigFD, events: Int16(POLLIN), revents: 0)]
            for fd in provider.fileDescriptors { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let r = poll(&fds, nfds_t(fds.count), timeoutMs)
            if r < 0 && errno != EINTR { exitCode = 1; break }

            var events: [Event] = []
            // Signals first: a hang-up ends everything.
            var sigs = [UInt8](repeating: 0, count: 64)
            let n = Int(cds_signals_drain(&sigs, 64))
            for s in sigs.prefix(n) {
                switch Int32(s) {
                case SIGWINCH:
                    let size = session.size
                    session.resize(to: size)
                    previous = nil
                    session.invalidate()
                    events.append(.resize(size))
                case SIGCONT:
                    session.invalidate(); previous = nil
                case SIGINT:
                    // In raw mode Ctrl-C is a key; a SIGINT comes from outside (kill -INT).
                    state.shouldQuit = true
                default: // SIGTERM, SIGHUP
                    state.shouldQuit = true
                }
            }
            if state.shouldQuit { break }
            if r > 0 {
                let tty = fds[0].revents
                if tty & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { break }
                if tty & Int16(POLLIN) != 0 {
                    switch InputDecoder.drain(mouseEnabled: state.mouseEnabled) {
                    case .lost: state.shouldQuit = true
                    case .events(let keys, let read):
                        // Readable again and again with nothing to read: end of input (the link
                        // went away). Quit rather than spin. (Keys that make no event still count
                        // as read.)
                        emptyReads = read == 0 ? emptyReads + 1 : 0
                        if emptyReads >= 3 { state.shouldQuit = true }
                        events += keys
                        if !keys.isEmpty { notes.removeAll() }
                    }
                }
                for p in fds.dropFirst(2) where p.revents != 0 { provider.handleReadable(p.fd) }
            }
            if state.shouldQuit { break }
            let after = monotonicNow()
            if let d = provider.deadline, after >= d { provider.handleDeadline(now: after) }
            for e in provider.takeEvents() {
                switch e {
                case .loaded(let s):
                    log.info("snapshot loaded", metadata: ["units": "\(s.units.units.count)", "warnings": "\(s.warnings.count)"])
                    events.append(.snapshotLoaded(s))
                case .refused(let f):
                    // Location and count only: a message may quote a value from the file.
                    let where_ = f.first.file + (f.first.line.map { ":\($0)" } ?? "")
                    log.warning("snapshot refused", metadata: ["at": "\(where_)", "errors": "\(f.errors.count)"])
                    events.append(.snapshotRefused(f))
                }
            }
            let kioskDue = state.kiosk.map { k in k.due.map { Date() >= $0 } ?? true } ?? false
            if after >= nextTick - 0.01 || !events.isEmpty || kioskDue { events.append(.tick(Date())) }
            for e in events { apply(update(&state, e)) }
            let swapped = events.contains(where: { if case .snapshotLoaded = $0 { return true } else { return false } })
            events.removeAll()
            if state.shouldQuit { break }
            draw()
            // After the frame: by then nothing holds the old snapshot or what was derived from
            // it (the events, the last frame's figures), so its memory can go back.
            if swapped { cds_trim_heap() }
        }
        provider.stop()
        session.restore()
        log.info("stopped", metadata: ["code": "\(exitCode)"])
        return exitCode
    }
}
