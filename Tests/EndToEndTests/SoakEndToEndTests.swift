import Foundation
import TestSupport
import Testing
import TrilateralUI

/// Soak and fault tests against the real binary in tmux: thousands of random keys and
/// hundreds of resizes, then the screen must equal a fresh render of the same session; and
/// signal storms, after which the terminal must be restored with the right exit code.
@Suite("Soak and signals in tmux", .serialized, .slowTier)
struct SoakEndToEndTests {
    /// Keys a soak may press: everything but quitting and suspending. Each is a tmux key name
    /// and the same key in `trilateral snapshot --keys` notation.
    static let keys: [(tmux: String, script: String)] = {
        var keys: [(String, String)] = [("Tab", "<Tab>"), ("BTab", "<S-Tab>"), ("Enter", "<Enter>"), ("Space", "<Space>"), ("Left", "<Left>"),
                                        ("Right", "<Right>"), ("Up", "<Up>"), ("Down", "<Down>"), ("PPage", "<PgUp>"), ("NPage", "<PgDn>"),
                                        ("Home", "<Home>"), ("End", "<End>"), ("BSpace", "<BS>"), ("Escape", "<Esc>")]
        for c in "jkhl1234567ztTHSbwcerunN+-.?s/xé" { keys.append((String(c), String(c))) }
        return keys
    }()

    @Test func twoThousandKeysAndTwoHundredResizesEndOnAFreshRender() throws {
        var rng = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["SOAK_SEED"].flatMap { UInt64($0) } ?? 20_261_129))
        let t = try TmuxHarness(width: 120, height: 40)
        try t.main.waitFor("Trilateral │")
        var script = ""
        var size = (120, 40)
        for round in 0..<200 {
            var batch: [String] = []
            for _ in 0..<10 {
                let key = Self.keys[Int(rng.next() % UInt64(Self.keys.count))]
                batch.append(key.tmux)
                script += key.script
                if key.tmux == "Escape" { break }   // let ncurses see a lone Esc (ESCDELAY) before more keys
            }
            try t.main.tmux(["send-keys"] + batch)
            // The keys must be handled before the resize (a signal, not input): wait until the
            // screen stops changing (a lone Esc first waits out ESCDELAY).
            if batch.last == "Escape" { Thread.sleep(forTimeInterval: 0.2) }
            try t.main.waitUntilStable()
            size = round % 20 == 7 ? (Int(1 + rng.next() % 39), Int(1 + rng.next() % 11)) : (Int(40 + rng.next() % 161), Int(12 + rng.next() % 49))
            try t.resize(size.0, size.1)
            script += "<resize:\(size.0)x\(size.1)>"
            try t.main.waitUntilStable()
        }
        #expect(t.main.isRunning, "alive after the soak")
        let expected = try TmuxHarness.run((try TmuxHarness.binary), ["snapshot", "--size", "\(size.0)x\(size.1)", "--keys", script])
        let trim = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n").trimmingCharacters(in: .newlines) }
        let screen = try t.screen()
        if trim(screen) != trim(expected) {
            try? script.write(toFile: "/tmp/soak-keys.txt", atomically: true, encoding: .utf8)
            try? screen.write(toFile: "/tmp/soak-screen.txt", atomically: true, encoding: .utf8)
            try? expected.write(toFile: "/tmp/soak-expected.txt", atomically: true, encoding: .utf8)
        }
        #expect(trim(screen) == trim(expected), "final screen = fresh render; keys in /tmp/soak-keys.txt, screens in /tmp/soak-screen.txt and /tmp/soak-expected.txt")
        // Ctrl-C cancels a search prompt first; a second one quits.
        try t.keys("C-c")
        try t.main.waitUntilStable()
        if t.main.isRunning { try t.keys("C-c") }
        let exit = try t.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
    }

    @Test func resizeAndSuspendStormsThenQuit() throws {
        let t = try TmuxHarness(width: 100, height: 30)
        try t.main.waitFor("Trilateral │")
        let pid = try t.programPID()
        for i in 0..<300 { kill(pid, SIGWINCH); if i % 30 == 0 { try t.resize(60 + i / 10, 20 + i / 30) } }
        for _ in 0..<20 { kill(pid, SIGTSTP); Thread.sleep(forTimeInterval: 0.01); kill(pid, SIGCONT) }
        kill(pid, SIGCONT)
        try t.resize(100, 30)
        try t.keys("2")
        try t.main.waitFor("▶ 2 Technology cooperation")
        try t.keys("q")
        let exit = try t.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130), (SIGQUIT, 131)])
    func signalInTheMiddleOfAStorm(_ signal: Int32, _ expected: Int) throws {
        let t = try TmuxHarness(width: 100, height: 30)
        try t.main.waitFor("Trilateral │")
        let pid = try t.programPID()
        for _ in 0..<100 { kill(pid, SIGWINCH) }
        try t.keys("j", "j", "Tab")
        kill(pid, signal)
        for _ in 0..<50 { kill(pid, SIGWINCH) }
        let exit = try t.waitForExit()
        #expect(exit.status == expected)
        #expect(exit.sttyRestored)
    }
}
