import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

extension SharedSnapshotCache {
    /// Whether `directory` is `export` or lies inside it, symbolic links resolved (parts of
    /// `directory` that do not exist yet are taken as written). A cache there writes into the
    /// export it watches: every entry or lock it writes changes the export, which is loaded
    /// again, and so on without end.
    public static func isInside(_ directory: String, export: String) -> Bool {
        guard let e = realpath(export, nil) else { return false }
        let exportPath = String(cString: e)
        free(e)
        let dir = resolved(directory)
        return dir == exportPath || dir.hasPrefix(exportPath == "/" ? "/" : exportPath + "/")
    }

    /// What to say when `directory` is inside `export`.
    public static func insideExport(_ directory: String, export: String) -> String {
        "the cache directory \(directory) is inside the export \(export) it caches (every entry or lock written there "
            + "would change the export, and so load it again, without end)"
    }

    /// `path` made absolute, with the links of its longest existing part resolved.
    private static func resolved(_ path: String) -> String {
        var head = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var tail: [String] = []
        while true {
            if let r = realpath(head, nil) {
                var out = String(cString: r)
                free(r)
                for part in tail.reversed() {
                    if part == "." || part.isEmpty { continue }
                    if part == ".." { out = (out as NSString).deletingLastPathComponent; continue }
                    out += (out.hasSuffix("/") ? "" : "/") + part
                }
                return out
            }
            let parent = (head as NSString).deletingLastPathComponent
            if parent == head || parent.isEmpty { return (path as NSString).standardizingPath }
            tail.append((head as NSString).lastPathComponent)
            head = parent
        }
    }
}
