extension Strings {
    /// Words of one panel, Vietnamese first: a panel added as one file keeps its words beside
    /// its drawing instead of adding keys to every language's table.
    public func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
}
