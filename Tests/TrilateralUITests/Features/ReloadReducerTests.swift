import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// `--watch`: a new version of the file replaces the briefing without losing the reader's place.
@Suite("Live reload keeps the reader's place")
struct ReloadTests: DashboardTesting {
    static let text = BuiltInBriefings.text(named: "example-harbour-pact.yaml")!
    static func load(_ text: String) -> Briefing { try! BriefingLoader.load(text: text, file: "x").get().briefing }

    @Test func placeIsKeptByIDsWhenIndicesMove() {
        var s = AppState(briefing: Self.load(Self.text), size: Size(width: 120, height: 40))
        // Foundations pane, its second item (the driver) opened; a what-if choice; a search.
        for input in try! KeyScript.parse("2j<Enter>/storm<Enter>").get() { AppReducer.handle(&s, input) }
        AppReducer.reduce(&s, .whatIf(.set(Scenario(choices: ["aq-vote": "rival", "rival-tone": "harsh"]))))
        let opened = s.shared.detail.opened
        #expect(opened == .driver(0))
        // A new version: a pillar inserted before the foundations, a driver before "storms".
        let edited = Self.text
            .replacingOccurrences(of: "  - id: base\n", with: "  - id: ports\n    name: Ports\n    summary: New.\n    cite: { para: 1 }\n  - id: base\n")
            .replacingOccurrences(of: "drivers:\n", with: "drivers:\n  - { id: tides, title: Tides, text: Tides turn., cite: { para: 4 } }\n")
        AppReducer.reduce(&s, .reload(.replaced(Self.load(edited))))
        #expect(s.focusedPane == .pillar(2), "the foundations pane, now third")
        #expect(s.shared.detail.opened == .driver(1), "the same driver, now second")
        #expect(s.selectedItem(in: s.shared.panes.focus) == .driver(1))
        #expect(s.shared.whatIf.scenario.choices["aq-vote"] == "rival" && s.shared.whatIf.scenario.choices["rival-tone"] == "harsh")
        #expect(s.shared.search.query == "storm" && !s.shared.search.matches.isEmpty)
        #expect(s.local.flash == "briefing reloaded")
    }

    @Test func whatNoLongerExistsFallsBack() {
        var s = AppState(briefing: Self.load(Self.text), size: Size(width: 120, height: 40))
        AppReducer.reduce(&s, .whatIf(.set(Scenario(choices: ["aq-vote": "rival", "rival-tone": "mild"]))))
        for input in try! KeyScript.parse("2j<Enter>").get() { AppReducer.handle(&s, input) }
        // The driver and the rival-tone factor are gone.
        let edited = Self.text
            .replacingOccurrences(of: "  - { id: storms, title: Storm season, text: Storms close ports., cite: { para: 4 }, series: tonnage }\n", with: "")
        AppReducer.reduce(&s, .reload(.replaced(Self.load(edited))))
        #expect(s.shared.detail.opened == nil)
        #expect(s.shared.whatIf.scenario.choices["aq-vote"] == "rival")
    }

    @Test func aBrokenVersionIsReportedUntilAGoodOneComes() {
        var s = AppState(briefing: Self.load(Self.text), size: Size(width: 120, height: 40))
        AppReducer.reduce(&s, .reload(.failed("x.yaml:3:1: title: must not be empty")))
        #expect(s.local.reloadProblem != nil)
        #expect(CanvasText.plain(Dashboard.render(s)).contains("not reloaded: x.yaml:3:1"))
        AppReducer.handle(&s, .key(.char("j")))
        #expect(s.local.reloadProblem != nil, "a key does not clear it")
        AppReducer.reduce(&s, .reload(.replaced(Self.load(Self.text))))
        #expect(s.local.reloadProblem == nil)
        #expect(s.local.flash == "briefing fixed and reloaded")
    }
}
