import BuiltInBriefings
import Foundation
import Testing
@testable import TrilateralExport
import TrilateralModel
@testable import TrilateralUI

/// One wording (`Wording`) for verdicts, scores, changes and ranges: the dashboard, `dump` and
/// both handouts write the same briefing the same way.
@Suite("One wording on every surface")
struct WordingAgreementTests {
    static let briefing = BuiltInBriefings.standard

    /// The four surfaces for one scenario with hindsight: the screen (scorecard open, and the
    /// panes under the scenario), the dump, the HTML page and the Markdown handout.
    static func surfaces(_ preset: String) throws -> [(name: String, text: String)] {
        let b = briefing
        let scenario = Scenario.preset(try #require(b.preset(preset)), in: b)
        let handout = Handout(briefing: b, scenario: scenario, hindsight: true)
        var state = AppState(briefing: b, size: Size(width: 200, height: 80))
        AppReducer.reduce(&state, .whatIf(.set(scenario)))
        let panes = CanvasText.plain(Dashboard.render(state))
        for input in try KeyScript.parse("S").get() { AppReducer.handle(&state, input) }
        let scorecard = CanvasText.plain(Dashboard.render(state))
        return [("screen", panes + scorecard),
                ("dump", BriefingText.dump(b, hindsight: true) + BriefingText.outlooks(b, scenario: scenario)),
                ("HTML", HandoutHTML(handout, theme: ThemeLoader.builtIn("dark")!).page),
                ("Markdown", HandoutMarkdown(handout).text)]
    }

    @Test func everyVerdictReadsTheSameEverywhere() throws {
        let used = Set(Self.briefing.scorecard.map(\.verdict))
        for (name, text) in try Self.surfaces("downward-spiral") {
            for verdict in used { #expect(text.contains(Wording.verdict(verdict)), "\(name) does not write \(verdict) as \(Wording.verdict(verdict))") }
            for other in ["… open", "[open]", "[held]", "[partly]", "[diverged]"] { #expect(!text.contains(other), "\(name) writes a verdict as \(other)") }
        }
    }

    @Test func scoresAndChangesReadTheSameEverywhere() throws {
        let b = Self.briefing
        let scenario = Scenario.preset(try #require(b.preset("downward-spiral")), in: b)
        let engine = OutlookEngine(briefing: b)
        let baseline = Dictionary(uniqueKeysWithValues: engine.outlooks(for: .baseline(of: b)).map { ($0.target, $0.score) })
        let outlooks = engine.outlooks(for: scenario)
        #expect(outlooks.contains { $0.score < 0 }, "the check needs a negative score to see the minus sign")
        for (name, text) in try Self.surfaces("downward-spiral") {
            for o in outlooks where b.pillars.contains(where: { $0.id == o.target }) {
                // The screen's gauge has no room for brackets: "Strained −2"; the rest "Strained (−2)".
                let level = name == "screen" ? "\(Outlook.Level(score: o.score).word) \(Wording.signed(o.score))" : Wording.level(o.score)
                #expect(text.contains(level), "\(name) does not write \(o.target)'s outlook as \(level)")
                let change = o.score - (baseline[o.target] ?? 0)
                if change != 0 { #expect(text.contains(Wording.change(change)), "\(name) does not write \(o.target)'s change as \(Wording.change(change))") }
            }
            // The hyphen-minus and the old phrasings are gone.
            for other in ["(score ", "scores -", "from baseline", "▲ +0"] { #expect(!text.contains(other), "\(name) still writes \(other)") }
        }
    }

    @Test func rangesReadTheSameEverywhere() throws {
        let b = Self.briefing
        let scenario = Scenario.preset(try #require(b.preset("as-it-happened")), in: b)
        let ranges = OutlookEngine(briefing: b).ranges(for: scenario).filter { $0.value.count > 1 }
        try #require(!ranges.isEmpty, "as-it-happened leaves a factor unsettled")
        for (name, text) in try Self.surfaces("as-it-happened") where name != "screen" {
            for (target, range) in ranges where b.pillars.contains(where: { $0.id == target }) {
                #expect(text.contains(Wording.range(range)), "\(name) does not write \(target)'s range as \(Wording.range(range))")
            }
        }
    }

    @Test func theWordingItself() {
        #expect(Wording.signed(-2) == "−2" && Wording.signed(-2, ascii: true) == "-2" && Wording.signed(0) == "0" && Wording.signed(3) == "+3")
        #expect(Wording.change(2) == "▲ +2" && Wording.change(-1) == "▼ −1" && Wording.change(0) == "= same" && Wording.change(-1, ascii: true) == "v -1")
        #expect(Wording.range(-3 ... -1) == "Faltering to Strained (−3 to −1)")
        #expect(Wording.range(0...1) == "Steady (0 to +1)" && Wording.range(1...1) == "Steady (+1)")
        #expect(Wording.range(-3 ... -1, fitting: 12) == "Falt to Stra")
        #expect(Wording.range(0...1, fitting: 12) == "Stea 0 to +1")
        #expect(Wording.verdict(.open) == "? open" && Wording.verdict(.open, ascii: true) == "[open]")
    }
}
