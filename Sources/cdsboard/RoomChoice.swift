import ArgumentParser
import DashboardCore
import Foundation
import MeetingRoom
#if canImport(Glibc)
import Glibc
#endif

/// `--present`, `--follow`, `--room NAME`, `--take-over`: a dashboard's part in a meeting room.
struct RoomOptions: ParsableArguments {
    @Flag(help: "Present in a meeting room: every dashboard started with --follow in the room shows where this one looks.")
    var present = false

    @Flag(help: "Follow the room's presenter (any navigation key views on your own; F follows again). With --kiosk: follow while a presenter is there, rotate otherwise.")
    var follow = false

    @Option(help: "The meeting room's name (default: config room, then \"default\").")
    var room: String?

    @Flag(name: .customLong("take-over"), help: "With --present: take the room from the presenter in it.")
    var takeOver = false

    func validate() throws {
        if present && follow { throw ValidationError("--present and --follow: one or the other") }
        if takeOver && !present { throw ValidationError("--take-over goes with --present") }
        if let room, !RoomDirectory.isValidRoom(room) {
            throw ValidationError("--room: letters, digits, - and _ (at most 40), not \"\(Echo.cut(room))\"")
        }
    }

    /// The room's end for this dashboard, and its presence; nil when in no room.
    func link(config: Config, environment: [String: String]) throws -> (RoomLink, Presence)? {
        guard present || follow else { return nil }
        let name = room ?? config.room ?? "default"
        let directory: RoomDirectory
        switch RoomDirectory.resolve(configured: config.roomDirectory, environment: environment) {
        case .success(let d): directory = d
        case .failure(let e): throw CommandError(e.description)
        }
        if follow { return (RoomFollower(socketPath: directory.socketPath(room: name)), .following(FollowState(room: name))) }
        do {
            let p = try RoomPresenter(directory: directory, room: name, presenter: Self.accountName(environment), takeOver: takeOver)
            return (p, .presenting(followers: 0))
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Who presents, as followers' headers name them: the account's name.
    static func accountName(_ environment: [String: String]) -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name.map({ String(cString: $0) }), !name.isEmpty { return String(name.prefix(32)) }
        return String((environment["USER"] ?? "?").prefix(32))
    }
}
