import DashboardTestSupport
import Foundation
import Testing

/// `gen` is bounded and leaves nothing behind: a count above the cap is refused before anything
/// is written, and a run stopped by SIGINT, SIGTERM or SIGKILL leaves no temporary file, in the
/// output directory nor in `$TMPDIR` (it was 834 MB after 30 s of a runaway count).
@Suite struct GenStopTests {
    @Test func aCountAboveTheCapIsRefusedAndNothingIsWritten() {
        let dir = Fixtures.temporaryDirectory("cdsboard-gen-cap") + "/out"
        let r = Fixtures.run(Fixtures.binary, ["gen", "--out", dir, "--dossiers", "1000000000000"])
        #expect(r.status == 64)
        #expect(r.output.contains("--dossiers 1000000000000 is above the cap of 10000000 raw dossiers"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    /// Starts `gen`, stops it with `signal` while the rows are written, and lists what is left.
    func stopped(_ signal: Int32, form: String) throws -> (status: Int32, left: [String], tmp: [String]) {
        let base = Fixtures.temporaryDirectory("cdsboard-gen-stop")
        let out = base + "/out", tmp = base + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = tmp
        var pid: pid_t = 0
        let args = [Fixtures.binary, "gen", "--out", out, "--dossiers", "2000000", "--form", form]
        let argv = args.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        // The child starts with every signal at its default and none blocked, whatever the test
        // runner's threads hold (an inherited SIG_IGN or mask would keep it running to the end).
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        #expect(posix_spawn(&pid, Fixtures.binary, nil, &attr, argv, envp) == 0)
        // Until the rows are being written: the small files come first.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: out + "/targets.json") { usleep(20_000) }
        usleep(1_500_000)
        kill(pid, signal)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        return (status & 0x7f, left.sorted(), (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [])
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func aStoppedRunLeavesNoTemporaryFile(_ signal: Int32) throws {
        for form in ["rows", "stats"] {
            let r = try stopped(signal, form: form)
            #expect(r.status == signal, "\(form): ended by signal \(r.status)")
            #expect(r.left == ["targets.json", "units.json"], "\(form): \(r.left)")
            #expect(r.tmp.isEmpty, "\(form): left in TMPDIR: \(r.tmp)")
        }
    }
}
