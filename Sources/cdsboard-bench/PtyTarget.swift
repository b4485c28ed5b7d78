import ArgumentParser
import Foundation

/// What the pty benchmarks run: the binary, and a scratch copy of a snapshot they may change.
struct PtyTarget: ParsableArguments {
    @Option(help: "The cdsboard binary.")
    var binary: String = ".build/release/cdsboard"

    @Option(help: "A snapshot directory to copy (the copy is changed during the run).")
    var data: String = "SampleData/ha-giang"

    /// A fresh copy of `data` in the temporary folder; the caller removes it.
    func scratchCopy(_ label: String) throws -> String {
        let copy = NSTemporaryDirectory() + "cdsboard-\(label)-\(getpid())"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: data, toPath: copy)
        return copy
    }
}
