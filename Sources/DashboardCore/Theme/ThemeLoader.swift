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

    /// `--theme NAME|PATH`: a file path, or a name looked up in `directories`, read with `read`,
    /// else one of the built-in themes.
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
        // The built-in themes need no folder: a binary installed alone looks the same.
        if let theme = builtIn(nameOrPath) { return theme }
        throw ConfigError(file: nameOrPath, line: nil, message: "theme not found (looked in \(directories.joined(separator: ", ")))")
    }

    /// A theme built into the binary (`default`, `light`, `high-contrast`, `mono`), nil for
    /// any other name.
    public static func builtIn(_ name: String) -> Theme? {
        guard let text = BuiltInThemes.sources[name] else { return nil }
        return try? parse(text + "\n", name: name, file: "(built-in) \(name).toml")
    }

    /// The default dark theme, built in: used when a theme cannot be had.
    public static let fallback: Theme = builtIn("default")!
}
