import Foundation
import Testing

/// A poll in a real room: a presenter and three followers at different sizes (one browsing on
/// its own), all release binaries in tmux. The presenter asks, the followers answer and one
/// changes its mind, the presenter closes the poll and applies the majority, and the record
/// it kept goes into the handout.
@Suite("Polls in tmux", .serialized)
struct PollEndToEndTests {
    @Test func aRoomIsAskedAnswersAndThePresenterAppliesItsChoice() throws {
        let dir = "/tmp/tri-\(UUID().uuidString.prefix(8))"
        let record = "\(dir)-polls.json"
        defer { try? FileManager.default.removeItem(atPath: record) }
        let t = try TmuxHarness(width: 120, height: 40, arguments: "present --session room --dir \(dir) --record \(record)")
        try t.main.waitFor("Trilateral │")
        let small = try t.open("small", width: 80, height: 24, arguments: "follow room --dir \(dir)")
        let medium = try t.open("medium", width: 100, height: 30, arguments: "follow room --dir \(dir) --theme light")
        let browser = try t.open("browser", width: 200, height: 60, arguments: "follow room --dir \(dir)")
        for f in [small, medium, browser] { try f.waitFor("following room") }
        try browser.keys("f")
        try t.main.waitFor("2 watching · 1 browsing")

        // Ask about Korea's successor (factor 5 in the what-if panel).
        try t.keys("w")
        try t.main.waitFor("What if")
        try t.keys("j", "j", "j", "j", "P")
        try t.main.waitFor("Poll 1 open")
        for f in [small, medium, browser] {
            let screen = try f.waitFor("Poll 1 open")
            #expect(screen.contains("press 1-2 to answer"))
            #expect(!screen.contains("Continuity  █") && !screen.contains(" 0 · "), "no tally before answering")
        }

        // Two for the Moon line, one for continuity; the browsing follower answers too.
        try small.keys("2")
        try medium.keys("2")
        try browser.keys("1")
        try small.waitFor("you chose 2 Moon line")
        try t.main.waitFor("3 answered, 0 not")
        // The medium follower changes its mind, and then back: the count follows the latest.
        try medium.keys("1")
        try medium.waitFor("changed to 1 Continuity")
        // Each count is read on its own option's line: both states have a "2 · 67%" and a
        // "1 · 33%" somewhere, so a whole-screen match would not wait for the change back.
        func line(_ screen: String, _ option: String, has count: String) -> Bool {
            screen.split(separator: "\n").contains { $0.contains(option) && $0.contains(count) }
        }
        try t.main.waitUntil("Continuity leads after the change") { line($0, "Continuity", has: "2 · 67%") && line($0, "Moon line", has: "1 · 33%") }
        try medium.keys("2")
        try t.main.waitUntil("the Moon line leads again") { line($0, "Moon line", has: "2 · 67%") && line($0, "Continuity", has: "1 · 33%") }
        #expect(try t.screen().contains("2 watching · 1 browsing"), "the browsing follower still browses")

        // Close: everyone sees the result; Enter applies the majority on the presenter.
        try t.keys("P")
        for f in [small, medium, browser] { try f.waitFor("Poll 1 closed") }
        try t.main.waitFor("Enter apply the room's choice")
        try t.keys("Enter")
        // Moon line with the rest at the baseline is the article's "Downward spiral". (The
        // message beside the audience count is cut to the status bar's width, so only its start.)
        try t.main.waitFor("scenario: Downward spiral")
        try t.main.waitFor("the room chose Moon line")
        try small.waitUntil("the poll gone and the room's scenario on the follower") { !$0.contains("Poll 1") && $0.contains("Downward spiral") }

        // The record, and the handout made from it.
        let saved = try String(contentsOfFile: record, encoding: .utf8)
        #expect(saved.contains("\"applied\" : \"moon-line\""))
        let handout = try TmuxHarness.run(try TmuxHarness.binary, ["export", "--format", "markdown", "--polls", record])
        #expect(handout.contains("## What the room thought"))
        #expect(handout.contains("| Moon line | 2 | 67% |"))
        #expect(handout.contains("The room chose Moon line; the presenter applied it as the scenario. The scenario then: korea-2027=moon-line (the rest at baseline)."))
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }
}
