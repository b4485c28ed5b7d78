import TOMLKit

/// `$XDG_CONFIG_HOME/cdsboard/config.toml` (or `~/.config/cdsboard/config.toml`):
///
///     theme = "high-contrast"
///     language = "vi"
///     clock = true
///     mouse = false
///     flat_list = false           # two-tier provinces: open on the flat list of communes
///     stale_after_days = 45
///     cache_dir = "/var/cache/cdsboard"   # shared by the viewers of one account; "" = no cache
///     room = "giao-ban"           # the meeting room of --present / --follow
///     room_dir = "/run/cdsboard"  # a group-writable directory for rooms of several accounts
///
///     [keys]                      # rebind by action name (see `cdsboard keys`)
///     move_down = ["j", "Down"]
///     quit = "x"
///
/// Flags override it. A broken file is reported with its line and ignored. Pure: the edge
/// reads the file (`Config.load` in the executable).
public struct Config: Sendable {
    public var theme: String?
    public var language: Language?
    public var clock = true
    public var mouse = false
    /// Two-tier provinces: open on the flat list of all communes rather than by former district.
    public var flatList = false
    public var staleAfterDays: Double = Staleness.defaultAfter / 86400
    /// Where viewers share loaded snapshots: nil = the default (`$XDG_CACHE_HOME/cdsboard`), "" = none.
    public var cacheDirectory: String?
    /// The meeting room `--present` and `--follow` use when `--room` names none.
    public var room: String?
    /// Where rooms' sockets are, for viewers of several accounts (else `$XDG_RUNTIME_DIR/cdsboard`).
    public var roomDirectory: String?
    /// Kiosk: seconds per screen, the playlist, and whether `q` may quit.
    public var kioskInterval: Double = 20
    public var kioskPlaylist: [String] = KioskState.defaultParts
    public var kioskAllowQuit = false
    /// The key bindings, with the file's `[keys]` applied.
    public var keymap = Keymap.standard
    /// Set when the file could not be used; the defaults apply.
    public var problem: ConfigError?

    public init() {}

    /// Parses the text of a config file; a problem leaves every setting at its default.
    public static func parse(_ text: String, path: String) -> Config {
        var c = Config()
        do {
            let t = try TOMLTable(string: text)
            var parsed = Config()
            for key in t.keys {
                switch key {
                case "theme": parsed.theme = try string(t, key, path, text)
                case "language":
                    guard let l = Language(rawValue: try string(t, key, path, text)) else {
                        throw ConfigError(file: path, line: line(key, text), message: "language must be vi or en")
                    }
                    parsed.language = l
                case "clock": parsed.clock = try bool(t, key, path, text)
                case "mouse": parsed.mouse = try bool(t, key, path, text)
                case "flat_list": parsed.flatList = try bool(t, key, path, text)
                case "cache_dir": parsed.cacheDirectory = try string(t, key, path, text)
                case "room":
                    let r = try string(t, key, path, text)
                    guard !r.isEmpty, r.count <= 40, r.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                        throw ConfigError(file: path, line: line(key, text), message: "room: letters, digits, - and _ (at most 40)")
                    }
                    parsed.room = r
                case "room_dir": parsed.roomDirectory = try string(t, key, path, text)
                case "stale_after_days":
                    guard let d = t[key]?.double ?? t[key]?.int.map(Double.init), d > 0, d <= 36_500 else {
                        throw ConfigError(file: path, line: line(key, text), message: "stale_after_days must be a number of days, 1 to 36500")
                    }
                    parsed.staleAfterDays = d
                case "kiosk_interval_seconds":
                    guard let d = t[key]?.double ?? t[key]?.int.map(Double.init), d >= 1, d <= 86_400 else {
                        throw ConfigError(file: path, line: line(key, text), message: "kiosk_interval_seconds must be a number from 1 to 86400")
                    }
                    parsed.kioskInterval = d
                case "kiosk_playlist":
                    guard let a = t[key]?.array else {
                        throw ConfigError(file: path, line: line(key, text), message: "kiosk_playlist must be a list of strings")
                    }
                    var parts: [String] = []
                    for i in 0..<a.count {
                        guard let v = a[i].string, KioskState.isValidPart(v) else {
                            throw ConfigError(file: path, line: line(key, text),
                                              message: "kiosk_playlist: items are \(KioskState.validParts())")
                        }
                        parts.append(v)
                    }
                    parsed.kioskPlaylist = parts
                case "kiosk_allow_quit": parsed.kioskAllowQuit = try bool(t, key, path, text)
                case "keys":
                    guard let table = t[key]?.table else {
                        throw ConfigError(file: path, line: line(key, text), message: "keys must be a table: [keys]")
                    }
                    for name in table.keys.sorted() {
                        let names = table[name]?.string.map { [$0] } ?? table[name]?.array.map { a in (0..<a.count).compactMap { a[$0].string } }
                        guard let names, let keys = Optional(names.compactMap(Key.named)), keys.count == names.count else {
                            throw ConfigError(file: path, line: line(name, text),
                                              message: "\(name): keys are names such as \"j\", \"Down\", \"C-l\", \"Space\" (one, or a list)")
                        }
                        if let problem = parsed.keymap.rebind(name, to: keys) {
                            throw ConfigError(file: path, line: line(name, text), message: problem)
                        }
                    }
                default:
                    throw ConfigError(file: path, line: line(key, text), message: "unknown setting \"\(key)\"")
                }
            }
            return parsed
        } catch let e as TOMLParseError {
            c.problem = ConfigError(file: path, line: e.source.begin.line, message: "invalid TOML: \(e.description)")
        } catch let e as ConfigError {
            c.problem = e
        } catch {
            c.problem = ConfigError(file: path, line: nil, message: "\(error)")
        }
        return c
    }

    private static func string(_ t: TOMLTable, _ k: String, _ path: String, _ text: String) throws -> String {
        guard let v = t[k]?.string else { throw ConfigError(file: path, line: line(k, text), message: "\(k) must be a string") }
        return v
    }

    private static func bool(_ t: TOMLTable, _ k: String, _ path: String, _ text: String) throws -> Bool {
        guard let v = t[k]?.bool else { throw ConfigError(file: path, line: line(k, text), message: "\(k) must be true or false") }
        return v
    }

    private static func line(_ key: String, _ text: String) -> Int? {
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where l.trimmingCharacters(in: .whitespaces).hasPrefix(key) { return i + 1 }
        return nil
    }
}
