import ArgumentParser
import Foundation
import SnapshotKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Many viewers of one export, as a committee in a meeting: N dashboards on ptys, one export
/// published by symlink swap, and what it costs them, with the shared cache and without.
struct ViewersBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "viewers",
        abstract: "N dashboards on ptys; publish a new export by symlink swap; time to all screens, CPU and PSS per viewer.")

    @Argument(help: "How many viewers.")
    var count: Int = 40

    @OptionGroup var target: PtyTarget

    @Option(help: "Terminal size of each viewer.")
    var size: String = "80x24"

    @Option(help: "Changes to publish per configuration.")
    var changes = 2

    @Option(help: "Which configurations: both, cache, no-cache.")
    var mode = "both"

    func run() throws {
        let dims = size.split(separator: "x").compactMap { Int($0) }
        guard dims.count == 2, count >= 1, count <= 500 else { throw ValidationError("--size WxH, 1…500 viewers") }
        let root = NSTemporaryDirectory() + "cdsboard-viewers-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let releases = try Releases(data: target.data, root: root, count: changes + 1)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        say("viewers: \(count) on ptys \(size), export \(target.data) (\(releases.megabytes) MB), \(cores) cores, "
              + "\(changes) changes by symlink swap")
        let modes = mode == "both" ? [false, true] : [mode == "cache"]
        for cached in modes {
            releases.reset()
            let cacheDir = root + "/cache-\(cached)"
            var args = ["--data", releases.current, "--no-clock"]
            args += cached ? ["--cache-dir", cacheDir] : ["--no-cache"]
            var env = ["XDG_STATE_HOME": root + "/state", "XDG_CONFIG_HOME": root + "/config"]
            env["HOME"] = root
            let t0 = now()
            var viewers: [PtyProcess] = []
            for _ in 0..<count {
                viewers.append(try PtyProcess(binary: target.binary, args: args, rows: dims[1], cols: dims[0], environment: env))
            }
            let started = Screens(viewers).settle(quiet: 1.5, limit: 600)
            let startSeconds = (started.compactMap { $0 }.max() ?? now()) - t0
            let label = cached ? "shared cache" : "no cache    "
            say(String(format: "%@ | start: all %d first frames in %.2f s | PSS per viewer %@", label, count, startSeconds,
                         Memory.summary(viewers.map(\.pid))))
            for k in 1...changes {
                let cpu0 = viewers.map { $0.cpuSeconds() }
                let swap = now()
                releases.publish(k)
                let last = Screens(viewers).settle(quiet: 1.5, limit: 120)
                let cpu = zip(viewers, cpu0).map { $0.cpuSeconds() - $1 }
                let seen = last.compactMap { $0 }
                let total = cpu.reduce(0, +), most = cpu.max() ?? 0
                let others = count > 1 ? (total - most) / Double(count - 1) : 0
                if seen.count < count { say("  change \(k): only \(seen.count) of \(count) screens changed") }
                say(String(format: "  change %d: all screens %.2f s after the swap (first %.2f s, spread %.2f s) | CPU %.2f s in all, "
                             + "the loader %.0f ms, each other viewer %.1f ms | PSS per viewer %@", k,
                             (seen.max() ?? swap) - swap, (seen.min() ?? swap) - swap, (seen.max() ?? 0) - (seen.min() ?? 0),
                             total, most * 1000, others * 1000, Memory.summary(viewers.map(\.pid))))
            }
            for v in viewers { v.stop() }
        }
    }
}

/// The exports to publish: copies of one export sharing its files by hard link, each with other
/// tourism figures, an export time k minutes later (which every header shows) and its own manifest list; `current` links to one.
private struct Releases {
    let root: String
    let current: String
    let megabytes: Int
    private let names: [String]

    init(data: String, root: String, count: Int) throws {
        self.root = root
        current = root + "/current"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/releases", withIntermediateDirectories: true)
        var made: [String] = []
        var bytes = 0
        for k in 0..<count {
            let dir = root + "/releases/\(k)"
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: data) where !name.hasPrefix(".") {
                let from = data + "/" + name, to = dir + "/" + name
                if name == "tourism.csv" || name == "manifest.json" || link(from, to) != 0 { try fm.copyItem(atPath: from, toPath: to) }
                if k == 0 { bytes += (try? fm.attributesOfItem(atPath: from)[.size] as? Int) ?? 0 }
            }
            let tourism = try String(contentsOfFile: dir + "/tourism.csv", encoding: .utf8)
            // Every month's figures grow by k (so any screen showing tourism changes).
            let lines = tourism.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line -> String in
                guard i > 0, k > 0, !line.isEmpty else { return String(line) }
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if cells.count > 2, let v = Int(cells[2]) { cells[2] = String(v + k) }
                return cells.joined(separator: ",")
            }
            try lines.joined(separator: "\n").write(toFile: dir + "/tourism.csv", atomically: false, encoding: .utf8)
            // The export time moves by k minutes: every screen's header shows it, whatever the size.
            var manifest = try String(contentsOfFile: dir + "/manifest.json", encoding: .utf8)
            if k > 0, let r = manifest.range(of: #""generated_at": "[0-9-]+T[0-9]{2}:"#, options: .regularExpression) {
                let minutes = manifest[r.upperBound...].prefix(2)
                manifest.replaceSubrange(r.upperBound..<manifest.index(r.upperBound, offsetBy: 2),
                                         with: String(format: "%02d", ((Int(minutes) ?? 0) + k) % 60))
            }
            try manifest.write(toFile: dir + "/manifest.json", atomically: false, encoding: .utf8)
            try ExportIntegrity.relistedManifest(directory: dir).write(to: URL(fileURLWithPath: dir + "/manifest.json"))
            made.append(dir)
        }
        names = made
        megabytes = bytes >> 20
    }

    func reset() { publish(0) }

    /// `ln -sfn releases/k tmp && mv -T tmp current`.
    func publish(_ k: Int) {
        let tmp = root + "/current.tmp"
        unlink(tmp)
        symlink(names[k], tmp)
        rename(tmp, current)
    }
}

/// Reads every viewer's pty at once; `settle` waits until each has written (when it must) and
/// all have been quiet for `quiet` seconds, and gives the time of each one's last byte.
private struct Screens {
    let viewers: [PtyProcess]
    init(_ viewers: [PtyProcess]) { self.viewers = viewers }

    func settle(quiet: Double, limit: Double) -> [Double?] {
        var last = [Double?](repeating: nil, count: viewers.count)
        let end = now() + limit
        var buffer = [UInt8](repeating: 0, count: 65536)
        while now() < end {
            var fds = viewers.map { pollfd(fd: $0.master, events: Int16(POLLIN), revents: 0) }
            let everyone = !last.contains { $0 == nil }
            let wait = everyone ? quiet : 1.0
            let ready = poll(&fds, nfds_t(fds.count), Int32(wait * 1000))
            if ready <= 0 {
                if everyone { break } else { continue }
            }
            let t = now()
            for (i, fd) in fds.enumerated() where fd.revents & Int16(POLLIN | POLLHUP) != 0 {
                if read(fd.fd, &buffer, buffer.count) > 0 { last[i] = t }
            }
        }
        return last
    }
}

/// Proportional set size (PSS) of processes, from `/proc/PID/smaps_rollup`.
private enum Memory {
    static func pss(_ pid: Int32) -> (pss: Double, privateDirty: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Double? {
            text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") }
        }
        guard let p = field("Pss"), let d = field("Private_Dirty") else { return nil }
        return (p / 1024, d / 1024)
    }

    static func summary(_ pids: [Int32]) -> String {
        let all = pids.compactMap(pss)
        guard !all.isEmpty else { return "unknown" }
        let p = all.map(\.pss).sorted(), d = all.map(\.privateDirty)
        return String(format: "median %.1f MB, max %.1f MB, sum %.0f MB (private dirty median %.1f MB)",
                      p[p.count / 2], p.last!, p.reduce(0, +), d.sorted()[d.count / 2])
    }
}

/// A line on standard output at once (the figures of a long run appear as they are made).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
