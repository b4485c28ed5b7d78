import DashboardCore
import Foundation

/// Reading the config file: the edge's half of `Config` (the parser is pure).
extension Config {
    static func defaultPath(environment env: [String: String]) -> String {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return base + "/cdsboard/config.toml"
    }

    static func load(environment env: [String: String] = Environment.values) -> Config {
        let path = defaultPath(environment: env)
        var c = Config()
        guard FileManager.default.fileExists(atPath: path) else { return c }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            c.problem = ConfigError(file: path, line: nil, message: "cannot read the file")
            return c
        }
        return parse(text, path: path)
    }
}
