import DashboardTestSupport
import Foundation
import Testing

/// The shared cache's edges seen from the command line (issue 25): a file size limit below an
/// entry's size, and a cache directory inside the export.
@Suite struct CacheEdgeCommandTests {
    let sample = Fixtures.sampleDirectory

    func render(_ args: [String], limitKB: Int? = nil) -> (status: Int32, output: String) {
        let argv = [Fixtures.binary, "render", "--data", sample, "--size", "100x30", "--now", "2024-07-05T09:00:00+07:00"] + args
        guard let limitKB else { return Fixtures.run(argv[0], Array(argv.dropFirst())) }
        return Fixtures.run("/bin/sh", ["-c", "ulimit -f \(limitKB) && exec \"$@\"", "sh"] + argv)
    }

    /// `ulimit -f 1024` (the entry is 12 MB): the command shows the dashboard as without a cache
    /// and leaves no temporary file (it used to die of SIGXFSZ, exit 153, leaving `.tmp-PID-N`).
    @Test func aFileSizeLimitBelowTheEntryMeansNoCache() throws {
        let cache = Fixtures.temporaryDirectory("cdsboard-fsize")
        let plain = render(["--no-cache"])
        let limited = render(["--cache-dir", cache], limitKB: 1024)
        #expect(limited.status == 0, "exit \(limited.status): \(limited.output.suffix(300))")
        #expect(plain.output.contains("Hà Giang"))
        #expect(limited.output == plain.output)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(!left.contains { $0.hasPrefix(".") || $0.hasSuffix(".snapshot") }, "left in the cache: \(left)")
    }

    /// `--cache-dir` equal to `--data`, or inside it: refused with a message saying why, and
    /// nothing written into the export (it used to reload without end).
    @Test(arguments: ["", "/cache"])
    func aCacheDirectoryInsideTheDataIsRefused(sub: String) throws {
        let dir = Fixtures.copyOfSample()
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let argv = [Fixtures.binary, "render", "--data", dir, "--size", "100x30", "--cache-dir", dir + sub]
        let r = Fixtures.run(argv[0], Array(argv.dropFirst()))
        #expect(r.status == 1, "exit \(r.status): \(r.output.prefix(300))")
        #expect(r.output.contains("is inside the export"), "\(r.output.prefix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
    }
}
