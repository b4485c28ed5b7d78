import DashboardTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for one test: `initdb` into a temporary directory, the server
/// on a Unix socket in it (no TCP), as the `postgres` user when the tests run as root (initdb
/// refuses root), the schema applied; stopped and removed at the end. Without the server's
/// binaries it fails, naming the Debian package: a database test is never skipped.
final class TestCluster {
    let directory: String
    let bin: String
    /// The database, as `--data` takes it: `postgresql://postgres@/cdsboard?host=DIR`.
    var url: String { "postgresql://postgres@/cdsboard?host=\(directory)" }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .filter { fm.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
            .sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        guard let v = versions.last else {
            throw Missing(description: "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install Debian's package "
                          + "`postgresql` (apt-get install postgresql libpq-dev) to run the database tests")
        }
        bin = "/usr/lib/postgresql/\(v)/bin"
        // A short path: a Unix socket's path holds at most 107 bytes.
        var template = Array("/tmp/cdsboard-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Missing(description: "cannot make a temporary directory") }
        directory = String(cString: made)
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else {
                throw Missing(description: "running as root, but there is no `postgres` user to run the server as (Debian's package `postgresql` makes it)")
            }
            chown(directory, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        try run("\(bin)/initdb", ["-D", directory + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        try start()
        try run("\(bin)/../bin/createdb", ["-h", directory, "-U", "postgres", "cdsboard"], asServer: false)
        try psql(file: Fixtures.repositoryRoot() + "/SampleData/postgres/schema.sql")
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func start() throws {
        try run("\(bin)/pg_ctl", ["-D", directory + "/data", "-l", directory + "/log", "-w", "-t", "60", "start",
                                  "-o", "-c listen_addresses='' -k \(directory) -c fsync=off -c synchronous_commit=off"])
    }

    func stop() throws {
        try run("\(bin)/pg_ctl", ["-D", directory + "/data", "-w", "-m", "fast", "stop"])
    }

    /// Runs SQL (a file, or text) as the superuser; its output.
    @discardableResult
    func psql(file: String? = nil, _ sql: String? = nil) throws -> String {
        var args = ["-X", "-q", "-h", directory, "-U", "postgres", "-d", "cdsboard", "-v", "ON_ERROR_STOP=1", "-At"]
        if let file { args += ["-f", file] }
        if let sql { args += ["-c", sql] }
        return try run("/usr/bin/psql", args, asServer: false)
    }

    /// Runs a program (as `postgres` when root and `asServer`); its standard output, or an error with both outputs.
    @discardableResult
    func run(_ program: String, _ args: [String], asServer: Bool = true) throws -> String {
        let p = Process()
        if asServer && getuid() == 0 {
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            p.arguments = ["-u", "postgres", "--", program] + args
        } else {
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        env["PGPASSWORD"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: o, as: UTF8.self)
        guard p.terminationStatus == 0 else {
            throw Missing(description: "\(program) \(args.joined(separator: " ")) failed (\(p.terminationStatus)): "
                          + text + String(decoding: e, as: UTF8.self))
        }
        return text
    }
}
