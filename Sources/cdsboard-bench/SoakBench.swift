import ArgumentParser
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Months of wall-screen operation, accelerated: the real binary in kiosk mode on a pty,
/// driven with keys, snapshot replacements and resizes, its memory and descriptors sampled.
struct SoakBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soak",
        abstract: "Drive the kiosk with many frames, snapshot swaps and resizes; print RSS and open descriptors over time.")

    @OptionGroup var target: PtyTarget

    @Option(help: "Frames to drive (one key each).")
    var frames = 100_000

    @Option(help: "Snapshot replacements, spread over the run.")
    var swaps = 1_000

    @Option(help: "Resizes, spread over the run.")
    var resizes = 200

    func run() throws {
        let copy = try target.scratchCopy("soak")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let tourism = try String(contentsOfFile: copy + "/tourism.csv", encoding: .utf8)
        let p = try PtyProcess(binary: target.binary, args: ["--data", copy, "--kiosk", "--rotate", "3600s"], rows: 40, cols: 120)
        _ = p.readUntilFirstByte(quiet: 0.5, limit: 20)
        let start = now()
        var samples: [(Int, Double, Int)] = []
        var written = 0
        let right = Array("\u{1B}OC".utf8)   // keypad mode: the terminal sends application cursor keys
        let swapEvery = max(1, frames / max(swaps, 1))
        let resizeEvery = max(1, frames / max(resizes, 1))
        var swapsDone = 0, resizesDone = 0
        var drawn = 0
        for k in 0..<frames {
            _ = right.withUnsafeBufferPointer { write(p.master, $0.baseAddress, $0.count) }
            // One key, one frame: wait for the frame before the next key.
            let (n, seen) = p.readUntilFirstByte(quiet: 0.003, limit: 0.2)
            if seen != nil { drawn += 1 }
            written += n
            if k % swapEvery == 0, swapsDone < swaps {
                let tmp = copy + "/.tourism.tmp"
                try tourism.replacingOccurrences(of: "\n2024-06,026,", with: "\n2024-06,026,\(k % 9 + 1)")
                    .write(toFile: tmp, atomically: false, encoding: .utf8)
                rename(tmp, copy + "/tourism.csv")
                swapsDone += 1
            }
            if k % resizeEvery == 0, resizesDone < resizes {
                var ws = winsize(ws_row: UInt16(24 + (k / resizeEvery) % 40), ws_col: UInt16(80 + (k / resizeEvery) % 120),
                                 ws_xpixel: 0, ws_ypixel: 0)
                _ = ioctl(p.master, UInt(TIOCSWINSZ), &ws)
                kill(p.pid, SIGWINCH)
                resizesDone += 1
            }
            if k % (frames / 10) == 0 {
                // Let pending reloads finish, so that samples compare steady states.
                written += p.readUntilQuiet(quiet: 0.6, limit: 5)
                samples.append((k, p.rssMegabytes(), p.openDescriptors()))
            }
        }
        written += p.readUntilQuiet(quiet: 1, limit: 20)
        samples.append((frames, p.rssMegabytes(), p.openDescriptors()))
        let alive = kill(p.pid, 0) == 0
        let elapsed = now() - start
        for (k, rss, fds) in samples { print(String(format: "soak frame %7d | RSS %.1f MB | open fds %d", k, rss, fds)) }
        let afterWarmup = samples.dropFirst(2).map(\.1)
        print(String(format: "soak | keys=%d frames drawn=%d swaps=%d resizes=%d in %.0f s | %d bytes written | RSS after warm-up %.1f–%.1f MB (spread %.1f MB) | fds %@ | alive=%@",
                     frames, drawn, swapsDone, resizesDone, elapsed, written, afterWarmup.min() ?? 0, afterWarmup.max() ?? 0,
                     (afterWarmup.max() ?? 0) - (afterWarmup.min() ?? 0),
                     Set(samples.map(\.2)).count == 1 ? "constant" : "varying \(samples.map(\.2))", alive ? "yes" : "NO"))
        p.stop()
    }
}

extension PtyProcess {
    /// Reads whatever is waiting, without blocking.
    func drain() -> Int {
        var total = 0
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, 0) > 0 else { break }
            let n = read(master, &buf, buf.count)
            if n <= 0 { break }
            total += n
        }
        return total
    }

    func rssMegabytes() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }
}
