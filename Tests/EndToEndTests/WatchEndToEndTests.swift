import Foundation
import Testing

/// `--watch`, as an editor saves: the file replaced by rename, then broken, then fixed; and a
/// presenter's reload reaching its followers.
@Suite("Live reload in tmux", .serialized)
struct WatchEndToEndTests {
    static let example = TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml")

    /// A copy of the example in a fresh folder, and a way to save a changed version the way
    /// editors do: a temporary file renamed over the original.
    static func copy() throws -> (file: URL, save: (String) throws -> Void) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-watch-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appending(path: "brief.yaml")
        try FileManager.default.copyItem(at: example, to: file)
        TmuxHarness.copyExampleText(beside: file)
        let save = { (text: String) throws in
            let temporary = dir.appending(path: ".brief.yaml.swp")
            try text.write(to: temporary, atomically: false, encoding: .utf8)
            guard rename(temporary.path, file.path) == 0 else { throw HarnessError("rename failed") }
        }
        return (file, save)
    }

    @Test func aSavedFileReplacesTheBriefingAndABrokenOneIsShownUntilFixed() throws {
        let (file, save) = try Self.copy()
        let original = try String(contentsOf: file, encoding: .utf8)
        let t = try TmuxHarness(width: 120, height: 40, arguments: "--briefing \(file.path) --watch")
        try t.waitFor("The Harbour Pact and the tides")
        // Open the first commitment, so the reload has a place to keep.
        try t.keys("Enter")
        try t.waitFor("One feed of arrivals")

        try save(original.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: The Harbour Pact, second edition"))
        // Whole frames only: tmux may show a frame it has read in part, so wait for all of it.
        var screen = try t.main.waitUntil("the new title, the notice, and the opened commitment still open") {
            $0.contains("second edition") && $0.contains("briefing reloaded") && $0.contains("One feed of arrivals")
        }

        // A broken version: the last good briefing stays, and the problem is shown where it is.
        try save(original.replacingOccurrences(of: "    status: launched\n", with: "    status: lanched\n"))
        screen = try t.main.waitUntil("the problem, located, over the last version that loaded") {
            $0.contains("not reloaded") && $0.contains("brief.yaml:") && $0.contains("'lanched'") && $0.contains("second edition")
        }

        // Fixed: the new version replaces it, and the problem goes.
        try save(original.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: The Harbour Pact, third edition"))
        screen = try t.main.waitUntil("the fixed version, and the problem gone") {
            $0.contains("third edition") && $0.contains("briefing fixed and reloaded") && !$0.contains("not reloaded")
        }

        // Written in place (an editor that truncates and rewrites) works too.
        try original.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: The Harbour Pact, in place")
            .write(to: file, atomically: false, encoding: .utf8)
        try t.waitFor("in place")
        try t.keys("q")
        #expect(try t.waitForExit().status == 0)
    }

    @Test func aPresentersReloadReachesItsFollowers() throws {
        let (file, save) = try Self.copy()
        let original = try String(contentsOf: file, encoding: .utf8)
        let dir = "/tmp/tri-\(UUID().uuidString.prefix(8))"
        let t = try TmuxHarness(width: 120, height: 40, arguments: "present --session watch --dir \(dir) --briefing \(file.path) --watch")
        try t.waitFor("The Harbour Pact and the tides")
        let follower = try t.open("follower", width: 100, height: 30, arguments: "follow watch --dir \(dir)")
        try follower.waitFor("The Harbour Pact and the tides")
        try t.keys("2")
        try follower.waitFor("▶ 2 Foundations")

        try save(original.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: The Harbour Pact, as revised"))
        try t.waitFor("as revised")
        // From the first frame with the new briefing, the follower keeps the view it had.
        let screen = try follower.waitFor("as revised")
        #expect(screen.contains("following watch"), "the follower keeps following")
        #expect(screen.contains("▶ 2 Foundations"), "and shows the presenter's view on the new briefing, with no default view between")
        // After the reload, the presenter still leads.
        try t.keys("1")
        try follower.waitFor("▶ 1 Shared harbour data")
        // Written in place (truncated and rewritten) reaches the followers too.
        try original.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: The Harbour Pact, in place")
            .write(to: file, atomically: false, encoding: .utf8)
        try t.waitFor("in place")
        try follower.waitFor("in place")
    }

    @Test func watchNeedsAFile() throws {
        let r = try CommandLineTests.run(["--watch"])
        #expect(r.status == 64)
        #expect(r.err.contains("--watch needs --briefing FILE"))
    }
}
