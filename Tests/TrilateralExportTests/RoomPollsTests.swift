import BuiltInBriefings
import Testing
@testable import TrilateralExport
import TrilateralModel
import TrilateralStyle
import TrilateralUI

/// "What the room thought": the polls of a session in both handout formats, with their counts,
/// shares, times and outcome; no section without polls; text from the record kept as text.
@Suite("What the room thought")
struct RoomPollsTests {
    static let briefing = BuiltInBriefings.standard

    static func poll(_ counts: [Int], applied: String? = nil, label: String = "Moon line") -> PollRecord {
        PollRecord(number: 1, factor: "korea-2027", question: "Which course does Yoon's successor take toward Japan?",
                   counts: [.init(option: "continuity", label: "Continuity", count: counts[0]), .init(option: "moon-line", label: label, count: counts[1])],
                   notAnswered: 3, opened: 1_796_608_015, closed: 1_796_608_135, applied: applied)
    }

    static func pages(_ polls: [PollRecord]) -> (html: String, markdown: String) {
        let h = Handout(briefing: briefing, scenario: .baseline(of: briefing), hindsight: false, polls: polls)
        return (HandoutHTML(h, theme: ThemeLoader.builtIn("dark")!).page, HandoutMarkdown(h).text)
    }

    @Test func aPollShowsItsCountsSharesTimesAndOutcome() {
        let (html, markdown) = Self.pages([Self.poll([1, 2], applied: "moon-line")])
        #expect(html.contains("<section id=\"room\" aria-labelledby=\"room-heading\">"))
        #expect(html.contains("<li><a href=\"#room\">What the room thought</a></li>"))
        #expect(html.contains("<tr><th scope=\"row\">Moon line</th><td>2</td><td>67%</td></tr>"))
        #expect(markdown.contains("| Continuity | 1 | 33% |"))
        #expect(markdown.contains("Open 7 Dec 2026 01:46–01:48 UTC · 3 answered, 3 did not."))
        #expect(markdown.contains("The room chose Moon line; the presenter applied it as the scenario."))
        #expect(markdown.contains("not evidence"), "the section says what polls are")
    }

    @Test func aTieNoAnswerAndANotAppliedChoiceAreSaidAsSuch() {
        #expect(RoomPolls.outcome(Self.poll([2, 2])) == "A tie between Continuity and Moon line, 2 each; nothing was applied.")
        #expect(RoomPolls.outcome(Self.poll([0, 0])) == "Nobody answered.")
        #expect(RoomPolls.outcome(Self.poll([3, 1])) == "The room chose Continuity; the presenter did not apply it.")
        #expect(RoomPolls.share(0, of: Self.poll([0, 0])) == "—")
    }

    @Test func noPollsNoSection() {
        let (html, markdown) = Self.pages([])
        #expect(!html.contains("What the room thought") && !markdown.contains("What the room thought"))
    }

    @Test func theRecordAddsNoWordsOfItsOwn() {
        var poll = Self.poll([1, 2], label: "<script>alert(1)</script> | **x**")
        poll.question = "<img src=x onerror=alert(1)>"
        let (html, markdown) = Self.pages([poll])
        #expect(!html.contains("alert(1)") && !markdown.contains("alert(1)"), "questions and labels are the briefing's, by id")
        #expect(html.contains("<tr><th scope=\"row\">Moon line</th>"))
        #expect(markdown.contains("### Poll 1: Which course does Yoon's successor take toward Japan?"))
    }

    @Test func hostileBriefingTextInAPollStaysText() {
        var b = Self.briefing
        let k = b.factors.firstIndex { $0.id == "korea-2027" }!
        b.factors[k].options[1].label = "<script>x()</script> | **y**"
        let h = Handout(briefing: b, scenario: .baseline(of: b), hindsight: false, polls: [Self.poll([1, 2])])
        let html = HandoutHTML(h, theme: ThemeLoader.builtIn("dark")!).page, markdown = HandoutMarkdown(h).text
        #expect(!html.contains("<script>x()") && html.contains("&lt;script&gt;x()"))
        #expect(!markdown.contains("| **y** |"), "a pipe in a label cannot open a table cell")
    }
}
