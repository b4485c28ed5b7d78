import ArgumentParser
import CNcursesw
import Foundation
import SnapshotKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Runs the real dashboard on a pseudo-terminal and counts what it writes and costs.
struct TerminalBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminal",
        abstract: "Bytes written to the terminal (first frame, idle, per snapshot change), idle CPU, and reload latency, on a pty.")

    @OptionGroup var target: PtyTarget

    @Option(help: "Terminal size.")
    var size: String = "120x40"

    @Option(help: "Seconds of idle to measure (the rate is also given per minute).")
    var idle: Double = 20

    @Option(help: "Snapshot changes for the reload latency.")
    var changes = 20

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size WxH") }
        let copy = try target.scratchCopy("bench")
        defer { try? FileManager.default.removeItem(atPath: copy) }

        for clock in [true, false] {
            let p = try PtyProcess(binary: target.binary, args: ["--data", copy] + (clock ? [] : ["--no-clock"]), rows: parts[1], cols: parts[0])
            // The first frame: wait (however slow the start) for its first byte, then until quiet.
            let first = p.readUntilFirstByte(quiet: 0.5, limit: 20).0
            let cpu0 = p.cpuSeconds()
            let t0 = now()
            let idleBytes = p.readFor(seconds: idle)
            let cpu = p.cpuSeconds() - cpu0
            let span = now() - t0
            print(String(format: "terminal %@ clock=%@ | first frame %d bytes | idle %d bytes in %.0f s = %.1f B/s, %.0f B/min | CPU %.3f ms/s",
                         size, clock ? "on" : "off", first, idleBytes, span, Double(idleBytes) / span, Double(idleBytes) / span * 60,
                         cpu / span * 1000))
            if !clock {
                // Snapshot changes: Đồng Văn's June visitors change, the file is replaced by rename.
                // With --no-clock nothing else writes, so the first byte after the rename is the
                // new figure reaching the screen (the diff sends only the changed digits).
                var latencies: [Double] = []
                var bytes: [Int] = []
                let path = copy + "/tourism.csv"
                let original = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                for k in 0..<changes {
                    let changed = original.replacingOccurrences(of: "\n2024-06,026,", with: "\n2024-06,026,\(k + 1)")
                    let tmp = copy + "/.tourism.tmp"
                    try changed.write(toFile: tmp, atomically: false, encoding: .utf8)
                    // The manifest's file list follows the new file, as an exporter's would.
                    rename(tmp, path)
                    let manifest = try ExportIntegrity.relistedManifest(directory: copy)
                    try manifest.write(to: URL(fileURLWithPath: copy + "/.manifest.tmp"))
                    let t = now()
                    rename(copy + "/.manifest.tmp", copy + "/manifest.json")
                    let (n, seen) = p.readUntilFirstByte(quiet: 0.3, limit: 15)
                    if let seen { latencies.append(seen - t) }
                    bytes.append(n)
                }
                if !latencies.isEmpty {
                    let st = Stats(samples: latencies)
                    let b = Stats(samples: bytes.map(Double.init))
                    print(String(format: "reload %@ | changes=%d seen=%d | latency median=%.0f ms p95=%.0f ms | bytes per change median=%.0f",
                                 size, changes, latencies.count, st.median * 1000, st.p95 * 1000, b.median))
                } else {
                    print("reload: no change seen on screen")
                }
            }
            p.stop()
        }
    }
}

/// A child on a pseudo-terminal; reads count the bytes it writes.
final class PtyProcess {
    let pid: Int32
    let master: Int32
    var text = ""

    init(binary: String, args: [String], rows: Int, cols: Int, environment extra: [String: String] = [:]) throws {
        var env = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        env["TERM"] = "xterm-256color"
        env["LANG"] = env["LANG"].flatMap { $0.contains("UTF-8") || $0.contains("utf8") ? $0 : nil } ?? "C.UTF-8"
        env.removeValue(forKey: "NO_COLOR")
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var m: Int32 = -1
        pid = argv.withUnsafeBufferPointer { a in envp.withUnsafeBufferPointer { e in
            cds_spawn_on_pty(a.baseAddress, e.baseAddress, Int32(rows), Int32(cols), &m) } }
        master = m
        guard pid > 0 else { throw ValidationError("cannot start \(binary) on a pty") }
    }

    /// Reads what arrives within `timeout`; returns the byte count.
    private func readOnce(timeout: Double) -> Int {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return 0 }
        var buf = [UInt8](repeating: 0, count: 65536)
        let n = read(master, &buf, buf.count)
        if n > 0 { text += String(decoding: buf[0..<n], as: UTF8.self); if text.count > 1 << 20 { text = String(text.suffix(1 << 16)) } }
        return max(n, 0)
    }

    func readUntilQuiet(quiet: Double, limit: Double) -> Int {
        var total = 0
        let end = now() + limit
        while now() < end {
            let n = readOnce(timeout: quiet)
            if n == 0 { break }
            total += n
        }
        return total
    }

    func readFor(seconds: Double) -> Int {
        var total = 0
        let end = now() + seconds
        while now() < end { total += readOnce(timeout: max(0.01, end - now())) }
        return total
    }

    /// Waits for output (returning when its first byte came), then reads until quiet.
    func readUntilFirstByte(quiet: Double, limit: Double) -> (Int, Double?) {
        var total = 0
        var seen: Double?
        let end = now() + limit
        while now() < end {
            let n = readOnce(timeout: seen == nil ? 0.02 : quiet)
            total += n
            if seen == nil, n > 0 { seen = now() }
            if seen != nil, n == 0 { break }
        }
        return (total, seen)
    }

    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let rest = stat.split(separator: ")").last?.split(separator: " "), rest.count > 13,
              let u = Double(rest[11]), let s = Double(rest[12]) else { return 0 }
        return (u + s) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}
