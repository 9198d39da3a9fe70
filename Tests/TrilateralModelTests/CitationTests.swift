import Foundation
import Testing
@testable import TrilateralModel

/// A source's text split into paragraphs, and quotes found in them (`Citations/`).
@Suite("Citations checked against source text")
struct CitationTests {
    // MARK: Normalising

    @Test func typographicQuotesDashesAndWhitespaceAreAllThatIsLoosened() {
        #expect(QuoteMatch.normalised("  ‘a’ “b” c—d e–f\t\n g\u{A0}h ") == "'a' \"b\" c-d e-f g h")
        #expect(QuoteMatch.contains("He said it “could falter” — badly.", "said it \"could falter\" - badly"))
        // Case, spelling and punctuation other than quotes and dashes are not loosened.
        #expect(!QuoteMatch.contains("It could falter.", "it could falter"))
        #expect(!QuoteMatch.contains("It could falter.", "It could falter!"))
        #expect(!QuoteMatch.contains("complimentary relationship", "complementary relationship"))
    }

    @Test func anEllipsisStandsForWordsLeftOutInOrder() {
        let p = "Supply chain resilience is at the heart of the new cooperation, with early warning systems."
        #expect(QuoteMatch.contains(p, "Supply chain resilience … early warning systems"))
        #expect(QuoteMatch.contains(p, "Supply chain resilience ... early warning"))
        #expect(QuoteMatch.contains(p, "resilience […] the new cooperation"))
        // The parts must come in the paragraph's order.
        #expect(!QuoteMatch.contains(p, "early warning … Supply chain"))
        #expect(!QuoteMatch.contains(p, "…"))
    }

    @Test func rangesPointIntoTheParagraphItselfForHighlighting() throws {
        let p = "One  “two” three—four five."
        let ranges = try #require(QuoteMatch.ranges(of: "\"two\" three-four", in: p))
        #expect(ranges.count == 1)
        #expect(String(p[ranges[0]]) == "“two” three—four")
        let two = try #require(QuoteMatch.ranges(of: "One … five", in: p))
        #expect(two.map { String(p[$0]) } == ["One", "five"])
    }

    @Test func theSearchIsLinearOnARepetitiveText() {
        // A naive search is quadratic here; Knuth–Morris–Pratt is not.
        let text = String(repeating: "a", count: 200_000) + "b"
        #expect(QuoteMatch.contains(text, String(repeating: "a", count: 5_000) + "b"))
        #expect(!QuoteMatch.contains(text, String(repeating: "a", count: 5_000) + "c"))
    }

    // MARK: Paragraphs

    @Test func blankLinesSeparateParagraphsWhateverTheLineEnds() {
        let unix = "First line\nof one.\n\nSecond.\n"
        let windows = "\u{FEFF}First line\r\nof one.\r\n \t\r\nSecond.\r\n"
        let mac = "First line\rof one.\r\rSecond."
        for text in [unix, windows, mac] {
            #expect(SourceText.paragraphs(of: text, rule: .standard) == ["First line of one.", "Second."])
        }
    }

    @Test func trailingSpacesAndNoBreakSpaceLinesDoNotMakeParagraphs() {
        let text = "One.   \n\u{A0}\nTwo.\t\n\n\n\nThree."
        #expect(SourceText.paragraphs(of: text, rule: .standard) == ["One.", "Two.", "Three."])
    }

    @Test func aParagraphThatIsOneLongLineIsOneParagraph() {
        let long = Array(repeating: "word", count: 50_000).joined(separator: " ")
        #expect(SourceText.paragraphs(of: "Title\n\n" + long + "\n", rule: .standard) == ["Title", long])
    }

    @Test func headingsAreLeftOutByDefaultAndBulletsOnRequest() {
        let md = """
        # Title

        • Key point.
        • Another.

        Setext title
        ============

        Body one.

        ## Section

        - a list item
        - another

        Body two, with a - dash and #hashtag.
        """
        #expect(SourceText.paragraphs(of: md, rule: .standard) == ["• Key point. • Another.", "Body one.", "- a list item - another", "Body two, with a - dash and #hashtag."])
        #expect(SourceText.paragraphs(of: md, rule: .init(skip: [.headings, .bullets])) == ["Body one.", "Body two, with a - dash and #hashtag."])
        #expect(SourceText.paragraphs(of: md, rule: .init(skip: [])).count == 7)
    }

    @Test func aHeadingLineStartsItsOwnBlockWithoutABlankLine() {
        let md = "# Title\nFirst paragraph.\n\nSecond."
        #expect(SourceText.paragraphs(of: md, rule: .standard) == ["First paragraph.", "Second."])
    }

    @Test func fromAndUntilCutATitleAndAFooter() {
        let text = "Title\n\nBy A. Author\n\nOn 18 August, it began.\n\nThen more.\n\nAbout the author: ...\n\nFooter"
        let rule = ParagraphRule(skip: [], from: "On 18 August", until: "About the author")
        #expect(SourceText.paragraphs(of: text, rule: rule) == ["On 18 August, it began.", "Then more."])
    }

    // MARK: Closest passage

    @Test func theClosestPassageIsShownInTheParagraphsOwnWords() throws {
        let paragraphs = ["Nothing to see here.", "Officials said the plan “could falter” if either side cut its budget — a risk."]
        let found = try #require(QuoteMatch.closest(to: "the plan could fail if either side cut its budget", in: paragraphs, preferring: 1))
        #expect(found.paragraph == 2)
        #expect(found.text == "the plan “could falter” if either side cut its budget")
        #expect(abs(found.likeness - 0.9) < 0.001)
        #expect(QuoteMatch.closest(to: "zebra quokka", in: paragraphs) == nil)
    }

    @Test func aTieGoesToTheCitedParagraph() throws {
        let paragraphs = ["the same words here", "the same words here"]
        #expect(try #require(QuoteMatch.closest(to: "the same words there", in: paragraphs, preferring: 2)).paragraph == 2)
        #expect(try #require(QuoteMatch.closest(to: "the same words there", in: paragraphs)).paragraph == 1)
    }

    // MARK: The loader's check

    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-citations-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? "# Notes\n\nThe ports agreed to share berth schedules.\n\nThe plan “could falter” if budgets are cut.\n"
            .write(toFile: dir + "/notes.md", atomically: true, encoding: .utf8)
        return dir
    }()

    static func briefing(cite: String, text: String? = "notes.md") -> String {
        """
        title: T
        author: A
        published: 2024-10-09
        countries: [{ id: us, name: United States, short: US }]
        sources:
          - { id: notes, title: Notes\(text.map { ", text: \($0)" } ?? "") }
        pillars:
          - { id: p, name: P, summary: S, cite: \(cite) }
        """
    }

    @Test func aQuoteInItsParagraphIsCounted() throws {
        let loaded = try BriefingLoader.load(text: Self.briefing(cite: "{ para: 2, quote: \"“could falter”\" }"), file: "t.yaml", folder: Self.folder).get()
        #expect(loaded.quotesChecked == 1 && loaded.quotesUnchecked == 0)
        #expect(loaded.briefing.paragraph(of: loaded.briefing.pillars[0].cite) == "The plan “could falter” if budgets are cut.")
    }

    @Test func withoutAFolderOrATextQuotesAreUncheckedNotWrong() throws {
        let misquote = "{ para: 2, quote: \"would falter\" }"
        let noFolder = try BriefingLoader.load(text: Self.briefing(cite: misquote), file: "t.yaml").get()
        #expect(noFolder.quotesChecked == 0 && noFolder.quotesUnchecked == 1)
        let noText = try BriefingLoader.load(text: Self.briefing(cite: misquote, text: nil), file: "t.yaml", folder: Self.folder).get()
        #expect(noText.quotesUnchecked == 1)
    }

    @Test func aMisquoteIsAnErrorAtTheQuoteWithThePassageMeant() {
        let text = Self.briefing(cite: "{ para: 1, quote: \"The plan would falter\" }")
        guard case .failure(.invalid(let errors)) = BriefingLoader.load(text: text, file: "t.yaml", folder: Self.folder) else {
            Issue.record("a misquote validated"); return
        }
        #expect(errors.count == 1)
        #expect(errors[0].line == 8 && errors[0].column == 59)
        #expect(errors[0].path == "pillars[0].cite.quote")
        #expect(errors[0].message == "not in ¶1 of notes.md; closest (¶2, 75% alike): \"The plan “could falter”\"")
    }

    @Test func aParagraphPastTheEndIsAnErrorAtThePara() {
        guard case .failure(.invalid(let errors)) = BriefingLoader.load(text: Self.briefing(cite: "{ para: 3 }"), file: "t.yaml", folder: Self.folder) else {
            Issue.record("para 3 validated"); return
        }
        #expect(errors.map(\.message) == ["notes.md has 2 paragraphs; there is no ¶3"])
        #expect(errors[0].path == "pillars[0].cite.para")
    }
}
