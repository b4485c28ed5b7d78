import DashboardCore
import Foundation
import Testing
@testable import MeetingRoom

/// The room's messages: one versioned JSON line, at most 4 KiB, validated; garbage is an
/// error that says what is wrong, never a crash.
@Suite struct RoomMessageTests {
    static let version = SnapshotVersion(generated: 1_764_493_200, utcOffset: 25_200, periodEnd: "2026-10-31")

    @Test func aRouteReadsBackToTheSameMessage() throws {
        let route = try Route.parse("commune:00793,period:2026-Q3,panel:bts,expanded,sort:-online_share,select:00793").get()
        let m = RoomMessage.route(route, Self.version, presenter: "Nguyễn Lan")
        let line = m.encoded()
        #expect(line.last == 0x0A)
        #expect(line.count < RoomMessage.maxBytes)
        #expect(RoomMessage.decode(line.dropLast()) == .success(m))
        #expect(RoomMessage.decode(RoomMessage.takeOver.encoded().dropLast()) == .success(.takeOver))
    }

    @Test(arguments: [
        ("", RoomMessageError.notJSON), ("garbage", .notJSON), ("[1,2]", .notJSON), ("{", .notJSON),
        ("{\"kind\":\"route\"}", .field("v")), ("{\"v\":2,\"kind\":\"route\"}", .version(2)), ("{\"v\":\"1\"}", .field("v")),
        ("{\"v\":1,\"kind\":\"dance\"}", .field("kind")),
        ("{\"v\":1,\"kind\":\"route\",\"route\":\"zoom\",\"presenter\":\"a\",\"generated\":1,\"offset\":0,\"period_end\":\"2026-10-31\"}", .field("route")),
        ("{\"v\":1,\"kind\":\"route\",\"route\":\"province\",\"presenter\":\"\\u001b[2J\",\"generated\":1,\"offset\":0,\"period_end\":\"2026-10-31\"}", .field("presenter")),
        ("{\"v\":1,\"kind\":\"route\",\"route\":\"province\",\"presenter\":\"a\",\"generated\":1e300,\"offset\":0,\"period_end\":\"2026-10-31\"}", .field("generated")),
        ("{\"v\":1,\"kind\":\"route\",\"route\":\"province\",\"presenter\":\"a\",\"generated\":1,\"offset\":0,\"period_end\":\"x\"}", .field("period_end")),
    ])
    func garbageIsRefusedWithTheReason(_ text: String, _ error: RoomMessageError) {
        #expect(RoomMessage.decode(Array(text.utf8)[...]) == .failure(error), "\(text)")
    }

    @Test func anOversizeLineIsRefusedBeforeItIsRead() {
        let big = Array(("{\"v\":1,\"kind\":\"route\",\"route\":\"" + String(repeating: "a", count: 5000) + "\"}").utf8)
        #expect(RoomMessage.decode(big[...]) == .failure(.tooLong(big.count)))
        // The framer gives up as soon as a line passes the limit, newline or not.
        var framer = LineFramer()
        #expect(framer.feed(Array(repeating: UInt8(ascii: "x"), count: 3000)) != nil)
        #expect(framer.feed(Array(repeating: UInt8(ascii: "x"), count: 3000)) == nil)
    }

    @Test func theFramerCutsLinesWhereverTheReadsEnd() {
        var framer = LineFramer()
        let bytes = Array("one\ntwo\nthr".utf8)
        #expect(framer.feed(bytes[0..<2])?.count == 0)
        let lines = framer.feed(bytes[2...])!
        #expect(lines.map { String(decoding: $0, as: UTF8.self) } == ["one", "two"])
        #expect(framer.feed(Array("ee\n".utf8))!.map { String(decoding: $0, as: UTF8.self) } == ["three"])
    }

    /// Random bytes, and random changes of a valid message: decoded or refused, never a crash;
    /// what decodes reads back the same (RoomMessageExercise, also the `room` fuzz target).
    @Test func randomBytesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        let valid = RoomMessage.route(Route(), Self.version, presenter: "lan").encoded().dropLast()
        for _ in 0..<2000 {
            var b = Array(valid)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<b.count, using: &rng)
                b[i] = UInt8.random(in: 0...255, using: &rng)
            }
            #expect(RoomMessageExercise.run(b) == nil)
            #expect(RoomMessageExercise.run(b + [0x0A] + Array(valid) + [0x0A]) == nil)
            #expect(RoomMessageExercise.run((0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }) == nil)
        }
    }
}
