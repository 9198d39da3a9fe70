import Foundation
import TestSupport
import Testing

/// The live screen in a real terminal (tmux) shows what `snapshot` shows, cell for cell, for
/// text that is more than one code point per glyph: flags, ZWJ sequences, skin tones,
/// combining marks; and CJK, which takes two columns a glyph.
@Suite("Grapheme clusters on the live screen", .serialized)
struct GraphemeEndToEndTests {
    /// The example briefing with such text in its title, key points and commitments: on the
    /// top bar, the detail pane and a list row at every size.
    static let briefing: String = {
        let example = TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml")
        let file = FileManager.default.temporaryDirectory.appending(path: "trilateral-graphemes-\(UUID().uuidString.prefix(8)).yaml")
        TmuxHarness.copyExampleText(beside: file)
        let text = (try? String(contentsOf: example, encoding: .utf8)) ?? ""
        try? text
            .replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade",
                                  with: "title: \"🇯🇵🇰🇷 Pact 👨‍👩‍👧 👍🏽 cafe\\u0301 日本語 한국어\"")
            .replacingOccurrences(of: "  - Three fictional port states agree to pool their harbour data.",
                                  with: "  - \"Flags 🇯🇵 and 🇰🇷, a family 👨‍👩‍👧, a thumb 👍🏽, marks e\\u0301 n\\u0303 a\\u0308\\u0301, 日本 and 한국 agree.\"")
            .replacingOccurrences(of: "title: A common arrivals feed", with: "title: \"🇯🇵 feed 👨‍👩‍👧 👍🏽 日本 x\\u0301\"")
            // A second commitment whose flag shares its first letter, at the same place in the
            // detail pane: opening one after the other changes only the second indicator.
            .replacingOccurrences(of: "  - id: base\n", with: "      - { id: feed-two, title: \"🇯🇲 feed two\", text: Two., countries: [aq], status: launched, cite: { para: 1 } }\n  - id: base\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }()

    /// What `snapshot` draws at that size after `keys`, trailing spaces trimmed.
    static func snapshot(_ width: Int, _ height: Int, keys: String) throws -> [String] {
        let r = try CommandLineTests.run(["snapshot", "--briefing", briefing, "--size", "\(width)x\(height)", "--keys", keys])
        #expect(r.status == 0, "\(r.err)")
        return r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { Self.trimmed($0) }
    }

    static func trimmed(_ line: Substring) -> String {
        var line = String(line)
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The pane's rows as tmux holds them, trailing spaces trimmed.
    static func live(_ t: TmuxHarness, height: Int) throws -> [String] {
        let rows = try t.screen().split(separator: "\n", omittingEmptySubsequences: false).map { Self.trimmed($0) }
        return Array((rows + Array(repeating: "", count: height)).prefix(height))
    }

    /// Opens the dashboard, presses keys (tmux names, and the same in `--keys` notation), and
    /// compares the screen with the snapshot after each step.
    @Test(arguments: [(80, 24), (120, 40)])
    func theLiveScreenEqualsTheSnapshot(_ width: Int, _ height: Int) throws {
        let t = try TmuxHarness(width: width, height: height, arguments: "--briefing \(Self.briefing)")
        try t.waitFor("Pact")
        // One key at a time: the next is sent once the screen shows the last (an Esc followed
        // at once by a key would be Alt and that key).
        let steps: [(tmux: String?, script: String)] = [
            (nil, ""),              // the first frame
            ("Enter", "<Enter>"),   // the commitment opened in the detail pane
            ("Escape", "<Esc>"),
            ("4", "4"),             // the detail pane: the title and key points
            ("/", "/"),             // a search for CJK text, as typed
            ("日本", "日本"),
            ("Enter", "<Enter>"),
            ("1", "1"),
            ("Enter", "<Enter>"),   // the first commitment in the detail pane, then the second
            ("j", "j"),
            ("Enter", "<Enter>"),
        ]
        var script = ""
        for step in steps {
            script += step.script
            if let key = step.tmux { try t.keys(key) }
            let expected = try Self.snapshot(width, height, keys: script)
            let deadline = Date().addingTimeInterval(Tier.patience(5))
            var seen = try Self.live(t, height: height)
            while seen != expected && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                seen = try Self.live(t, height: height)
            }
            let differing = zip(expected, seen).enumerated().filter { $0.element.0 != $0.element.1 }
                .map { "row \($0.offset): snapshot \($0.element.0)\n        live     \($0.element.1)" }
            if !differing.isEmpty { Issue.record("after '\(script)' at \(width)×\(height):\n\(differing.joined(separator: "\n"))") }
        }
        #expect(try Self.snapshot(width, height, keys: "").joined().contains("🇯🇵🇰🇷 Pact 👨‍👩‍👧"), "the snapshot keeps flags and ZWJ sequences")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }
}
