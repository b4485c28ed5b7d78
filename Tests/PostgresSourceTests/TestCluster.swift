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
        do {
            try run("/usr/bin/createdb", ["-h", directory, "-U", "postgres", "cdsboard"], asServer: false)
            try psql(file: Fixtures.repositoryRoot() + "/SampleData/postgres/schema.sql")
        } catch {
            try? stop()   // deinit does not run for a value that was never made
            throw error
        }
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

    /// Runs a program (as `postgres` when root and `asServer`); its output, or an error with it.
    /// Spawned and waited for with `waitpid`: Foundation's `Process` waits until every holder
    /// of a descriptor it gives the child has closed it, and the server pg_ctl starts holds one.
    @discardableResult
    func run(_ program: String, _ args: [String], asServer: Bool = true) throws -> String {
        let argv = asServer && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + args : [program] + args
        let outPath = directory + "/.out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
        guard rc == 0 else { throw Missing(description: "\(argv[0]): cannot start it (\(String(cString: strerror(rc))))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = Fixtures.read(outPath)
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Missing(description: "\(argv.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }
}
