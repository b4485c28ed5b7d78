#if !CDSBOARD_FUZZ
@testable import MeetingRoom
#endif

/// The room's message decoder on any bytes (the `room` fuzz target, and RoomMessageTests):
/// cut into lines by the framer, whole and in 7-byte reads alike; every line decoded or
/// refused; a decoded message encodes to a line that decodes to the same message. The broken
/// property, if any.
enum RoomMessageExercise {
    static func run(_ bytes: [UInt8]) -> String? {
        var whole = LineFramer()
        let all = whole.feed(bytes)
        var pieces = LineFramer()
        var cut: [ArraySlice<UInt8>]? = []
        var i = 0
        while i < bytes.count, cut != nil {
            let part = bytes[i..<min(bytes.count, i + 7)]
            if let lines = pieces.feed(part) { cut! += lines } else { cut = nil }
            i += 7
        }
        guard (all == nil) == (cut == nil) else { return "the framer refused in one read what it took in 7-byte reads, or the reverse" }
        if let all, let cut, all.map(Array.init) != cut.map(Array.init) { return "the framer cut other lines in 7-byte reads" }
        for line in all ?? [bytes[...]] {
            guard case .success(let m) = RoomMessage.decode(line) else { continue }
            let again = m.encoded()
            guard again.count <= RoomMessage.maxBytes else { return "a decoded message encodes longer than the limit" }
            guard RoomMessage.decode(again.dropLast()) == .success(m) else { return "a decoded message does not read back: \(m)" }
        }
        return nil
    }
}
