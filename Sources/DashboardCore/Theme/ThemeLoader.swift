import TOMLKit

/// A theme or config file that could not be used, located as `file:line`.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { file + (line.map { ":\($0)" } ?? "") + ": " + message }
}

/// Reads theme files: TOML with a `[roles]` table of `role = { fg, bg, bold, underline, reverse }`.
public enum ThemeLoader {
    public static let builtInNames = ["default", "light", "high-contrast", "mono"]

    public static func parse(_ text: String, name: String, file: String) throws(ConfigError) -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, message: "invalid TOML: \(e.description)")
        } catch { throw ConfigError(file: file, line: nil, message: "invalid TOML") }
        guard let roles = table["roles"]?.table else {
            throw ConfigError(file: file, line: lineOf("[roles]", in: text), message: "missing [roles] table")
        }
        var styles: [Role: RoleStyle] = [:]
        for key in roles.keys {
            guard let role = Role(rawValue: key) else {
                throw ConfigError(file: file, line: lineOf(key, in: text),
                                  message: "unknown role \"\(key)\" (known: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let t = roles[key]?.table else {
                throw ConfigError(file: file, line: lineOf(key, in: text), message: "role \(key) must be a table { fg = …, bg = … }")
            }
            var style = RoleStyle()
            for attr in t.keys {
                switch attr {
                case "fg", "bg":
                    guard let v = t[attr]?.string ?? t[attr]?.int.map(String.init), let c = ThemeColor(parsing: v) else {
                        throw ConfigError(file: file, line: lineOf(key, in: text),
                                          message: "role \(key): \(attr) is not a colour (default, red, bright-red, 0-255 or #rrggbb)")
                    }
                    if attr == "fg" { style.fg = c } else { style.bg = c }
                case "bold", "underline", "reverse":
                    guard let b = t[attr]?.bool else {
                        throw ConfigError(file: file, line: lineOf(key, in: text), message: "role \(key): \(attr) must be true or false")
                    }
                    if attr == "bold" { style.bold = b } else if attr == "underline" { style.underline = b } else { style.reverse = b }
                default:
                    throw ConfigError(file: file, line: lineOf(key, in: text), message: "role \(key): unknown attribute \(attr)")
                }
            }
            styles[role] = style
        }
        return Theme(name: table["name"]?.string ?? name, styles: styles)
    }

    /// The line of the first occurrence of `needle` as a key, for error messages.
    static func lineOf(_ needle: String, in text: String) -> Int? {
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix(needle) { return k + 1 }
        }
        return nil
    }

    /// What reading a file gave: the core reads nothing itself, the edge passes a reader.
    public enum FileText: Sendable {
        case missing, unreadable
        case text(String)
    }

    /// `--theme NAME|PATH`: a file path, or a name looked up in `directories`, read with `read`.
    public static func load(_ nameOrPath: String, directories: [String],
                            read: (String) -> FileText) throws(ConfigError) -> Theme {
        var candidates: [String] = []
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { candidates.append(nameOrPath) }
        else { candidates = directories.map { $0 + "/" + nameOrPath + ".toml" } }
        for path in candidates {
            switch read(path) {
            case .missing: continue
            case .unreadable: throw ConfigError(file: path, line: nil, message: "cannot read the file (or it is not UTF-8)")
            case .text(let text): return try parse(text, name: nameOrPath, file: path)
            }
        }
        if nameOrPath == "default" { return fallback }
        throw ConfigError(file: nameOrPath, line: nil, message: "theme not found (looked in \(directories.joined(separator: ", ")))")
    }

    /// Used when no theme file can be read: the default dark theme, built in.
    public static let fallback = Theme(name: "default", styles: [
        .background: RoleStyle(),
        .text: RoleStyle(fg: .ansi(7)),
        .muted: RoleStyle(fg: .indexed(246)),
        .accent: RoleStyle(fg: .ansi(14), bold: true),
        .border: RoleStyle(fg: .indexed(242)),
        .title: RoleStyle(fg: .ansi(15), bold: true),
        .header: RoleStyle(fg: .ansi(15), bg: .indexed(236)),
        .selection: RoleStyle(fg: .ansi(0), bg: .ansi(6)),
        .status: RoleStyle(fg: .ansi(7), bg: .ansi(0)),
        .statusKey: RoleStyle(fg: .ansi(15), bg: .ansi(0), bold: true),
        .good: RoleStyle(fg: .ansi(10)),
        .warn: RoleStyle(fg: .ansi(11), bold: true),
        .bad: RoleStyle(fg: .ansi(9), bold: true),
        .stale: RoleStyle(fg: .ansi(0), bg: .ansi(11), bold: true),
        .error: RoleStyle(fg: .ansi(15), bg: .ansi(1), bold: true),
        .chart1: RoleStyle(fg: .indexed(74)),
        .chart2: RoleStyle(fg: .indexed(140)),
        .chart3: RoleStyle(fg: .indexed(108)),
        .chart4: RoleStyle(fg: .indexed(179)),
        .barEmpty: RoleStyle(fg: .indexed(242)),
        .bigDigits: RoleStyle(fg: .ansi(15), bold: true),
        .map1: RoleStyle(fg: .indexed(61)),
        .map2: RoleStyle(fg: .indexed(67)),
        .map3: RoleStyle(fg: .indexed(73)),
        .map4: RoleStyle(fg: .indexed(114)),
        .map5: RoleStyle(fg: .indexed(229)),
    ])
}
