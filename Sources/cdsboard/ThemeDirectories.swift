import DashboardCore
import Foundation

/// Where themes are looked up by name: the user's config folder, then `Themes/` of the
/// repository (working directory or beside the binary), then the installed copy; the
/// built-in themes need none of them.
enum ThemeDirectories {
    static var all: [String] {
        var dirs = [(Config.defaultPath(environment: Environment.values) as NSString).deletingLastPathComponent + "/themes",
                    FileManager.default.currentDirectoryPath + "/Themes"]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 { dirs.append(dir.path + "/Themes"); dir = dir.deletingLastPathComponent() }
        return dirs + ["/usr/local/share/cdsboard/themes", "/usr/share/cdsboard/themes"]
    }

    static func read(_ path: String) -> ThemeLoader.FileText {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .unreadable
        }
        return .text(text)
    }

    /// Loads the themes named in `names`; a broken one is replaced by the default. Only the
    /// first (the one asked for, by `--theme` or the config) is reported on screen (`problems`);
    /// the others (those `t` cycles through) only go to the log (`quiet`), since nobody asked.
    static func load(_ names: [String]) -> (themes: [Theme], problems: [String], quiet: [String]) {
        var themes: [Theme] = []
        var problems: [String] = []
        var quiet: [String] = []
        for (k, name) in names.enumerated() {
            do {
                var t = try ThemeLoader.load(name, directories: all, read: read)
                t.name = name
                themes.append(t)
            } catch {
                if k == 0 { problems.append("\(error) — using the default theme") } else { quiet.append("\(error)") }
                var t = ThemeLoader.fallback
                t.name = name
                themes.append(t)
            }
        }
        return (themes, problems, quiet)
    }
}
