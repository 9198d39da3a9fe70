import Foundation
import Testing

/// `trilateral present` and `trilateral follow`, all real processes in tmux: followers at
/// three sizes, follower keys, presenter restarts, stale and live sockets.
@Suite("Presenting in tmux", .serialized)
struct PresentEndToEndTests {
    /// A presenter at 200×60 in session "main" of a fresh harness, on its own socket directory.
    static func presenter(_ extra: String = "") throws -> (TmuxHarness, String) {
        let t = try TmuxHarness(width: 200, height: 60, arguments: "present --session talk --dir SESSIONS \(extra)".replacingOccurrences(of: "SESSIONS", with: "/tmp/tri-\(UUID().uuidString.prefix(8))"))
        try t.main.waitFor("Trilateral │")
        let args = try t.tmux(["list-panes", "-t", "main", "-F", "#{pane_start_command}"])
        let dir = args.components(separatedBy: "--dir ").last!.split(separator: " ").first.map(String.init)!
        return (t, dir)
    }

    /// The presenter is told how the room joins: the notice survives the loop's first resize
    /// (which used to wipe it before the first frame) and goes with the first key.
    @Test func thePresenterSeesHowToFollow() throws {
        let (t, _) = try Self.presenter()
        try t.main.waitFor("presenting 'talk': trilateral follow talk")
        try t.keys("2")
        try t.main.waitUntil("the notice gone after a key") { !$0.contains("presenting 'talk'") && $0.contains("2/6 · dark") }
    }

    /// One follower wanders off (`f`), looks around, flips a factor, and comes back; the
    /// presenter and the other follower are not touched, and the presenter sees the counts.
    @Test func aFollowerBrowsesOnItsOwnAndComesBack() throws {
        let (t, dir) = try Self.presenter()
        let wanderer = try t.open("wanderer", width: 120, height: 40, arguments: "follow talk --dir \(dir)")
        let other = try t.open("other", width: 80, height: 24, arguments: "follow talk --dir \(dir)")
        for f in [wanderer, other] { try f.waitFor("following talk") }
        try t.main.waitFor("2 watching")

        try t.keys("b", "Space")
        try wanderer.waitFor("step 2/13")
        try wanderer.keys("f")
        try t.main.waitFor("1 watching · 1 browsing")
        // On its own: another pane, an item opened, a factor flipped.
        try wanderer.keys("3", "j", "Enter")
        try wanderer.waitFor("▶ 3 Strategic economic alignment")
        try wanderer.keys("w", "1")
        try wanderer.waitFor("scenario: custom")
        // The presenter moves on; the wanderer is told where it is, the other follower follows.
        try t.keys("Space")
        try other.waitFor("step 3/13")
        var screen = try wanderer.waitFor("presenter: Supply chains, step 3/13")
        #expect(screen.contains("scenario: custom"), "the wanderer's own what-if stays")
        let presenter = try t.screen()
        #expect(!presenter.contains("scenario: custom") && !presenter.contains("What if"), "the presenter is untouched")
        #expect(!(try other.screen()).contains("What if"), "so is the other follower")

        // f: back with the presenter at once.
        try wanderer.keys("f")
        screen = try wanderer.waitFor("following the presenter again")
        #expect(screen.contains("Step 3/13") && !screen.contains("scenario: custom"), "\(screen)")
        try t.main.waitFor("2 watching")
        #expect(!(try t.screen()).contains("browsing"))
    }

    @Test func followersAtThreeSizesFollowThePresenter() throws {
        let (t, dir) = try Self.presenter()
        let medium = try t.open("medium", width: 120, height: 40, arguments: "follow talk --dir \(dir)")
        let small = try t.open("small", width: 80, height: 24, arguments: "follow talk --dir \(dir) --theme light")
        for f in [medium, small] { try f.waitFor("following talk") }

        // Focus the technology pane: each follower shows it focused in its own layout.
        try t.keys("2")
        try medium.waitFor("▶ 2 Technology cooperation")
        try small.waitFor("▶ 2 Technology cooperation")

        // The tour: step 4 names the semiconductor alliance on every screen.
        try t.keys("b", "Space", "Space", "Space")
        for f in [medium, small] {
            let screen = try f.waitFor("step 4/13")
            #expect(screen.contains("semiconductor"))
            #expect(!screen.contains("Notes"), "speaker notes stay on the presenter's screen")
        }
        // Speaker notes appear for the presenter only. The next step is the barrier: once a
        // follower shows it, everything the presenter did before it has arrived.
        try t.keys("s")
        try t.main.waitFor("Notes")
        try t.keys("Space")
        let afterNotes = try medium.waitFor("step 5/13")
        #expect(!afterNotes.contains("Notes"))

        // A what-if toggle reaches the followers.
        try t.keys("b", "w", "1")
        try medium.waitFor("What if")
        try small.waitFor("What if")

        // Follower keys do nothing to the presenter, and say so. The barrier: the follower has
        // handled its keys (it says so), then the presenter makes a change of its own and shows
        // it; the follower's w (close the panel) and b (start the tour) must not have happened.
        try small.keys("j", "Tab", "w", "b")
        try small.waitFor("f to browse on your own")
        try t.keys("u")
        let presenter = try t.main.waitFor("undone")
        #expect(presenter.contains("What if"))
        #expect(!presenter.contains("Step 1/13"))

        // A follower leaves cleanly; the presenter carries on.
        try small.keys("q")
        let exit = try small.waitForExit()
        #expect(exit.status == 0 && exit.sttyRestored)
        try t.keys("w")
        try medium.waitUntil("the panel closed") { !$0.contains("What if") }
        try t.keys("q")
        #expect(try t.main.waitForExit().status == 0)
        try medium.waitFor("Waiting for the presenter")
    }

    /// The waiting follower has no timer: only the watch can bring it back, so joining at all
    /// proves the wake-up. With the session folder there it watches the folder; without it
    /// (the presenter makes it) it watches /tmp until the folder is made, then the folder.
    @Test(arguments: [true, false])
    func followerWaitsAndReconnectsWhenThePresenterRestarts(folderExists: Bool) throws {
        let dir = "/tmp/tri-\(UUID().uuidString.prefix(8))"
        if folderExists { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700]) }
        let t = try TmuxHarness(width: 80, height: 24, arguments: "follow talk --dir \(dir)")
        try t.main.waitFor("Waiting for the presenter of 'talk'")
        try t.main.waitFor("No session is running")
        var presenter = try t.open("p1", width: 120, height: 40, arguments: "present --session talk --dir \(dir)")
        try t.main.waitFor("following talk")
        try presenter.keys("3")
        try t.main.waitFor("▶ 3")
        // Killed outright: the socket file is left behind, stale.
        kill(try presenter.programPID(), SIGKILL)
        try t.main.waitFor("Waiting for the presenter")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/talk.sock"))
        presenter = try t.open("p2", width: 120, height: 40, arguments: "present --session talk --dir \(dir)")
        try presenter.waitFor("Trilateral │")
        try t.main.waitFor("following talk", seconds: 5)
        try presenter.keys("t")
        try t.main.waitFor("zoomed")
        // A second presenter on the same live session is refused.
        let twin = try t.open("p3", width: 80, height: 24, arguments: "present --session talk --dir \(dir)")
        let refused = try twin.waitForExit()
        #expect(refused.status == 1 && refused.sttyRestored)
        #expect(try twin.screen().contains("already running"))
        try presenter.keys("q")
        _ = try presenter.waitForExit()
        try t.main.waitFor("The presenter has left")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/talk.sock"))
        try t.keys("q")
        #expect(try t.waitForExit().sttyRestored)
    }

    @Test func badSessionNamesAndGroupsAreUsageErrors() throws {
        let t = try TmuxHarness(width: 80, height: 24, arguments: "present --session ../etc/x")
        let exit = try t.waitForExit()
        #expect(exit.status == 64)
        #expect(try t.screen().contains("is not allowed"))
        let g = try t.open("g", width: 80, height: 24, arguments: "present --session ok --dir /tmp/tri-\(UUID().uuidString.prefix(8)) --group no-such-group-xyz")
        #expect(try g.waitForExit().status == 64)
        #expect(try g.screen().contains("no group named"))
    }
}
