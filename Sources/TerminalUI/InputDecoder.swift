import CNcursesw
import DashboardCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Reads every pending key from ncurses (`wget_wch` until ERR) and turns it into events.
enum InputDecoder {
    enum Outcome {
        /// The events, and how many characters ncurses gave (some, like an unbound function
        /// key or a wheel turn, make no event).
        case events([Event], read: Int)
        /// The terminal is gone (EOF or EIO).
        case lost
    }

    static func drain(mouseEnabled: Bool) -> Outcome {
        var events: [Event] = []
        let win = cds_stdscr()
        var count = 0
        while count < 4096 {
            var wch: UInt32 = 0
            errno = 0
            let r = cds_get_wch(win, &wch)
            if r == ERR {
                if errno == EIO || errno == EBADF { return .lost }
                break
            }
            count += 1
            if r == KEY_CODE_YES {
                if let e = function(Int32(bitPattern: wch), mouseEnabled: mouseEnabled) { events.append(e) }
            } else if let key = character(wch) {
                events.append(.key(key))
            }
        }
        return .events(events, read: count)
    }

    static func character(_ w: UInt32) -> Key? {
        switch w {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(w + 96)!))
        case 0, 28...31: return nil
        default:
            guard let s = Unicode.Scalar(w) else { return nil }
            return .char(Character(s))
        }
    }

    static func function(_ code: Int32, mouseEnabled: Bool) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_MOUSE:
            var y: Int32 = 0, x: Int32 = 0
            var state: UInt = 0
            guard cds_get_mouse(&y, &x, &state) == 0, mouseEnabled else { return nil }
            if state & cds_button1_double_clicked() != 0 { return .mouse(x: Int(x), y: Int(y), double: true) }
            if state & cds_button1_clicked() != 0 { return .mouse(x: Int(x), y: Int(y), double: false) }
            return nil
        default:
            if code >= KEY_F0 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
            return nil
        }
    }
}
