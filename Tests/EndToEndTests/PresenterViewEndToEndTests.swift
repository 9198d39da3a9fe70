import BuiltInBriefings
import Foundation
import Glibc
import TestSupport
import Testing
import TrilateralModel
import TrilateralShare

/// `trilateral follow NAME --presenter-view`, the presenter's second screen, in tmux beside a
/// presenter (120×40) and a follower (80×24): it drives the tour, shows the notes and the
/// clock, and is the presenter's account's alone; the audience never receives the notes.
@Suite("Presenter view in tmux", .serialized)
struct PresenterViewEndToEndTests {
    let briefing = BuiltInBriefings.standard

    /// A presenter at 120×40 on a fresh session directory, and that directory.
    func presenter(_ extra: String = "") throws -> (TmuxHarness, String) {
        let dir = "/tmp/tri-pv-\(UUID().uuidString.prefix(8))"
        let t = try TmuxHarness(width: 120, height: 40, arguments: "present --session talk --dir \(dir) \(extra)")
        try t.main.waitFor("Trilateral │")
        return (t, dir)
    }

    /// Words of a note long enough to be that note's alone.
    func noteWords(_ step: Int) -> String { briefing.tour[step].notes.split(separator: " ").prefix(4).joined(separator: " ") }

    @Test func theTourRunsFromThePresenterViewWithNotesAndTheClock() throws {
        let (t, dir) = try presenter("--duration 25m")
        let view = try t.open("view", width: 100, height: 30, arguments: "follow talk --dir \(dir) --presenter-view")
        let follower = try t.open("follower", width: 80, height: 24, arguments: "follow talk --dir \(dir)")
        try view.waitFor("NOT TOURING")
        try follower.waitFor("following talk")
        try t.main.waitFor("1 watching")   // the presenter view is not counted as the room

        // Space on the presenter view starts the tour on the presenter, and so for the room.
        try view.keys("Space")
        try t.main.waitFor("Step 1/\(briefing.tour.count)")
        try follower.waitFor("step 1/\(briefing.tour.count)")
        var screen = try view.waitFor("STEP 1 OF \(briefing.tour.count)")
        #expect(screen.contains(noteWords(0)), "the notes are on the presenter view:\n\(screen)")
        #expect(screen.contains("NEXT · step 2"))
        try t.main.waitFor("25 min left")

        // → and ← step it on; the follower follows, and never shows a note.
        try view.keys("Right")
        try follower.waitFor("step 2/\(briefing.tour.count)")
        screen = try view.waitFor("STEP 2 OF")
        #expect(screen.contains(noteWords(1)))
        try t.main.waitFor("Step 2/")
        try view.keys("Left")
        try follower.waitFor("step 1/\(briefing.tour.count)")
        try view.waitFor("STEP 1 OF")
        let followerScreen = try follower.screen()
        for step in 0..<2 { #expect(!followerScreen.contains(noteWords(step)), "no note on the follower:\n\(followerScreen)") }
        #expect(!(try t.screen()).contains(noteWords(0)), "nor on the shared screen")

        // The clock moves: wait for the elapsed time to change, whatever it read first.
        let first = try view.waitUntil("an elapsed time") { $0.contains("elapsed 0:0") }
        let elapsed = first.components(separatedBy: "elapsed ").last!.prefix(4)
        try view.waitUntil("the elapsed time to advance from \(elapsed)", seconds: 5) { !$0.contains("elapsed \(elapsed)") && $0.contains("elapsed 0:0") }

        // q leaves the presenter view; the presenter goes on.
        try view.keys("q")
        #expect(try view.waitForExit().status == 0)
        try t.keys("Space")
        try follower.waitFor("step 2/")
    }

    /// What each socket sends: the audience's hello has no note text, the presenter view's has
    /// every note.
    @Test func theAudienceIsNeverSentTheNotes() throws {
        let (t, dir) = try presenter()
        _ = t
        let address = try SessionAddress(name: "talk", directory: dir, environment: [:])
        let audience = try SessionProbe(address.socketPath)
        guard case .hello(let hello)? = try audience.messages(until: { !$0.isEmpty }).first else { Issue.record("no hello"); return }
        let own = try SessionProbe(address.presenterViewPath, accepting: Wire.Kind.toPresenterView)
        guard case .hello(let full)? = try own.messages(until: { !$0.isEmpty }).first else { Issue.record("no hello on the presenter view"); return }
        #expect(hello.briefingText.contains(briefing.tour[0].caption.prefix(30)), "the audience's briefing is the briefing")
        for step in briefing.tour where !step.notes.isEmpty {
            let words = step.notes.split(separator: " ").prefix(5).joined(separator: " ")
            // A note's words may appear elsewhere in the briefing too: the note's own copy is gone.
            let (sent, kept) = (hello.briefingText.components(separatedBy: words).count, full.briefingText.components(separatedBy: words).count)
            #expect(kept > 1, "the presenter view has every note: \(words)")
            #expect(sent < kept, "a note reached the audience: \(words)")
        }
    }

    /// Another account is refused the presenter view with a reason, by the socket's mode; and
    /// an account that gets past the mode (root, which ignores it) by the presenter's check
    /// of who connected.
    @Test(.enabled(if: getuid() == 0, "needs root to run a second account"))
    func anotherAccountIsRefused() throws {
        let (t, dir) = try presenter()
        let binary = try TmuxHarness.binary
        let intruder = try t.open("intruder", width: 100, height: 30,
                                  command: "setpriv --reuid=nobody --regid=nogroup --clear-groups \(binary) follow talk --dir \(dir) --presenter-view")
        try intruder.waitFor("for the presenter's own account")
        #expect(!(try intruder.screen()).contains("NOTES"))

        // A presenter on the nobody account; root connects past the socket's mode and is refused.
        let nobodyDir = "/tmp/tri-pv-nobody-\(UUID().uuidString.prefix(8))"
        _ = try t.open("nobody", width: 120, height: 40,
                       command: "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp \(binary) present --session talk --dir \(nobodyDir)")
        let address = try SessionAddress(name: "talk", directory: nobodyDir, environment: [:])
        let deadline = Date().addingTimeInterval(Tier.patience(10))
        while access(address.presenterViewPath, F_OK) != 0 && Date() < deadline { usleep(20_000) }
        let root = try SessionProbe(address.presenterViewPath, accepting: Wire.Kind.toPresenterView)
        let messages = try root.messages { !$0.isEmpty }
        guard case .refused(let refusal)? = messages.first else { Issue.record("root was not refused: \(messages)"); return }
        #expect(refusal.reason.contains("only for the presenter's own account"))
        #expect(root.isClosedByPeer())
    }
}
