import Foundation
import TestSupport
import Testing

/// The built binary in a real terminal (tmux): appears, helps, resizes, quits cleanly.
@Suite("Dashboard in tmux", .serialized)
struct DashboardEndToEndTests {
    // MARK: Lifecycle

    @Test func opensHelpsResizesAndQuits() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        let first = try t.waitFor("Trilateral │")
        #expect(first.contains("Supply-chain resilience"))
        #expect(first.contains("Timeline"))
        try t.keys("?")
        _ = try t.waitFor("Help — keys and glyphs")
        try t.keys("?")
        try t.resize(60, 20)
        let narrow = try t.waitFor("▶ 1 Supply chains")
        #expect(!narrow.contains("Help — keys"))
        try t.resize(30, 8)
        _ = try t.waitFor("needs 40×12")
        try t.resize(120, 40)
        _ = try t.waitFor("Technology cooperation")
        try t.keys("q")
        let exit = try t.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.sttyRestored)
    }

    @Test func browsesAndOpensADetail() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        _ = try t.waitFor("Trilateral │")
        try t.keys("2", "j", "Enter")
        let screen = try t.waitFor("Source: ¶3") // the detail pane's citation
        #expect(screen.contains("▸Hydrogen"))
        try t.keys("t")
        _ = try t.waitFor("as of 9 Oct 2024")
        try t.keys("C-c")
        #expect(try t.waitForExit().status == 0)
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
    func signalRestoresTheTerminal(_ signal: Int32, _ expected: Int) throws {
        let t = try TmuxHarness(width: 100, height: 30)
        _ = try t.waitFor("Trilateral │")
        kill(try t.programPID(), signal)
        let exit = try t.waitForExit()
        #expect(exit.status == expected)
        #expect(exit.sttyRestored)
    }

    @Test func suspendAndResumeRedraws() throws {
        let t = try TmuxHarness(width: 100, height: 30)
        _ = try t.waitFor("Trilateral │")
        let pid = try t.programPID()
        kill(pid, SIGTSTP)
        #expect(try waitForState(pid, "T"), "SIGTSTP stops the process")
        kill(pid, SIGCONT)
        _ = try t.waitFor("Trilateral │")
        try t.keys("q")
        let exit = try t.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
    }

    /// Waits for a process's state letter in /proc (T: stopped).
    func waitForState(_ pid: Int32, _ letter: Character) throws -> Bool {
        let deadline = Date().addingTimeInterval(Tier.patience(2))
        while Date() < deadline {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == letter { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    // MARK: No terminal

    @Test func refusesWithoutATerminal() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: (try TmuxHarness.binary))
        p.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(stdout.isEmpty, "no escape sequences on stdout")
        #expect(stderr.contains("not a terminal") && stderr.contains("trilateral snapshot"))
    }

    @Test func refusesAnUnknownTerm() throws {
        let t = try TmuxHarness(width: 80, height: 24, term: "no-such-terminal")
        let exit = try t.waitForExit()
        #expect(exit.status == 2)
        #expect(try t.screen().contains("unknown to terminfo"))
    }
}

/// The timeline and the what-if panel, driven by keys in a real terminal.
@Suite("Timeline and what-if in tmux", .serialized)
struct ScenarioEndToEndTests {
    @Test func stepsThroughEventsAndOpensOne() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        _ = try t.waitFor("Trilateral │")
        try t.keys("t")
        _ = try t.waitFor("Timeline · 2021 Trilateral discussions begin")
        try t.keys("l", "l")
        _ = try t.waitFor("Timeline · 18 Aug 2023 Camp David summit")
        try t.keys(".")
        _ = try t.waitFor("This article is published")
        try t.keys("+", "+")
        _ = try t.waitFor("timeline zoom ×4")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }

    @Test func togglesFactorsAndExplains() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        _ = try t.waitFor("Trilateral │")
        try t.keys("w", "1", "3")
        let panel = try t.waitFor("us-team=first-term-style")
        #expect(panel.contains("◉ Trump wins"))
        try t.keys("Right", "j", "j", "j", "j", "j", "j", "Enter")
        _ = try t.waitFor("Outlook: The trilateral")
        // ¶9's "could falter" moves the economic-security pillars, not the whole; the whole's trace shows ¶8.
        _ = try t.waitFor("clearly preferred to engage in")
        try t.keys("w")
        let dashboard = try t.waitFor("Trump?")
        #expect(dashboard.contains("▼"))
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }
}

/// Browsing the pillar panes with keys, search and the mouse in a real terminal.
@Suite("Pillar panes in tmux", .serialized)
struct PaneEndToEndTests {
    @Test func focusesMovesOpensSearchesZoomsAndClicks() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        _ = try t.waitFor("Trilateral │")
        try t.keys("3", "j", "Enter")
        _ = try t.waitFor("Source: ¶3")
        try t.keys("/", "s", "e", "m", "i", "c", "o", "n", "d", "u", "c", "t", "o", "r")
        _ = try t.waitFor("3 matches")
        try t.keys("Enter")
        _ = try t.waitFor("/semiconductor 1/3")
        try t.keys("n")
        _ = try t.waitFor("/semiconductor 2/3")
        try t.keys("Escape", "z")
        _ = try t.waitFor("zoomed")
        try t.keys("z")
        _ = try t.waitFor("Semiconductor alliance")
        // SGR mouse report: a press on the first row of the technology pane's list (1-based cells).
        let screen = try t.screen()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = lines.firstIndex(where: { $0.contains("Semiconductor alliance") }),
              let column = lines[row].range(of: "Semiconductor") else { Issue.record("no list row"); return }
        let x = lines[row].distance(from: lines[row].startIndex, to: column.lowerBound) + 1
        try t.keys("-l", "\u{1B}[<0;\(x);\(row + 1)M\u{1B}[<0;\(x);\(row + 1)m")
        let clicked = try t.waitFor("▶ 2 Technology cooperation")
        #expect(clicked.contains("stabilise chip supplies") || clicked.contains("semiconductor alliance"))
        try t.keys("q")
        let exit = try t.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
    }
}

/// Colour capability in a real terminal: 8 colours, 256 colours, and none.
@Suite("Colour in tmux", .serialized)
struct ColourEndToEndTests {
    /// The SGR parameters that set a colour (30-38, 40-48, 90-97, 100-107) in captured text.
    func colourParameters(_ screen: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        let ns = screen as NSString
        return regex.matches(in: screen, range: NSRange(location: 0, length: ns.length)).flatMap { match in
            ns.substring(with: match.range(at: 1)).split(separator: ";").compactMap { Int($0) }
                .filter { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        }
    }

    /// The captured screen with its SGR sequences (`capture-pane -e`).
    func sgrCodes(_ t: TmuxHarness) throws -> String {
        try t.main.tmux(["capture-pane", "-p", "-e"])
    }

    @Test func noColorMeansNoColourSequences() throws {
        let t = try TmuxHarness(width: 100, height: 30, environment: ["NO_COLOR=1"])
        _ = try t.waitFor("Trilateral │")
        let screen = try sgrCodes(t)
        #expect(colourParameters(screen).isEmpty, "no colour sequences at all")
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m") || screen.contains("\u{1B}[1m"), "attributes still mark things")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }

    @Test func eightColourTerminal() throws {
        let t = try TmuxHarness(width: 100, height: 30, term: "xterm")
        _ = try t.waitFor("Trilateral │")
        let screen = try sgrCodes(t)
        #expect(!screen.contains("38;5;"), "no 256-colour sequences on an 8-colour terminal")
        #expect(!colourParameters(screen).isEmpty && colourParameters(screen).allSatisfy { $0 != 38 && $0 != 48 }, "8 ANSI colours only")
        try t.keys("T")
        _ = try t.waitFor("theme: ")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }

    @Test func twoHundredFiftySixColours() throws {
        let t = try TmuxHarness(width: 100, height: 30, term: "xterm-256color")
        _ = try t.waitFor("Trilateral │")
        let codes = try sgrCodes(t)
        #expect(codes.contains("38;5;"), "\(codes.prefix(300).debugDescription)")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }
}

/// The guided tour in a real terminal.
@Suite("Tour in tmux", .serialized)
struct TourEndToEndTests {
    @Test func walksForwardAndBackWithNotes() throws {
        let t = try TmuxHarness(width: 120, height: 40)
        _ = try t.waitFor("Trilateral │")
        try t.keys("b")
        _ = try t.waitFor("Step 1/13")
        try t.keys("Space", "Right", "PageDown")
        _ = try t.waitFor("Step 4/13")
        try t.keys("s")
        _ = try t.waitFor("Notes:")
        try t.keys("BSpace")
        _ = try t.waitFor("Step 3/13")
        try t.keys("b")
        _ = try t.waitFor("tour left")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }
}
