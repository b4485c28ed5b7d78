/// What a cell means; a theme turns a role into colours and attributes.
///
/// Meaning never rests on colour alone: good/warn/bad are always drawn with a symbol too.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case background, text, muted, accent, border, title, header, selection, status, statusKey
    case good, warn, bad, stale, error
    case chart1, chart2, chart3, chart4, barEmpty
    case bigDigits
    /// The map's classes, lowest values first (a sequential ramp; the classes also differ in
    /// fill density, so they read in mono too).
    case map1, map2, map3, map4, map5
}
