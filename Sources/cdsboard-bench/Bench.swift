import ArgumentParser
import Foundation

/// `cdsboard-bench`: prints the figures behind the performance goals. Never fails on timing.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdsboard-bench",
        abstract: "Measure load, render and terminal costs of cdsboard; prints figures.",
        subcommands: [LoadBench.self, RenderBench.self, TerminalBench.self, SoakBench.self, ViewersBench.self, MeetingBench.self])
}

/// Median, p95, min and max of samples, formatted.
struct Stats {
    let samples: [Double]
    var sorted: [Double] { samples.sorted() }
    var median: Double { sorted[sorted.count / 2] }
    var p95: Double { sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)] }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident memory of this process so far, in MB (VmHWM).
func peakRSSMegabytes() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}
