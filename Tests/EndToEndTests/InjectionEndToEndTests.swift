import Foundation
import Testing

/// Terminal injection: a briefing whose strings carry ESC, CSI and OSC sequences (an OSC 52
/// clipboard write, a title change), BEL, C1 controls, a bidi override and NUL. They must be
/// shown escaped, on screen and in `dump`, and never reach the terminal as bytes.
@Suite("Terminal injection", .serialized)
struct InjectionEndToEndTests {
    /// One YAML double-quoted payload with every attack, between visible markers.
    static let payload = #"<\e]52;c;aGVsbG8=\a|\e]0;pwned\a|\e]8;;http://x\e\\|\e[2J|\e[31m|\x9b1m|\x9d0;t\x9c|\u202Eevil|\0|\a|\x7f>"#

    /// The payload as the characters themselves (no NUL: a source text may not hold one), for
    /// the source text, which is read as it is, not as YAML.
    static let rawPayload = "<\u{1B}]52;c;aGVsbG8=\u{07}|\u{1B}]0;pwned\u{07}|\u{1B}]8;;http://x\u{1B}\\|\u{1B}[2J|\u{1B}[31m|\u{9B}1m|\u{9D}0;t\u{9C}|\u{202E}evil|\u{07}|\u{7F}>"

    /// The example briefing with the payload in its title, author, a pillar, a commitment, an
    /// event, a leader, a factor option and a preset, and in the source text its quotes are
    /// checked against (shown by the paragraph view, `p`).
    static func hostileBriefing() throws -> String {
        let example = TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml")
        var text = try String(contentsOf: example, encoding: .utf8)
        let name = "hostile-\(UUID().uuidString.prefix(8))"
        let source = try String(contentsOf: TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.md"), encoding: .utf8)
            .replacingOccurrences(of: "pool their harbour data,", with: "pool their harbour data, \(rawPayload)")
        try source.write(to: FileManager.default.temporaryDirectory.appending(path: name + ".md"), atomically: true, encoding: .utf8)
        #expect(text.contains("text: example-harbour-pact.md"), "fixture anchor: the source text")
        text = text.replacingOccurrences(of: "text: example-harbour-pact.md", with: "text: \(name).md")
        for (plain, label) in [
            ("title: The Harbour Pact and the tides of coastal trade", "title: "),
            ("author: A. Example", "author: "),
            ("    name: Shared harbour data", "    name: "),
            ("title: A common arrivals feed", "title: "),
            ("text: One feed of arrivals.", "text: "),
            ("title: The pact is signed", "title: "),
            ("name: Amara Vell", "name: "),
            ("label: The rival", "label: "),
            ("name: Stormy politics", "name: "),
        ] {
            #expect(text.contains(plain), "fixture anchor: \(plain)")
            text = text.replacingOccurrences(of: plain, with: label + "\"" + plain.dropFirst(label.count).replacingOccurrences(of: "\"", with: "") + " " + payload + "\"")
        }
        let path = FileManager.default.temporaryDirectory.appending(path: name + ".yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The forbidden bytes: any OSC or string introducer, BEL, NUL, DEL, C1 controls (in
    /// UTF-8), bidi controls, and the injected CSI sequences themselves.
    static func forbidden(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        let text = String(decoding: bytes, as: UTF8.self)
        for (needle, name) in [("\u{1B}]", "OSC"), ("\u{1B}P", "DCS"), ("\u{1B}_", "APC"), ("\u{1B}^", "PM"), ("\u{1B}[2J|", "injected clear"), ("\u{1B}[31m|", "injected colour"),
                               ("\u{07}", "BEL"), ("\u{0}", "NUL"), ("\u{7F}", "DEL"), ("\u{202E}", "RLO")] where text.contains(needle) {
            found.append(name)
        }
        for i in bytes.indices.dropLast() where bytes[i] == 0xC2 && (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1 U+00\(String(bytes[i + 1], radix: 16))") }
        return found
    }

    @Test func dumpShowsEveryControlEscaped() throws {
        let path = try Self.hostileBriefing()
        let out = try TmuxHarness.run((try TmuxHarness.binary), ["dump", "--briefing", path, "--layer", "hindsight"])
        #expect(out.contains(#"\e]52;c;aGVsbG8="#), "the attack is shown, escaped")
        #expect(out.contains(#"\u{202E}evil"#))
        #expect(Self.forbidden(in: Array(out.utf8)) == [])
        let validate = try TmuxHarness.run((try TmuxHarness.binary), ["validate", path])
        #expect(Self.forbidden(in: Array(validate.utf8)) == [])
    }

    @Test func nothingInjectedReachesTheTerminal() throws {
        let path = try Self.hostileBriefing()
        let t = try TmuxHarness(width: 120, height: 40, arguments: "--version")
        _ = try t.main.waitForExit()
        let log = t.dir.appending(path: "bytes").path
        // The dashboard starts only once the pipe is in place (the test then creates `go`), so
        // every byte it writes is captured.
        let go = t.dir.appending(path: "go").path
        let pane = try t.open("evil", width: 120, height: 40, command: "while [ ! -e \(go) ]; do sleep 0.02; done; \(try TmuxHarness.binary) --briefing \(path)")
        try pane.tmux(["pipe-pane", "-o", "cat >> \(log)"])
        FileManager.default.createFile(atPath: go, contents: Data())
        try pane.waitFor("Trilateral │")
        let screen = try pane.screen()
        #expect(screen.contains(#"\e]52"#), "the title shows the attack escaped")
        // Visit every place the payload lives: lists, detail, timeline, what-if, search, help.
        for keys in [["Enter"], ["p"], ["p"], ["j", "Enter"], ["2", "Enter"], ["t"], ["Left", "Enter"], ["Escape", "z"], ["w"], ["Down", "Down", "Down", "Down", "Enter"], ["w"], ["/", "evil", "Enter"], ["n"], ["?"], ["?"], ["e"], ["q"]] {
            try pane.keys(keys[0])
            for k in keys.dropFirst() { try pane.keys(k) }
            Thread.sleep(forTimeInterval: 0.15)
        }
        let exit = try pane.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
        try pane.tmux(["pipe-pane"])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: log)))
        #expect(bytes.count > 5000, "the log holds the session's output")
        #expect(Self.forbidden(in: bytes) == [])
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u{202E}"#), "the override was drawn as an escape")
        #expect(String(decoding: bytes, as: UTF8.self).contains("Cited paragraphs"), "the paragraph view, with the text's payload, was drawn")
    }
}
