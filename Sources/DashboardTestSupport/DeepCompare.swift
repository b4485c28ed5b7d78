import Foundation

/// Every stored property of two values compared by reflection, recursively (private ones
/// too): the paths where they differ. For round trips through a format that lists the
/// properties by hand (the shared cache), so that a property added and forgotten is found.
///
/// Leaves compare by their description; dictionaries and sets by their sorted entries;
/// `custom` decides for a value it recognises (e.g. memory compared by content, not address).
public func deepDifferences(_ a: Any, _ b: Any, path: String = "", limit: Int = 20,
                            custom: (Any, Any) -> Bool? = { _, _ in nil }) -> [String] {
    var out: [String] = []
    func walk(_ a: Any, _ b: Any, _ path: String) {
        guard out.count < limit else { return }
        if let same = custom(a, b) {
            if !same { out.append(path + ": differs") }
            return
        }
        let ma = Mirror(reflecting: a), mb = Mirror(reflecting: b)
        guard "\(ma.subjectType)" == "\(mb.subjectType)" else { out.append(path + ": \(ma.subjectType) vs \(mb.subjectType)"); return }
        switch ma.displayStyle {
        case .dictionary?, .set?:
            let ea = ma.children.map { "\($0.value)" }.sorted(), eb = mb.children.map { "\($0.value)" }.sorted()
            if ea != eb { out.append(path + ": entries differ") }
        case .optional?:
            switch (ma.children.first, mb.children.first) {
            case (nil, nil): break
            case (let x?, let y?): walk(x.value, y.value, path)
            default: out.append(path + ": nil vs a value")
            }
        default:
            let ca = Array(ma.children), cb = Array(mb.children)
            if ca.isEmpty, cb.isEmpty {
                if "\(a)" != "\(b)" { out.append(path + ": \(a) vs \(b)") }
                return
            }
            guard ca.count == cb.count else { out.append(path + ": \(ca.count) vs \(cb.count) children"); return }
            for (k, (x, y)) in zip(ca, cb).enumerated() { walk(x.value, y.value, path + "." + (x.label ?? "[\(k)]")) }
        }
    }
    walk(a, b, path)
    return out
}
