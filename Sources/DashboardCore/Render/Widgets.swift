import SnapshotKit

/// Small charts drawn into a canvas row.
public enum Widgets {
    /// A sparkline of `values`, one cell per value, scaled to the maximum.
    public static func sparkline(_ values: [Int], x: Int, y: Int, width: Int, role: Role, into c: inout Canvas) {
        let shown = Array(values.suffix(max(0, width)))
        // Scaled between the smallest and largest non-zero value, so that a series that
        // moves within 30% of its level still shows its shape; zero is the lowest bar.
        let nonZero = shown.filter { $0 > 0 }
        let lo = Double(nonZero.min() ?? 0) * 0.8
        let hi = Double(max(nonZero.max() ?? 1, 1))
        let sparks = c.glyphs.sparks
        for (k, v) in shown.enumerated() {
            let level = v <= 0 ? 0 : max(1, min(sparks.count - 1, Int(((Double(v) - lo) / max(hi - lo, 1) * Double(sparks.count - 1)).rounded())))
            c.put(sparks[level], width: 1, x: x + k, y: y, role: role)
        }
    }

    /// A sparkline of shares, scaled between the lowest and highest known (so a share that
    /// moves by a few points shows its shape); a month without data stays blank, never zero.
    public static func sparkline(shares values: [Double?], x: Int, y: Int, width: Int, role: Role, into c: inout Canvas) {
        let shown = Array(values.suffix(max(0, width)))
        let known = shown.compactMap { $0 }
        let lo = known.min() ?? 0, hi = known.max() ?? 1
        let sparks = c.glyphs.sparks
        for (k, v) in shown.enumerated() {
            guard let v else { continue }
            let level = hi > lo ? Int(((v - lo) / (hi - lo) * Double(sparks.count - 1)).rounded()) : (sparks.count - 1) / 2
            c.put(sparks[max(0, min(sparks.count - 1, level))], width: 1, x: x + k, y: y, role: role)
        }
    }

    /// A horizontal gauge of a share in [0, 1]: filled cells then empty ones.
    public static func gauge(_ share: Double?, x: Int, y: Int, width: Int, role: Role, into c: inout Canvas) {
        guard width > 0 else { return }
        let filled = Int(((share ?? 0) * Double(width)).rounded(.down))
        for k in 0..<width {
            c.put(k < filled ? c.glyphs.barFull : c.glyphs.barEmpty, width: 1, x: x + k, y: y,
                  role: k < filled ? role : .barEmpty)
        }
    }

    /// The symbol and role of a status against target: never colour alone.
    public static func mark(_ status: TargetStatus?, _ glyphs: Glyphs) -> (Character, Role)? {
        switch status {
        case .onTrack: return (glyphs.good, .good)
        case .atRisk: return (glyphs.warn, .warn)
        case .behind: return (glyphs.bad, .bad)
        case nil: return nil
        }
    }

    /// `short`: "Nguy cơ" for "Có nguy cơ không đạt", where the full words would cut the label.
    public static func statusLabel(_ status: TargetStatus?, _ s: Strings, short: Bool = false) -> String {
        switch status {
        case .onTrack: return s[.onTrack]
        case .atRisk: return s[short ? .atRiskShort : .atRisk]
        case .behind: return s[.behind]
        case nil: return ""
        }
    }

    /// Draws `label` left and `value` right-aligned within `width`; returns nothing.
    public static func labelValue(_ label: String, _ value: String, x: Int, y: Int, width: Int,
                                  labelRole: Role = .muted, valueRole: Role = .text, into c: inout Canvas) {
        let vw = DisplayWidth.of(value)
        c.write(label, x: x, y: y, role: labelRole, maxWidth: max(0, width - vw - 1))
        c.write(value, x: x, y: y, width: width, align: .right, role: valueRole)
    }

    /// Writes segments left to right; returns the column after the last one.
    @discardableResult
    public static func segments(_ parts: [(String, Role)], x: Int, y: Int, maxX: Int, into c: inout Canvas) -> Int {
        var col = x
        for (text, role) in parts where col < maxX {
            col += c.write(text, x: col, y: y, role: role, maxWidth: maxX - col)
        }
        return col
    }
}
