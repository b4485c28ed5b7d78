import CLibPQ
import Foundation

/// One libpq connection, used from one thread at a time: parameterised queries with text
/// results, `COPY … FROM STDIN`, and the socket and notifications for `LISTEN`. Every value
/// goes as a parameter; only identifiers of cdsboard's own schema are ever SQL text.
final class Connection {
    private let conn: OpaquePointer
    /// How messages name the server (never with a password).
    let name: String

    /// Connects (blocking, at most `timeout` seconds); the error names the server, not the password.
    init(_ target: ConnectionTarget, timeout: Int = 5) throws(DatabaseError) {
        name = target.displayName
        let keys = ["dbname", "connect_timeout", "application_name"]
        let values = [target.conninfo, String(timeout), "cdsboard"]
        let c = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let c else { throw DatabaseError("\(target.displayName): out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let why = Self.message(PQerrorMessage(c))
            PQfinish(c)
            throw DatabaseError("\(target.displayName): cannot connect: \(target.redact(why))")
        }
        conn = c
        _ = PQsetClientEncoding(conn, "UTF8")
        // libpq prints notices (and a server's "terminating connection") to standard error by
        // default: over a dashboard's screen. They are dropped; errors come back from calls.
        _ = PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    var isBad: Bool { PQstatus(conn) != CONNECTION_OK }

    /// The rows of `sql` with `params` ($1, $2 …) as text; NULL is nil.
    @discardableResult
    func query(_ sql: String, _ params: [String?] = []) throws(DatabaseError) -> QueryResult {
        let r = withOptionalCStrings(params) { p in
            PQexecParams(conn, sql, Int32(params.count), nil, p, nil, nil, 0)
        }
        return try check(r, sql)
    }

    /// Runs `sql` (no parameters: a statement of cdsboard's own text).
    func execute(_ sql: String) throws(DatabaseError) { try query(sql) }

    private func check(_ r: OpaquePointer?, _ sql: String) throws(DatabaseError) -> QueryResult {
        guard let r else { throw DatabaseError("\(name): \(Self.message(PQerrorMessage(conn)))") }
        switch PQresultStatus(r) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_COPY_IN:
            return QueryResult(r)
        default:
            let why = Self.message(PQresultErrorMessage(r))
            PQclear(r)
            throw DatabaseError("\(name): \(why)")
        }
    }

    /// `COPY table (columns) FROM STDIN`: `rows` are sent in COPY's text format (escaped
    /// here; NULL is `\N`), a few hundred kilobytes at a time.
    func copy(into table: String, schema: String, columns: [String], rows: some Sequence<[String?]>) throws(DatabaseError) {
        let sql = "COPY \(quoted(schema)).\(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) FROM STDIN"
        let r = try check(PQexec(conn, sql), sql)
        _ = r
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 18)
        func flush() throws(DatabaseError) {
            guard !buffer.isEmpty else { return }
            let sent = buffer.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
            }
            guard sent == 1 else { throw DatabaseError("\(name): COPY \(table): \(Self.message(PQerrorMessage(conn)))") }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (k, field) in row.enumerated() {
                if k > 0 { buffer.append(9) }
                guard let field else { buffer.append(contentsOf: [92, 78]); continue }   // \N
                for b in field.utf8 {
                    switch b {
                    case 92: buffer.append(contentsOf: [92, 92])
                    case 9: buffer.append(contentsOf: [92, 116])
                    case 10: buffer.append(contentsOf: [92, 110])
                    case 13: buffer.append(contentsOf: [92, 114])
                    default: buffer.append(b)
                    }
                }
            }
            buffer.append(10)
            if buffer.count >= 1 << 18 { try flush() }
        }
        try flush()
        guard PQputCopyEnd(conn, nil) == 1 else { throw DatabaseError("\(name): COPY \(table): \(Self.message(PQerrorMessage(conn)))") }
        while let end = PQgetResult(conn) {
            defer { PQclear(end) }
            if PQresultStatus(end) != PGRES_COMMAND_OK {
                throw DatabaseError("\(name): COPY \(table): \(Self.message(PQresultErrorMessage(end)))")
            }
        }
    }

    // MARK: LISTEN

    /// The connection's socket, for the run loop's `poll()`.
    var socket: Int32 { PQsocket(conn) }

    /// Reads what the server sent; false when the connection is lost.
    func consumeInput() -> Bool { PQconsumeInput(conn) == 1 && PQstatus(conn) == CONNECTION_OK }

    /// The channels of the notifications received, in order.
    func takeNotifications() -> [String] {
        var out: [String] = []
        while let n = PQnotifies(conn) {
            out.append(String(cString: n.pointee.relname))
            PQfreemem(n)
        }
        return out
    }

    static func message(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "unknown error" }
        return String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
    }
}

/// The rows of one query, as text (owned; freed with the value).
final class QueryResult {
    private let r: OpaquePointer
    init(_ r: OpaquePointer) { self.r = r }
    deinit { PQclear(r) }
    var count: Int { Int(PQntuples(r)) }
    var columns: Int { Int(PQnfields(r)) }
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(r, Int32(row), Int32(column)) == 1 }
    /// The value as text; nil for NULL.
    func value(_ row: Int, _ column: Int) -> String? {
        if isNull(row, column) { return nil }
        guard let p = PQgetvalue(r, Int32(row), Int32(column)) else { return nil }
        let length = Int(PQgetlength(r, Int32(row), Int32(column)))
        return p.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

/// A problem with the database (connecting, a query), with the server named and no password.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A quoted SQL identifier (cdsboard's own table and column names only).
func quoted(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStrings(strings) { body($0) }
}

private func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
    defer { for c in copies { free(c) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
