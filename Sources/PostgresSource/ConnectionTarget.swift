import CLibPQ
import Foundation

/// Where a database is: a libpq URI (`postgresql://user@host/db`) or `key=value` conninfo,
/// checked by libpq's own parser, and the name messages show. A password never appears in
/// the target (it would show in `ps` and in shell histories): libpq takes it from
/// `PGPASSWORD`, `~/.pgpass` or the service file.
public struct ConnectionTarget: Sendable, Equatable {
    /// What is handed to libpq.
    public let conninfo: String
    /// `postgresql://user@host:port/db` without any password (a socket directory as `?host=`).
    public let displayName: String
    /// The password libpq would be given in the text (only to cut it from its messages).
    private let secret: String?

    /// Whether `text` is meant as a database (else it is a directory).
    public static func looksLikeDatabase(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
            || (text.contains("=") && !FileManager.default.fileExists(atPath: text))
    }

    /// Parses `text`; an error (with no password in it) when libpq cannot, or when it holds a password.
    public init(_ text: String) throws(DatabaseError) {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            let why = error.map { Connection.message($0) } ?? "not a connection string"
            if let error { PQfreemem(error) }
            throw DatabaseError("the connection string is not valid: \(why)")
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var p = options
        while let k = p.pointee.keyword {
            if let v = p.pointee.val { values[String(cString: k)] = String(cString: v) }
            p += 1
        }
        secret = values["password"]
        var shown = "postgresql://"
        if let u = values["user"] { shown += Self.encode(u) + "@" }
        let host = values["host"] ?? values["hostaddr"]
        let socketHost = host.map { $0.hasPrefix("/") } ?? false
        if let host, !socketHost { shown += host }
        if let port = values["port"] { shown += ":" + port }
        shown += "/" + Self.encode(values["dbname"] ?? "")
        if let host, socketHost { shown += "?host=" + host }
        if let service = values["service"] { shown += (socketHost ? "&" : "?") + "service=" + service }
        displayName = shown
        conninfo = text
        if secret != nil {
            throw DatabaseError("\(shown): the connection string holds a password; give it in PGPASSWORD or ~/.pgpass instead "
                                + "(a password in a command line shows in ps and in shell histories)")
        }
    }

    /// `text` with the password, if any, cut out.
    func redact(_ text: String) -> String {
        guard let secret, !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: "***")
    }

    private static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))) ?? s
    }
}
