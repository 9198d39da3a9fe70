import Foundation
import Testing

/// `present --web`: a room that follows in a browser. The presenter (release binary) starts its
/// door; Debian's Chromium, driven by selenium (`Tests/WebDoor/web_browser.py`), is the phone;
/// `Tests/WebDoor/web_clients.py` is the crowd and the attacker (python3-websockets and raw
/// sockets); everything on loopback.
@Suite("The web door", .serialized, .slowTier)
struct WebDoorEndToEndTests {
    /// A presenter with a web door on a free port (and whatever else `extra` asks for).
    struct Room {
        let t: TmuxHarness
        let port: Int
        let errors: String
        let code = "918273"

        /// `ready`: what the presenter's first flash says once its doors are open (the first
        /// door's line: the SSH door's when there is one).
        init(extra: String = "", open: Bool = false, briefing: String? = nil, ready: String? = nil, width: Int = 120, height: Int = 40) throws {
            port = try SSHEndToEndTests.Server.freePort()
            let dir = "/tmp/tri-web-\(UUID().uuidString.prefix(8))"
            errors = dir + "-stderr"
            let who = open ? "--web-open" : "--room-code \(code)"
            t = try TmuxHarness(width: width, height: height, arguments: "present \(briefing.map { "--briefing \($0)" } ?? "") --session room --dir \(dir) --web 127.0.0.1:\(port) \(who) \(extra) 2>\(errors)",
                                environment: ["XDG_STATE_HOME=\(dir)-state"])
            try t.main.waitFor(ready ?? "web door on http://127.0.0.1:\(port)/")
        }

        /// The door's process id.
        var door: String {
            get throws {
                try TmuxHarness.run("/usr/bin/pgrep", ["-f", "trilateral-web --listen 127.0.0.1:\(port)"]).split(separator: "\n").first.map(String.init) ?? ""
            }
        }
    }

    /// A Python script of `Tests/WebDoor` with its arguments; its standard input held open (the
    /// script's "done") and its output read line by line.
    static func script(_ name: String, _ arguments: [String]) throws -> (process: Process, input: Pipe, output: FileHandle) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [TmuxHarness.root.appending(path: "Tests/WebDoor/\(name)").path] + arguments
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        return (p, input, output.fileHandleForReading)
    }

    /// Runs a script to its end: its JSON lines and its exit status.
    static func run(_ name: String, _ arguments: [String]) throws -> (lines: [[String: Any]], status: Int32) {
        let s = try script(name, arguments)
        s.input.fileHandleForWriting.closeFile()
        let data = s.output.readDataToEndOfFile()
        s.process.waitUntilExit()
        let lines = data.split(separator: 0x0a).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        return (lines, s.process.terminationStatus)
    }

    @Test func aPhoneFollowsThePresenterBrowsesAndComesBack() throws {
        // Both doors at once: one code for both, both on the status bar.
        let room = try Room(extra: "--ssh 127.0.0.1:\(try SSHEndToEndTests.Server.freePort())", ready: "ssh door on")
        try room.t.keys("Escape")
        try room.t.main.waitFor("http://127.0.0.1:\(room.port)/ · code \(room.code)")
        let shots = FileManager.default.temporaryDirectory.appending(path: "trilateral-web-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let result = try Self.run("web_browser.py", ["follow", "\(room.port)", room.code, room.t.socket, room.t.main.target, shots.path])
        let failed = result.lines.first { $0["failed"] as? Bool == true }
        #expect(result.status == 0 && failed == nil, "the browser's checks: \(failed ?? result.lines.last ?? [:])")
        for check in ["the next pane is marked and in view", "the next step's caption, still following", "an opened item is marked",
                      "a scenario change updates the figures in place", "a browsing reader is not moved", "Follow snaps back to the presenter",
                      "after a resize the presenter's place is still in view", "no errors in the console", "the presenter's goodbye on the page"] {
            let line = result.lines.first { $0["check"] as? String == check }
            #expect(line != nil, "checked: \(check)")
            if let seconds = line?["seconds"] as? Double { #expect(seconds <= 1.0, "\(check) within a second: \(seconds) s") }
        }
        for shot in ["live-375x812.png", "live-375x812-dark.png", "live-1280x800.png"] {
            let png = (try? Data(contentsOf: shots.appending(path: shot))) ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 30_000, "a screenshot with something on it: \(shot)")
        }
        // The script quit the presenter with q: it ends cleanly and nothing listens after it.
        #expect(try room.t.main.waitForExit().status == 0)
        let after = try? TmuxHarness.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(room.port)/"])
        #expect(after == nil || after == "000", "nothing listens after the presenter quits: \(after ?? "-")")
    }

    @Test func hostileBriefingTextStaysInertOnTheLivePage() throws {
        let briefing = try Self.hostileHTMLBriefing()
        let room = try Room(open: true, briefing: briefing)
        let shots = FileManager.default.temporaryDirectory.appending(path: "trilateral-web-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let result = try Self.run("web_browser.py", ["hostile", "\(room.port)", room.t.socket, room.t.main.target, shots.path])
        #expect(result.status == 0, "\(result.lines)")
        #expect(result.lines.contains { $0["check"] as? String == "hostile briefing text stays inert" })
        try room.t.keys("q")
        #expect(try room.t.main.waitForExit().status == 0)
    }

    @Test func aWatchReloadReachesThePageAsANewDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-web-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appending(path: "pact.yaml")
        try FileManager.default.copyItem(at: TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml"), to: file)
        TmuxHarness.copyExampleText(beside: file)
        let room = try Room(extra: "--watch", open: true, briefing: file.path)
        let result = try Self.run("web_clients.py", ["reload", "\(room.port)", file.path])
        #expect(result.lines.first?["told"] as? Bool == true, "the page was told to reload: \(result.lines)")
        #expect(result.lines.first?["served"] as? Bool == true, "the page served after it is the new briefing: \(result.lines)")
        try room.t.keys("q")
        #expect(try room.t.main.waitForExit().status == 0)
    }

    @Test func aThousandViewersAndViewersThatNeverReadDoNotHoldThePresenterUp() throws {
        let room = try Room(extra: "--web-max 1100")
        let crowd = try Self.script("web_clients.py", ["viewers", "\(room.port)", room.code, "--count", "1000"])
        let joined = try Self.report(crowd.output)
        #expect(joined["following"] as? Int == 1000, "every viewer has its first view: \(joined)")
        try room.t.main.waitFor("1000 watching · 1000 in a browser", seconds: 30)
        let stalled = try Self.script("web_clients.py", ["stalled", "\(room.port)", room.code, "--count", "20"])
        #expect(try Self.report(stalled.output)["stalled"] as? Int == 20)
        try room.t.main.waitFor("1020 watching · 1020 in a browser", seconds: 30)
        // One key: every reading viewer gets the new view.
        try room.t.keys("Tab")
        let moved = try Self.report(crowd.output)
        #expect(moved["moved"] as? Int == 1000, "every reading viewer got the next view: \(moved)")
        // The presenter goes through the tour; the viewers that never read fall behind, not it.
        let door = try room.door
        let before = SSHDoorEndToEndTests.privateBytes(door)
        try room.t.keys("b")
        for step in 2...12 {
            try room.t.keys("Space")
            try room.t.main.waitFor("step \(step)/13")
        }
        let after = SSHDoorEndToEndTests.privateBytes(door)
        #expect(before > 0 && after - before < 16 << 20, "the door's memory stays bounded with stalled viewers: \(before) → \(after) bytes")
        crowd.input.fileHandleForWriting.closeFile()
        stalled.input.fileHandleForWriting.closeFile()
        crowd.process.waitUntilExit()
        stalled.process.waitUntilExit()
        try room.t.main.waitFor("no one watching", seconds: 30)
        try room.t.keys("q")
        #expect(try room.t.main.waitForExit().status == 0)
    }

    @Test func everythingButWatchingIsRefused() throws {
        let room = try Room()
        let result = try Self.run("web_clients.py", ["faults", "\(room.port)", room.code])
        let r = result.lines.first ?? [:]
        #expect(r["page"] as? Int == 200 && r["noCookiePage"] as? Bool == true, "\(r)")
        let policy = r["csp"] as? String ?? ""
        #expect(policy.hasPrefix("default-src 'none'; script-src 'sha256-") && policy.contains("connect-src 'self'") && !policy.contains("unsafe-inline"), "\(policy)")
        #expect(r["nosniff"] as? String == "nosniff" && r["cache"] as? String == "no-store")
        #expect((r["head"] as? [Int]) == [200, 0], "HEAD has no body")
        let statuses: [(String, Int)] = [("post", 405), ("putLive", 405), ("unknown", 404), ("plainLive", 426), ("hugeHead", 431), ("hugeBody", 413),
                                         ("garbage", 400), ("noCookieLive", 403), ("foreignOrigin", 403)]
        for (name, status) in statuses { #expect(r[name] as? Int == status, "\(name): \(r[name] ?? "-")") }
        #expect((r["slow"] as? [Int])?.first == 408, "a request that never ends is timed out: \(r["slow"] ?? "-")")
        // On /live: a flood, and every malformed frame, end the viewer (1008 policy, 1009 too big,
        // or NIO's own protocol error close).
        for name in ["flood", "binary", "fragment", "reservedOpcode", "notAStatus"] { #expect(r[name] as? Int == 1008, "\(name): \(r[name] ?? "-")") }
        #expect(r["oversized"] as? Int == 1009)
        #expect(r["pingFlood"] as? Int == 1008, "a ping flood that never reads is closed: \(r["pingFlood"] ?? "-")")
        #expect(r["reservedBits"] as? Int == 1002, "\(r["reservedBits"] ?? "-")")
        // A close with a code no peer may send, or a one-byte body, is a protocol error; 1000 is answered 1000.
        #expect(r["badCloseCode"] as? Int == 1002 && r["shortClose"] as? Int == 1002 && r["goodClose"] as? Int == 1000,
                "\(r["badCloseCode"] ?? "-") \(r["shortClose"] ?? "-") \(r["goodClose"] ?? "-")")
        // Another name for a loopback door (DNS rebinding) gets 421, for the page and the WebSocket.
        #expect(r["foreignHost"] as? Int == 421 && r["foreignHostLive"] as? Int == 421, "\(r["foreignHost"] ?? "-"), \(r["foreignHostLive"] ?? "-")")
        // 160 half-sent requests from one address: all past the first 128 are closed at once.
        #expect((32...40).contains(r["waitingClosed"] as? Int ?? -1), "\(r["waitingClosed"] ?? "-")")
        #expect(r["afterWaiting"] as? Int == 200)
        // Random bytes and an unmasked frame are protocol errors: closed, with 1002 or no frame.
        for name in ["unmasked", "garbageFrame"] {
            let ended = (r[name] as? Int).map { [1002, 1008, 1009].contains($0) } ?? (r[name] as? String == "closed")
            #expect(ended, "\(name): \(r[name] ?? "-")")
        }
        // Wrong codes: three are judged at once, then the address waits.
        let guesses = try Self.run("web_clients.py", ["guesses", "\(room.port)", "--count", "200"])
        let g = guesses.lines.first ?? [:]
        let judged = g["judged"] as? Int ?? -1
        #expect(judged >= 3 && judged <= 40 && (g["waited"] as? Int ?? 0) > 0, "wrong codes are slowed: \(g)")
        #expect(room.t.main.isRunning)
        try room.t.main.waitFor("no one watching")
        try room.t.keys("q")
        #expect(try room.t.main.waitForExit().status == 0)
    }

    @Test func aFullRoomSaysSo() throws {
        let room = try Room(extra: "--web-max 2")
        let two = try Self.script("web_clients.py", ["stalled", "\(room.port)", room.code, "--count", "2"])
        #expect(try Self.report(two.output)["stalled"] as? Int == 2)
        let third = try Self.run("web_clients.py", ["upgrade", "\(room.port)", room.code])
        #expect(third.lines.first?["status"] as? Int == 503, "a third viewer is told the room is full: \(third.lines)")
        try room.t.main.waitFor("the room is full")
        two.input.fileHandleForWriting.closeFile()
        two.process.waitUntilExit()
        try room.t.keys("q")
        #expect(try room.t.main.waitForExit().status == 0)
    }

    /// The next JSON line a script prints.
    static func report(_ handle: FileHandle) throws -> [String: Any] { try SSHDoorEndToEndTests.report(handle) }

    /// The example briefing with HTML and script in its title, a pillar, a commitment, a tour
    /// caption, a factor option and a preset.
    static func hostileHTMLBriefing() throws -> String {
        let example = TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml")
        var text = try String(contentsOf: example, encoding: .utf8)
        let payload = #"<img src=x onerror=window.pwned=1><script>window.pwned=2</script></textarea>'\" onmouseover=window.pwned=3 x=\""#
        for (plain, label) in [
            ("title: The Harbour Pact and the tides of coastal trade", "title: "),
            ("    name: Shared harbour data", "    name: "),
            ("title: A common arrivals feed", "title: "),
            ("caption: The pact pools harbour data in one feed.", "caption: "),
            ("label: The rival", "label: "),
            ("name: Stormy politics", "name: "),
        ] {
            #expect(text.contains(plain), "fixture anchor: \(plain)")
            text = text.replacingOccurrences(of: plain, with: label + "\"" + plain.dropFirst(label.count) + " " + payload + "\"")
        }
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-web-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appending(path: "hostile.yaml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        TmuxHarness.copyExampleText(beside: path)
        return path.path
    }
}
