import Foundation

/// The layouts known to an import: the shipped ones, those of the user's layout folder
/// (`$XDG_CONFIG_HOME/cdsboard/layouts/*.toml`, else `~/.config/…`; one with a shipped `id`
/// replaces it), or the one file given with `--layout`.
public struct LayoutCatalog: Sendable {
    public var layouts: [Layout]

    public init(layouts: [Layout]) { self.layouts = layouts }

    /// The shipped layouts (each parses: a test holds it).
    public static func shipped() -> LayoutCatalog {
        LayoutCatalog(layouts: ShippedLayouts.all.map { try! Layout.parse($0.toml, source: "shipped " + $0.name) })
    }

    /// The user's folder for `environment` (`XDG_CONFIG_HOME`, `HOME`).
    public static func userFolder(environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/cdsboard/layouts" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/cdsboard/layouts" }
        return nil
    }

    /// The shipped layouts with the user's folder over them; a broken user layout refuses the
    /// import (it was meant to be used).
    public static func load(environment: [String: String], layoutFile: String? = nil) throws(ImportError) -> LayoutCatalog {
        if let layoutFile {
            guard let data = FileManager.default.contents(atPath: layoutFile) else {
                throw ImportError(file: layoutFile, "cannot be read (missing, or no permission)")
            }
            return LayoutCatalog(layouts: [try Layout.parse(String(decoding: data, as: UTF8.self), source: layoutFile)])
        }
        var catalog = shipped()
        guard let dir = userFolder(environment: environment),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return catalog }
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = dir + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let layout = try Layout.parse(String(decoding: data, as: UTF8.self), source: path)
            if let i = catalog.layouts.firstIndex(where: { $0.id == layout.id }) { catalog.layouts[i] = layout } else { catalog.layouts.append(layout) }
        }
        return catalog
    }

    /// The best fit over the sheets (or the one named): the layout mapping the most fields;
    /// otherwise every miss, for the refusal.
    public func detect(in sheets: [Sheet]) -> Result<LayoutMatch, LayoutMatch.Misses> {
        var best: LayoutMatch?
        var misses: [LayoutMatch.Miss] = []
        for sheet in sheets {
            for layout in layouts {
                switch LayoutMatch.fit(layout, to: sheet) {
                case .success(let m): if best == nil || m.columns.count > best!.columns.count { best = m }
                case .failure(let miss): misses.append(miss)
                }
            }
        }
        if let best { return .success(best) }
        return .failure(LayoutMatch.Misses(all: misses))
    }
}
