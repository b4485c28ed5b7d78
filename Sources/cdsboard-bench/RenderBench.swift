import ArgumentParser
import DashboardCore
import Foundation
import SnapshotKit

/// Render a full frame from State to Canvas.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render",
        abstract: "Time render(state) at 240x67 and 120x40 on a snapshot (median over many frames); the map's first frame (projection) apart.")

    @Argument(help: "Snapshot directory.")
    var directory: String = "SampleData/ha-giang"

    @Option(help: "Frames per size.")
    var frames = 300

    func run() throws {
        guard case .success(let snap) = SnapshotLoader.load(directory: directory) else { throw ValidationError("snapshot refused") }
        for (w, h) in [(240, 67), (120, 40), (80, 24)] {
            for view in ["overview", "district", "commune"] + (snap.geometry == nil ? [] : ["map", "map+sites"]) {
                var s = AppState()
                s.size = Size(width: w, height: h)
                s.now = Date()
                _ = update(&s, .snapshotLoaded(snap))
                if view != "overview", let d = snap.units.unit(code: "030") { go(&s, to: d) }
                if view == "commune", let c = snap.units.unit(code: "00955") { go(&s, to: c) }
                s.showMap = view.hasPrefix("map")
                s.showSites = view == "map+sites"
                var first = ""
                if s.showMap {
                    // The first frame at a size projects and rasterises the outlines; later ones reuse that.
                    let t0 = now()
                    _ = render(s)
                    first = String(format: " | first frame (projection)=%.3f ms", (now() - t0) * 1000)
                }
                var times: [Double] = []
                var cells = 0
                for _ in 0..<frames {
                    let t0 = now()
                    let c = render(s)
                    times.append(now() - t0)
                    cells = c.cells.count
                }
                let st = Stats(samples: times)
                print(String(format: "render %dx%d %@ | frames=%d | median=%.3f ms p95=%.3f ms | cells=%d",
                             w, h, view, frames, st.median * 1000, st.p95 * 1000, cells) + first)
            }
        }
    }
}
