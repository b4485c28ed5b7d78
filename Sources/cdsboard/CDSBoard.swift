import ArgumentParser
import Foundation

/// cdsboard: a terminal dashboard for a province's digital-transformation steering committee.
@main
struct CDSBoard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdsboard",
        abstract: "Terminal dashboard for digital-transformation steering committees (samples bundled: Tuyên Quang 2026, the default, and Hà Giang 2024).",
        subcommands: [Run.self, Render.self, Check.self, Report.self, Gen.self, Import.self, Publish.self],
        defaultSubcommand: Run.self
    )

    /// As argument-parser's, but a value echoed in an error message is cut to a readable length.
    static func main() {
        QuietBacktraces.ensure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = code == .success ? fullMessage(for: error) : Echo.cutQuoted(fullMessage(for: error))
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
