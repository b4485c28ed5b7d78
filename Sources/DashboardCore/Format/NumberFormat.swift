import SnapshotKit

/// Numbers, shares, money and dates the way each language writes them:
/// `143.000`, `87,3%`, `7,1 nghìn tỷ đồng`, `30/06/2024` in Vietnamese;
/// `143,000`, `87.3%`, `7.1 trillion VND`, `2024-06-30` in English.
public struct NumberFormat: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    var groupSeparator: Character { language == .vi ? "." : "," }
    var decimalSeparator: Character { language == .vi ? "," : "." }

    /// `143.218` / `143,218`
    public func integer(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(groupSeparator) }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A decimal with `places` digits after the separator: `87,3`.
    public func decimal(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled) - whole * Int(scale)
        var s = integer(whole)
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            s += String(decimalSeparator) + f
        }
        return (x < 0 && scaled > 0 ? "-" : "") + s
    }

    /// A share in [0, 1] as a percentage: `87,3%`; `—` when unknown.
    public func percent(_ share: Double?, places: Int = 1) -> String {
        guard let share else { return "—" }
        return decimal(share * 100, places: places) + "%"
    }

    /// A change as `▲ 8,2%`, `▼ 3,0%` or `= 0,0%`, with the symbols of `glyphs`.
    public func change(_ ratio: Double?, glyphs: Glyphs) -> String {
        guard let r = ratio, r.isFinite else { return "—" }
        let pct = r * 100
        let shown = decimal(abs(pct), places: 1)
        if shown == decimal(0, places: 1) { return "\(glyphs.flat) \(shown)%" }
        return "\(pct > 0 ? glyphs.up : glyphs.down) \(shown)%"
    }

    /// A share's change in percentage points: `▲ 3,3 điểm %` / `▲ 3.3 pts` (`= 0,0 điểm %`).
    public func pointsChange(_ difference: Double?, glyphs: Glyphs) -> String {
        guard let d = difference, d.isFinite else { return "—" }
        let shown = decimal(abs(d * 100), places: 1)
        let sign = shown == decimal(0, places: 1) ? glyphs.flat : (d > 0 ? glyphs.up : glyphs.down)
        return "\(sign) \(shown) \(pointsUnit)"
    }

    /// A share's change in points for tables and reports: `+3,3 điểm`, `−0,4 pts`, `—`.
    public func signedPoints(_ difference: Double?) -> String {
        guard let d = difference, d.isFinite else { return "—" }
        let shown = decimal(abs(d * 100), places: 1)
        let sign = shown == decimal(0, places: 1) ? "" : (d > 0 ? "+" : "−")
        return "\(sign)\(shown) \(language == .vi ? "điểm" : "pts")"
    }

    /// Percentage points: `điểm %` (điểm phần trăm) / `pts`.
    public var pointsUnit: String { language == .vi ? "điểm %" : "pts" }

    /// A change as a signed percentage for tables and reports: `+8,2%`, `−3,0%`, `—` when unknown.
    public func signedPercent(_ ratio: Double?) -> String {
        guard let r = ratio, r.isFinite else { return "—" }
        let shown = decimal(abs(r * 100), places: 1)
        if shown == decimal(0, places: 1) { return shown + "%" }
        return (r > 0 ? "+" : "−") + shown + "%"
    }

    /// Money given in million VND: `7,1 nghìn tỷ đồng`, `455 tỷ đồng`, `820 triệu đồng`.
    public func money(millionVND m: Int) -> String {
        let x = Double(m)
        switch (language, m) {
        case (.vi, 1_000_000...): return decimal(x / 1_000_000, places: 1) + " nghìn tỷ đồng"
        case (.vi, 1_000...): return integer(Int((x / 1_000).rounded())) + " tỷ đồng"
        case (.vi, _): return integer(m) + " triệu đồng"
        case (.en, 1_000_000...): return decimal(x / 1_000_000, places: 1) + " trillion VND"
        case (.en, 1_000...): return integer(Int((x / 1_000).rounded())) + " billion VND"
        case (.en, _): return integer(m) + " million VND"
        }
    }

    /// Short money for tables: `7,1 nghìn tỷ` / `7.1 tn`.
    public func moneyShort(millionVND m: Int) -> String {
        let x = Double(m)
        if m >= 1_000_000 { return decimal(x / 1_000_000, places: 1) + (language == .vi ? " nghìn tỷ" : " tn") }
        if m >= 1_000 { return integer(Int((x / 1_000).rounded())) + (language == .vi ? " tỷ" : " bn") }
        return integer(m) + (language == .vi ? " tr" : " m")
    }

    /// Large counts compactly: `3,0 triệu` / `3.0 M`, below a million as integers.
    public func compact(_ n: Int) -> String {
        if n >= 1_000_000 { return decimal(Double(n) / 1_000_000, places: 1) + (language == .vi ? " triệu" : " M") }
        return integer(n)
    }

    /// `30/06/2024` / `2024-06-30`
    public func date(_ d: Day) -> String {
        let c = d.components
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return language == .vi ? "\(p(c.day))/\(p(c.month))/\(c.year)" : d.description
    }

    /// The data time in the administration's words: `Số liệu cập nhật đến 08:00 ngày 05/07/2024`
    /// / `Data as of 2024-07-05 08:00`.
    public func dataTimeOfficial(secondsSince1970 t: Int, utcOffset: Int) -> String {
        let full = dateTime(secondsSince1970: t, utcOffset: utcOffset)
        guard language == .vi, let space = full.firstIndex(of: " ") else { return "Data as of " + full }
        return "Số liệu cập nhật đến \(full[full.index(after: space)...]) ngày \(full[..<space])"
    }

    /// `05/07/2024 08:00` / `2024-07-05 08:00`, in the offset the time was written with.
    public func dateTime(secondsSince1970 t: Int, utcOffset: Int) -> String {
        let local = t + utcOffset
        let day = Day(number: Int((Double(local) / 86400).rounded(.down)))
        return date(day) + " " + Self.clock(secondsSince1970: t, utcOffset: utcOffset)
    }

    /// `08:00`: the time of day at `utcOffset` (the same in both languages); the header's and
    /// the kiosk's clock.
    public static func clock(secondsSince1970 t: Int, utcOffset: Int) -> String {
        let secs = ((t + utcOffset) % 86400 + 86400) % 86400
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return p(secs / 3600) + ":" + p(secs % 3600 / 60)
    }

    /// The administration's names: `Quý II/2024`, `Tháng 6/2024`, `Năm 2024` (vi) /
    /// `Q2 2024`, `Jun 2024`, `2024` (en).
    public func period(_ p: Period) -> String {
        switch (p, language) {
        case (.month(let m), .vi): return "Tháng \(m.month)/\(m.year)"
        case (.month(let m), .en): return Self.monthsEN[m.month - 1] + " \(m.year)"
        case (.quarter(let y, let q), .vi): return "Quý \(["I", "II", "III", "IV"][q - 1])/\(y)"
        case (.quarter(let y, let q), .en): return "Q\(q) \(y)"
        case (.year(let y), .vi): return "Năm \(y)"
        case (.year(let y), .en): return "\(y)"
        }
    }

    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A period as far as the data holds it: the period's name when whole; when partial,
    /// `6 tháng đầu năm 2024` / `Jan–Jun 2024` for a year's first whole months, else the name and
    /// `lũy kế đến 05/07/2024` / `to 2024-07-05`.
    public func span(_ s: Span) -> String {
        guard s.isPartial, !s.isEmpty else { return period(s.period) }
        let wholeMonths = s.endDay == s.lastMonth.lastDay
        if case .year(let y) = s.period, wholeMonths, s.monthCount > 0 {
            return language == .vi ? "\(s.monthCount) tháng đầu năm \(y)"
                : (s.monthCount == 1 ? "Jan \(y)" : "Jan–\(Self.monthsEN[s.monthCount - 1]) \(y)")
        }
        return period(s.period) + (language == .vi ? " (lũy kế đến \(date(s.endDay)))" : " (to \(date(s.endDay)))")
    }

    /// A span compared with: as `span` names it, except part of a quarter, named by its months
    /// (`tháng 7/2026`, `tháng 7–8/2026`; short `T7/2026`; en `Jul 2026`, `Jul–Aug 2026`), so
    /// that October against July reads as that and not as a quarter against a quarter.
    public func compared(_ s: Span, short: Bool = false) -> String {
        guard case .quarter = s.period, s.isPartial, !s.isEmpty else { return span(s) }
        let a = Month(index: s.first), b = s.lastMonth
        if language == .en {
            let first = Self.monthsEN[a.month - 1] + (a.year == b.year ? "" : " \(a.year)")
            return (a == b ? "" : first + "–") + Self.monthsEN[b.month - 1] + " \(b.year)"
        }
        let months = a == b ? "\(b.month)" : a.year == b.year ? "\(a.month)–\(b.month)" : "\(a.month)/\(a.year)–\(b.month)"
        return (short ? "T" : "tháng ") + months + "/\(b.year)"
    }

    /// Within a panel, the months part of a quarter is compared with, the year only when it is
    /// not the shown span's (`T7`, `T7–8`, `T10/2025`; en `Jul`, `Jul–Aug`, `Oct 2025`); nil
    /// for a whole period (the panel then says "so kỳ trước", as its header names the periods).
    public func monthsCompared(_ s: Span, shownYear: Int) -> String? {
        guard case .quarter = s.period, s.isPartial, !s.isEmpty else { return nil }
        let a = Month(index: s.first), b = s.lastMonth
        let year = b.year == shownYear ? "" : (language == .en ? " \(b.year)" : "/\(b.year)")
        if language == .en {
            return (a == b ? "" : Self.monthsEN[a.month - 1] + "–") + Self.monthsEN[b.month - 1] + year
        }
        return "T" + (a == b ? "\(b.month)" : "\(a.month)–\(b.month)") + year
    }
}
