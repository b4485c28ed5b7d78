import DashboardTestSupport
import Foundation
import Testing

/// cdsboard only ever reads the snapshot directory: every command and the live dashboard work
/// on a read-only copy, and inotify sees no change made inside it.
@Suite struct ReadOnlyTests {
    /// Every change made inside one directory (inotify), from `init` until `changes()`.
    final class ChangeWatch {
        private let fd: Int32
        init(_ dir: String) {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            // Created, written, closed after writing, metadata changed, deleted, renamed in or out.
            let mask: UInt32 = 0x100 | 0x2 | 0x8 | 0x4 | 0x200 | 0x40 | 0x80 | 0x400 | 0x800
            _ = inotify_add_watch(fd, dir, mask)
        }
        deinit { close(fd) }

        func changes() -> [String] {
            var out: [String] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n > 0 else { return out }
                var offset = 0
                while offset + 16 <= n {
                    let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                    let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                    let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                    out.append("\(name.isEmpty ? "." : name) mask 0x\(String(mask, radix: 16))")
                    offset += 16 + length
                }
            }
        }
    }

    /// As root, the program runs as nobody (for whom permissions hold), from a copy of the
    /// binary nobody can reach. Copied once, through a close-on-exec descriptor: a write
    /// descriptor inherited by a process another test forks meanwhile would make exec fail
    /// with "text file busy".
    static let asNobody: [String] = {
        guard getuid() == 0 else { return [Fixtures.binary] }
        let dir = Fixtures.temporaryDirectory("cdsboard-nobody")
        chmod(dir, 0o755)
        let path = dir + "/cdsboard"
        let bytes = [UInt8](FileManager.default.contents(atPath: Fixtures.binary) ?? Data())
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
            if n <= 0 { break }
            off += n
        }
        close(fd)
        return ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", path]
    }()

    @Test func anUnreadableFileIsNamedNotFatal() throws {
        // Root reads any file, so this only means something when the test runs as root and
        // the program as nobody (or the tests as an ordinary user).
        let dir = Fixtures.copyOfSample()
        chmod(dir, 0o755)
        chmod(dir + "/bts.csv", 0o600)
        let argv = Self.asNobody + ["check", dir]
        let scratch = Fixtures.temporaryDirectory("cdsboard-ro")
        chmod(scratch, 0o777)
        let r = Fixtures.run(argv[0], Array(argv.dropFirst()), environment: ["HOME": scratch, "XDG_STATE_HOME": scratch])
        #expect(r.status == 1)
        #expect(r.output.hasPrefix("bts.csv: permission denied"), "\(r.output.prefix(200))")
    }

    @Test func neverWritesIntoTheSnapshotDirectory() throws {
        let dir = Fixtures.copyOfSample()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        for name in names { chmod(dir + "/" + name, 0o444) }
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        // Root writes through any permission, so as root the program runs as nobody, for whom
        // the directory really is read-only (and inotify would see a write either way).
        let prefix = Array(Self.asNobody.dropLast())
        let bin = Self.asNobody.last!
        let scratch = Fixtures.temporaryDirectory("cdsboard-ro")
        chmod(scratch, 0o777)
        let env = ["HOME": scratch, "XDG_STATE_HOME": scratch + "/state", "XDG_CONFIG_HOME": "/nonexistent",
                   "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        // The watch itself sees a write (so an empty list below means something).
        let control = ChangeWatch(scratch)
        Fixtures.write("x", to: scratch + "/probe")
        #expect(control.changes().contains { $0.hasPrefix("probe") })
        let watch = ChangeWatch(dir)
        func run(_ args: [String]) -> (status: Int32, output: String) {
            let argv = prefix + [bin] + args
            return Fixtures.run(argv[0], Array(argv.dropFirst()), environment: env)
        }
        let check = run(["check", dir])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("OK"))
        for format in ["text", "markdown", "csv", "json"] {
            let r = run(["report", dir, "--format", format])
            #expect(r.status == 0, "\(format): \(r.output.prefix(300))")
        }
        let render = run(["render", "--data", dir, "--size", "120x40", "--keys", "j Enter"])
        #expect(render.output.contains("Hà Giang"))

        let command = (prefix + [bin, "--data", dir]).joined(separator: " ")
        let t = TmuxSession(command: command, width: 120, height: 40, environment: env)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        for key in ["j", "j", "Enter", "Tab", "Escape", "l", "?", "Escape"] { t.sendKeys(key); usleep(100_000) }
        t.sendKeys("q")
        let end = t.waitFor("CDSBOARD-EXITED")
        #expect(end.contains("CDSBOARD-EXITED 0"))
        #expect(watch.changes() == [])
        #expect(FileManager.default.fileExists(atPath: scratch + "/state/cdsboard/cdsboard.log"), "the log goes to XDG_STATE_HOME")
    }

    /// A cache directory the viewer cannot write (issue 16): it loads alone, says so in the
    /// log, and shows the same figures as without a cache.
    @Test func aReadOnlyCacheDirectoryMeansLoadingAlone() throws {
        let dir = Fixtures.copyOfSample()
        chmod(dir, 0o755)
        let cache = Fixtures.temporaryDirectory("cdsboard-ro-cache")
        chmod(cache, 0o555)
        defer { chmod(cache, 0o755) }
        let scratch = Fixtures.temporaryDirectory("cdsboard-ro")
        chmod(scratch, 0o777)
        let env = ["HOME": scratch, "XDG_STATE_HOME": scratch + "/state", "XDG_CONFIG_HOME": "/nonexistent",
                   "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        func render(_ extra: [String]) -> (status: Int32, output: String) {
            let argv = Self.asNobody + ["render", "--data", dir, "--size", "100x30", "--now", "2024-07-05T09:00:00+07:00"] + extra
            return Fixtures.run(argv[0], Array(argv.dropFirst()), environment: env)
        }
        let plain = render(["--no-cache"])
        let readOnly = render(["--cache-dir", cache])
        #expect(plain.status == 0 && readOnly.status == 0, "\(readOnly.output.prefix(300))")
        #expect(plain.output.contains("Hà Giang"))
        #expect(readOnly.output == plain.output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == [])

        let command = (Self.asNobody + ["--data", dir, "--cache-dir", cache]).joined(separator: " ")
        let t = TmuxSession(command: command, width: 100, height: 30, environment: env)
        defer { t.kill() }
        t.waitFor("Bắc Quang")
        t.sendKeys("q")
        #expect(t.waitFor("CDSBOARD-EXITED").contains("CDSBOARD-EXITED 0"))
        let log = Fixtures.read(scratch + "/state/cdsboard/cdsboard.log")
        #expect(log.contains("is not writable"), "\(log.suffix(600))")
    }
}
