import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// Every input that once broke a parser under the fuzzer (`.fuzz/findings/<target>/`), and
/// the fuzz corpus itself (`.fuzz/corpus/<target>/`), run through the same checks the fuzz
/// harness makes: no crash, no broken property.
@Suite(.serialized) struct FuzzFindingsTests {
    static let root = Fixtures.repositoryRoot() + "/.fuzz"

    static func inputs(_ kind: String) -> [String] {
        ParserExercise.targets.flatMap { target in
            let dir = root + "/" + kind + "/" + target
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.sorted().map { target + "/" + $0 }
        }
    }

    func run(_ kind: String, _ input: String) {
        ParserExercise.unitsPath = Fixtures.sampleDirectory + "/units.json"
        let target = String(input.prefix { $0 != "/" })
        let bytes = [UInt8](FileManager.default.contents(atPath: Self.root + "/" + kind + "/" + input) ?? Data())
        #expect(ParserExercise.run(target, bytes) == nil, "\(kind)/\(input)")
    }

    @Test func findingsAreFixed() {
        let inputs = Self.inputs("findings")
        #expect(inputs.count >= 2)
        for input in inputs { run("findings", input) }
    }

    @Test func theCorpusPasses() {
        let inputs = Self.inputs("corpus")
        #expect(inputs.count >= ParserExercise.targets.count)
        for input in inputs { run("corpus", input) }
    }
}
