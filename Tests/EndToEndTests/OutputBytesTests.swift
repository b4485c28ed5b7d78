import DashboardTestSupport
import Foundation
import Testing

/// The bytes written to the terminal, as tmux receives them.
@Suite(.serialized) struct OutputBytesTests {
    let data = Fixtures.copyOfSample()

    /// Starts the dashboard with its output also copied to a file; returns the session and file.
    func start(_ env: [String: String], extra: String = "") -> (TmuxSession, String) {
        let log = Fixtures.temporaryDirectory("cdsboard-bytes") + "/out"
        // Start a shell first, copy what the pane receives to the log, then start the program.
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data) \(extra)", width: 120, height: 40, environment: env,
                            startDelay: 0.3)
        t.tmux(["pipe-pane", "-o", "-t", t.name, "cat >> \(log)"])
        return (t, log)
    }

    func colourSequences(_ bytes: String) -> Int {
        // SGR with a colour: ESC [ … 3x/4x/9x/10x or 38;5 / 48;5.
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)(?:;[0-9;]*)?m")
        return pattern.numberOfMatches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes))
    }

    @Test func noColorSendsNoColourSequences() {
        let (t, log) = start(["TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1"])
        defer { t.kill() }
        #expect(t.waitFor("Bắc Quang").contains("Bắc Quang"))
        t.sendKeys("t")
        usleep(300_000)
        let bytes = Fixtures.read(log)
        #expect(bytes.count > 1000)
        #expect(colourSequences(bytes) == 0)
    }

    @Test func colourThemesChangeTheColoursLive() {
        let (t, log) = start(["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        defer { t.kill() }
        #expect(t.waitFor("Bắc Quang").contains("Bắc Quang"))
        usleep(200_000)
        let first = Fixtures.read(log)
        #expect(colourSequences(first) > 0)
        #expect(!first.contains("38;5;25"))      // the light theme's accent is not in the default theme
        t.sendKeys("t")
        usleep(400_000)
        let after = String(Fixtures.read(log).dropFirst(first.count))
        #expect(after.contains("38;5;25") || after.contains("48;5;25"), "the light theme's colours were not sent")
    }

    @Test func idleWithoutClockWritesNothing() {
        let (t, log) = start(["TERM": "xterm-256color", "LANG": "C.UTF-8"], extra: "--no-clock")
        defer { t.kill() }
        #expect(t.waitFor("Bắc Quang").contains("Bắc Quang"))
        usleep(300_000)
        let before = Fixtures.read(log).utf8.count
        sleep(5)
        #expect(Fixtures.read(log).utf8.count == before)
    }
}

/// Text from a snapshot can never drive the terminal.
@Suite struct TerminalInjectionTests {
    @Test func controlSequencesInDataReachThePtyInert() throws {
        let data = Fixtures.copyOfSample()
        var villages = Fixtures.read(data + "/villages.csv")
        // The first village of Xã Đạo Đức (00955) gets a name full of terminal controls.
        let evil = "\u{1B}]0;PWNED\u{07}\u{1B}[31mRED\u{1B}]52;c;Y2xpcA==\u{07}\u{9B}2J\u{202E}txet"
        let lines = villages.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let k = try #require(lines.firstIndex { $0.contains(",00955,") })
        var fields = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = "\"" + evil + "\""
        var patched = lines
        patched[k] = fields.joined(separator: ",")
        villages = patched.joined(separator: "\n")
        Fixtures.write(villages, to: data + "/villages.csv")
        Fixtures.relist(data)

        let log = Fixtures.temporaryDirectory("cdsboard-inject") + "/out"
        let t = TmuxSession(command: "\(Fixtures.binary) --data \(data)", width: 160, height: 50,
                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], startDelay: 0.3)
        defer { t.kill() }
        t.tmux(["pipe-pane", "-o", "-t", t.name, "cat >> \(log)"])
        t.waitFor("Bắc Quang")
        t.sendKeys("/", "d", "a", "o", "Space", "d", "u", "c", "Enter")
        let screen = t.waitFor("PWNED")
        #expect(screen.contains("␛]0;PWNED␇"), "the name is not shown with visible placeholders")
        usleep(300_000)
        let bytes = Fixtures.read(log)
        #expect(bytes.contains("PWNED"))
        for raw in ["\u{1B}]0;PWNED", "\u{1B}[31mRED", "\u{1B}]52;", "\u{9B}2J", "\u{202E}"] {
            #expect(!bytes.contains(raw), "raw sequence reached the terminal: \(raw.debugDescription)")
        }
    }
}
