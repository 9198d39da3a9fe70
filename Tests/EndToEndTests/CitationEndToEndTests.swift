import Foundation
import Testing

/// Citations checked against the source text, as an author meets them on the release binary:
/// `new --from` on an article, `validate` proving every quote, `--strict` on quotes taken on
/// trust, and a misquote reported where it is written.
@Suite("Citations end to end")
struct CitationEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = repository.deletingLastPathComponent().appending(path: "shared/seeds/000_dc8bacfbe9c028be.txt")
    static let fixture = repository.appending(path: "Tests/TrilateralModelTests/Fixtures/capistrano-2024-article.txt")

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "citations-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func newFromTheArticleValidatesWithEveryQuoteChecked() throws {
        // The seed is the article as published (title block, tags, key points, biography); the
        // fixture is its body alone. Either gives the same eleven paragraphs.
        let article = FileManager.default.fileExists(atPath: Self.seed.path) ? Self.seed : Self.fixture
        let dir = try Self.scratch()
        let talk = dir.appending(path: "talk.yaml").path
        let made = try CommandLineTests.run(["new", "--from", article.path, talk])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("has 11 paragraphs, listed in a comment"), "\(made.out)")
        let yaml = try String(contentsOfFile: talk, encoding: .utf8)
        #expect(yaml.contains("#   ¶1  On 18 August 2023, leaders from the US"))
        #expect(yaml.contains("#   ¶11  Hopefully, Kishida and Yoon"))
        let checked = try CommandLineTests.run(["validate", "--strict", talk])
        #expect(checked.status == 0, "\(checked.err)")
        #expect(checked.out.contains("talk.yaml: ok; 3 quotes checked against"), "\(checked.out)")
        // The briefing names its text relative to itself: moved together, they still check.
        let moved = try Self.scratch()
        try FileManager.default.copyItem(atPath: article.path, toPath: moved.appending(path: "article.txt").path)
        let text = yaml.replacing(try #require(yaml.firstMatch(of: /text: "?([^"\n]+)"?\n/)).output.1, with: "article.txt")
        try text.write(to: moved.appending(path: "talk.yaml"), atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run(["validate", moved.appending(path: "talk.yaml").path]).status == 0)
    }

    @Test func newFromAMarkdownTextSkipsItsHeadingsAndKeyPoints() throws {
        let dir = try Self.scratch()
        try """
        # Ports in a storm

        By Ada Author

        - A key point in a list.
        - Another.

        ## Why it matters

        The three ports agreed in March to share their berth schedules, a first step towards
        a joint plan that the ministers will review again at the end of the year.

        ## What comes next

        Officials said the plan could falter if any of the three cut its budget for the
        harbours, and that a review in 2031 would test whether the pact holds.

        A third paragraph, shorter.
        """.write(to: dir.appending(path: "ports.md"), atomically: true, encoding: .utf8)
        let talk = dir.appending(path: "talk.yaml").path
        let made = try CommandLineTests.run(["new", "--from", dir.appending(path: "ports.md").path, talk])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("has 3 paragraphs"), "\(made.out)")
        let yaml = try String(contentsOfFile: talk, encoding: .utf8)
        #expect(yaml.contains("title: Ports in a storm"))
        #expect(yaml.contains("author: Ada Author"))
        #expect(yaml.contains("text: ports.md"))
        #expect(yaml.contains("#   ¶2  Officials said the plan could falter"))
        let checked = try CommandLineTests.run(["validate", talk])
        #expect(checked.status == 0, "\(checked.err)")
        #expect(checked.out.contains("ok; 3 quotes checked against ports.md"), "\(checked.out)")
    }

    @Test func aMisquoteIsReportedAtItsLineAndColumnWithThePassageMeant() throws {
        let dir = try Self.scratch()
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: dir.appending(path: "article.txt").path)
        let talk = dir.appending(path: "talk.yaml").path
        #expect(try CommandLineTests.run(["new", "--from", dir.appending(path: "article.txt").path, talk]).status == 0)
        let yaml = try String(contentsOfFile: talk, encoding: .utf8)
        let wrong = yaml.replacing("quote: \"At Camp David, the three nations committed to\"", with: "quote: \"At Camp David, the three nations agreed to\"")
        #expect(wrong != yaml)
        try wrong.write(toFile: talk, atomically: true, encoding: .utf8)
        let r = try CommandLineTests.run(["validate", talk])
        #expect(r.status == 65)
        let line = try #require(wrong.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("nations agreed to") }) + 1
        #expect(r.err.contains("\(talk):\(line):"), "\(r.err)")
        #expect(r.err.contains("rules[0].because.quote: not in ¶3 of article.txt; closest (¶3, 87% alike): \"At Camp David, the three nations committed to\""), "\(r.err)")
    }

    @Test func strictWarnsOfQuotesTakenOnTrust() throws {
        let dir = try Self.scratch()
        let talk = dir.appending(path: "talk.yaml").path
        #expect(try CommandLineTests.run(["new", talk]).status == 0)
        let plain = try CommandLineTests.run(["validate", talk])
        #expect(plain.status == 0 && plain.out.contains("talk.yaml: ok\n"))
        let strict = try CommandLineTests.run(["validate", "--strict", talk])
        #expect(strict.status == 65)
        #expect(strict.out.contains("warning: 2 quotes are unchecked: no source names its `text`"), "\(strict.out)")
        #expect(strict.err.contains("(--strict: not ok)"))
    }

    @Test func newFromRefusesWhatIsNotText() throws {
        let dir = try Self.scratch()
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]).write(to: dir.appending(path: "a.txt"))
        let r = try CommandLineTests.run(["new", "--from", dir.appending(path: "a.txt").path, dir.appending(path: "t.yaml").path])
        #expect(r.status == 65)
        #expect(r.err.contains("not UTF-8 text"))
        try "Plain words, but a document's name.\n".write(to: dir.appending(path: "a.docx"), atomically: true, encoding: .utf8)
        let docx = try CommandLineTests.run(["new", "--from", dir.appending(path: "a.docx").path, dir.appending(path: "t.yaml").path])
        #expect(docx.status == 65 && docx.err.contains("must be a .txt or .md file"), "\(docx.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appending(path: "t.yaml").path), "nothing is left behind")
        let missing = try CommandLineTests.run(["new", "--from", dir.appending(path: "none.txt").path, dir.appending(path: "t.yaml").path])
        #expect(missing.status == 66)
    }

    /// The paragraph view on the release binary: the presenter opens an item's paragraphs with
    /// `p` and the follower, which gets the source texts in its hello, shows the same paragraph;
    /// a follower browsing on its own does the same, and Esc returns to the item.
    @Test func theParagraphViewReachesFollowersWithTheText() throws {
        let briefing = Self.repository.appending(path: "Sources/BuiltInBriefings/capistrano-2024.yaml").path
        let dir = "/tmp/tri-\(UUID().uuidString.prefix(8))"
        let t = try TmuxHarness(width: 120, height: 40, arguments: "present --session cite --dir \(dir) --briefing \(briefing)")
        try t.main.waitFor("Trilateral │")
        let follower = try t.open("follower", width: 80, height: 24, arguments: "follow cite --dir \(dir)")
        try follower.waitFor("following cite")
        try t.keys("Enter")
        try t.main.waitFor("6 Detail · p ¶3")
        try t.keys("p")
        try t.main.waitFor("At Camp David, the three nations")
        try follower.waitFor("At Camp David, the three nations")
        try t.keys("Escape")
        try follower.waitFor("6 Detail · p ¶3")
        // Browsing: the follower's own p, on another item.
        try follower.keys("f", "j", "Enter", "p")
        let screen = try follower.waitFor("6 Detail · cited paragraphs")
        #expect(screen.contains("Cited paragraphs"), "\(screen)")
        #expect(!(try t.screen()).contains("cited paragraphs"), "the presenter is untouched")
    }
}
