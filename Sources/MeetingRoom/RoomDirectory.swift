import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a room's socket lives. By default `$XDG_RUNTIME_DIR/cdsboard/` (made 0700), else
/// `/tmp/cdsboard-UID/` (made 0700, refused when another account owns it or others may
/// enter). A configured directory (`room_dir`) serves viewers of several accounts: it must
/// exist, be group-writable and not writable by others (e.g. `install -d -m 2770 -g cdsboard
/// /run/cdsboard`); its sockets are made 0660.
public struct RoomDirectory: Equatable, Sendable {
    public let path: String
    /// Shared by the accounts of one group (sockets 0660), or this account's own (0600).
    public let shared: Bool

    /// The directory to use, checked (and made, when it is this account's own).
    public static func resolve(configured: String?, environment: [String: String]) -> Result<RoomDirectory, RoomError> {
        if let dir = configured, !dir.isEmpty {
            var st = stat()
            guard stat(dir, &st) == 0 else { return .failure(.directory(dir, "does not exist")) }
            guard st.st_mode & S_IFMT == S_IFDIR else { return .failure(.directory(dir, "is not a directory")) }
            guard st.st_mode & S_IWOTH == 0 else { return .failure(.directory(dir, "is writable by every account (chmod o-w)")) }
            guard st.st_mode & S_IWGRP != 0 else {
                return .failure(.directory(dir, "is not group-writable: viewers of several accounts need chmod 2770 and one group"))
            }
            return .success(RoomDirectory(path: dir, shared: true))
        }
        let base: String
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            base = runtime + "/cdsboard"
        } else {
            base = "/tmp/cdsboard-\(getuid())"
        }
        if mkdir(base, 0o700) != 0, errno != EEXIST { return .failure(.directory(base, String(cString: strerror(errno)))) }
        var st = stat()
        guard lstat(base, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return .failure(.directory(base, "is not a directory")) }
        guard st.st_uid == getuid() else { return .failure(.directory(base, "belongs to another account")) }
        guard st.st_mode & 0o077 == 0 else { return .failure(.directory(base, "may be entered by other accounts (chmod 700)")) }
        return .success(RoomDirectory(path: base, shared: false))
    }

    /// `NAME.sock` and `NAME.lock` for a valid room name.
    public func socketPath(room: String) -> String { path + "/" + room + ".sock" }
    public func lockPath(room: String) -> String { path + "/" + room + ".lock" }

    /// Room names: letters, digits, `-` and `_`, 1 to 40 of them.
    public static func isValidRoom(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Why a room cannot be used, in words for the command line.
public enum RoomError: Error, Equatable, Sendable, CustomStringConvertible {
    case directory(String, String)
    case occupied(room: String, path: String)
    case socket(String, String)

    public var description: String {
        switch self {
        case .directory(let d, let why): return "room directory \(d): \(why)"
        case .occupied(let room, let path):
            return "room \"\(room)\" already has a presenter (\(path)); join it with --follow, or take it over with --present --take-over"
        case .socket(let path, let why): return "room socket \(path): \(why)"
        }
    }
}
