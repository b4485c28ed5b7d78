import ArgumentParser
import DashboardCore
import SnapshotKit

// Typed options: argument-parser validates them and lists the choices in --help.
extension Language: ExpressibleByArgument {}
extension DashboardCore.Report.Format: ExpressibleByArgument {}
extension DashboardCore.Report.Form: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    /// `2024-06`, `2024-Q2` or `2024`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ReportPeriod: ExpressibleByArgument {
    /// `2024-06`, `2024-Q2`, `2024`, `last-month`, `last-quarter` or `last-year`.
    public init?(argument: String) { self.init(parsing: argument) }
}
