import Foundation

// libFuzzer entry point for cdsboard's snapshot parsers, built by build.sh into one module with
// SnapshotKit's sources and the test oracle (Tests/SnapshotKitTests/ParserExercise.swift,
// Sources/DashboardTestSupport/NaiveCSV.swift). FUZZ_TARGET picks the parser (ParserExercise.targets):
//   csv            the RFC 4180 reader (SIMD and scalar scanning) against the naive reader, and
//                  typed field access; a file read whole and read in 64-byte windows must give
//                  the naive reader's rows, lines and errors
//   dossiers.csv   raw dossiers the general way, through the fused scanner, and in 2 and 3 parts:
//                  same figures, same errors
//   the other snapshot files: their parser must not crash and must explain every issue.
//   snapshot       a whole snapshot directory, its files joined by a line "====" (see
//                  Tests/SnapshotKitTests/SnapshotExercise.swift): loaded and viewed, no crash, figures add up.
//   room           the meeting room's message decoder and line framer (Tests/MeetingRoomTests/RoomMessageExercise.swift).
// A crash, a sanitizer report or a broken property is a finding.

let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func cdsboardFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    if fuzzTarget == "room" {
        if let broken = RoomMessageExercise.run(bytes) { fatalError(broken) }
        return 0
    }
    if let broken = ParserExercise.run(fuzzTarget, bytes) { fatalError(broken) }
    return 0
}
