import ArgumentParser

/// cdsboard: a terminal dashboard for a province's digital-transformation steering committee.
@main
struct CDSBoard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdsboard",
        abstract: "Terminal dashboard for digital-transformation steering committees (Hà Giang sample bundled).",
        subcommands: [Run.self, Render.self, Check.self, Report.self, Gen.self],
        defaultSubcommand: Run.self
    )
}
