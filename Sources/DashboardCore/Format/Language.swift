/// Interface language. Vietnamese is the default.
public enum Language: String, CaseIterable, Sendable {
    case vi, en

    /// From `--lang`, else from `LC_ALL`/`LC_MESSAGES`/`LANG` (`en_*` → English), else Vietnamese.
    public static func from(environment env: [String: String]) -> Language {
        for key in ["CDSBOARD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty {
                if v.hasPrefix("en") { return .en }
                if v.hasPrefix("vi") { return .vi }
                if key == "CDSBOARD_LANG" { continue }
                return .vi
            }
        }
        return .vi
    }
}
