#if !CDSBOARD_FUZZ
import DashboardCore
#endif
import Foundation

/// What travels in a meeting room: navigation, never data. One JSON object per line, at most
/// `RoomMessage.maxBytes` with its newline, with a protocol version:
///
///     {"v":1,"kind":"route","route":"district:030,period:2026-Q3,panel:bts","presenter":"lan",
///      "generated":1764493200,"offset":25200,"period_end":"2026-10-31"}
///
/// A follower sends nothing; a new presenter may send `{"v":1,"kind":"take_over"}` to the one
/// in the room (`--take-over`).
public enum RoomMessage: Equatable, Sendable {
    /// The presenter's route, the export it shows, and who presents (an account name).
    case route(Route, SnapshotVersion, presenter: String)
    case takeOver

    public static let version = 1
    /// A line longer than this (newline included) is refused unread.
    public static let maxBytes = 4096

    /// The line to send, newline included.
    public func encoded() -> [UInt8] {
        var object: [String: Any] = ["v": Self.version]
        switch self {
        case .route(let r, let v, let who):
            object["kind"] = "route"
            object["route"] = r.description
            object["presenter"] = who
            object["generated"] = v.generated
            object["offset"] = v.utcOffset
            object["period_end"] = v.periodEnd
        case .takeOver:
            object["kind"] = "take_over"
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Array(data) + [0x0A]
    }

    /// Reads one line (without its newline); anything else than a valid message of this
    /// version is an error that says what is wrong, and never a crash.
    public static func decode(_ line: ArraySlice<UInt8>) -> Result<RoomMessage, RoomMessageError> {
        guard line.count < maxBytes else { return .failure(.tooLong(line.count)) }
        guard let any = try? JSONSerialization.jsonObject(with: Data(line), options: []),
              let o = any as? [String: Any] else { return .failure(.notJSON) }
        guard let v = o["v"] as? Int else { return .failure(.field("v")) }
        guard v == version else { return .failure(.version(v)) }
        switch o["kind"] as? String {
        case "take_over": return .success(.takeOver)
        case "route":
            guard let text = o["route"] as? String else { return .failure(.field("route")) }
            guard case .success(let route) = Route.parse(text) else { return .failure(.field("route")) }
            guard let who = o["presenter"] as? String, isName(who) else { return .failure(.field("presenter")) }
            guard let generated = o["generated"] as? Int, abs(generated) < 1 << 40 else { return .failure(.field("generated")) }
            guard let offset = o["offset"] as? Int, abs(offset) <= 18 * 3600 else { return .failure(.field("offset")) }
            guard let end = o["period_end"] as? String, end.count <= 10,
                  end.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return .failure(.field("period_end")) }
            return .success(.route(route, SnapshotVersion(generated: generated, utcOffset: offset, periodEnd: end), presenter: who))
        default: return .failure(.field("kind"))
        }
    }

    /// An account name shown in a header: printable, no control characters, at most 32 characters.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.unicodeScalars.allSatisfy { !CharacterSet.controlCharacters.contains($0) && $0 != "\u{7F}" }
    }
}

/// Why a line is not a message.
public enum RoomMessageError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLong(Int)
    case notJSON
    case version(Int)
    /// A field missing or not valid.
    case field(String)

    public var description: String {
        switch self {
        case .tooLong(let n): return "message of \(n) bytes or more (at most \(RoomMessage.maxBytes))"
        case .notJSON: return "not a JSON object"
        case .version(let v): return "protocol version \(v) (this cdsboard speaks \(RoomMessage.version))"
        case .field(let f): return "field \"\(f)\" missing or not valid"
        }
    }
}
