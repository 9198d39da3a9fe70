import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("What-if panel")
struct WhatIfReducerTests: DashboardTesting {
    @Test func togglesFollowOnTheDashboardAndUndo() {
        var s = fresh()
        press(&s, "w1")
        #expect(s.shared.whatIf.scenario.choices["us-election"] == "trump")
        #expect(s.outlook(for: "supply-chains")!.score < s.baselineOutlooks["supply-chains"]!.score, "under Trump, tariffs hit allies too")
        press(&s, "2")
        #expect(s.shared.whatIf.scenario.choices["us-tariffs"] == "china-focused")
        let focused = s.outlook(for: "supply-chains")!.score
        press(&s, "u")
        #expect(s.shared.whatIf.scenario.choices["us-tariffs"] == "allies-too")
        #expect(s.outlook(for: "supply-chains")!.score < focused, "undo brings the tariffs on allies back")
        press(&s, "r")
        #expect(s.shared.whatIf.scenario == Scenario.baseline(of: s.briefing))
        press(&s, "w")
        #expect(s.shared.panel != .whatIf)
        let screen = CanvasText.plain(Dashboard.render(s))
        #expect(!screen.contains("▼"), "back at baseline: no change arrows")
    }

    /// Each factor cycled through the reducer and undone: the scenario and every outlook are back
    /// where they started, and at least one toggle really moved an outlook in between.
    @Test func everyToggleIsUndone() {
        var moved = 0
        for (n, factor) in BuiltInBriefings.standard.factors.enumerated() {
            var s = fresh()
            let start = s.shared.whatIf.outlooks
            AppReducer.reduce(&s, .whatIf(.cycleFactor(n)))
            #expect(s.shared.whatIf.scenario.choices[factor.id] != factor.baseline, "\(factor.id) did not change")
            if s.shared.whatIf.outlooks != start { moved += 1 }
            AppReducer.reduce(&s, .whatIf(.undo))
            #expect(s.shared.whatIf.scenario == Scenario.baseline(of: s.briefing), "\(factor.id)")
            #expect(s.shared.whatIf.outlooks == start, "\(factor.id): undo left the outlooks changed")
        }
        #expect(moved >= 3)
    }

    @Test func nonApplicableFactorSaysSo() {
        var s = fresh()
        press(&s, "w2")
        #expect(s.local.flash?.contains("not applicable") == true)
        #expect(CanvasText.plain(Dashboard.render(s)).contains("n/a (needs us-election=trump)"))
    }

    @Test func enterOnAPresetAppliesIt() {
        var s = fresh()
        press(&s, "w")
        let downward = s.briefing.factors.count + s.briefing.presets.firstIndex { $0.id == "downward-spiral" }!
        for _ in 0..<downward { press(&s, "j") }
        press(&s, "<Enter>")
        #expect(s.shared.whatIf.scenario.choices["korea-2027"] == "moon-line")
        #expect(s.shared.whatIf.scenario.choices["ldp-response"] == "hawks-gain")
        #expect(CanvasText.plain(Dashboard.render(s)).contains("scenario: Downward spiral"))
    }

    @Test func explainOpensTheTraceWithQuotes() {
        var s = fresh()
        press(&s, "e")
        #expect(s.shared.detail.opened == .outlook("supply-chains"))
        let screen = CanvasText.plain(Dashboard.render(s))
        #expect(screen.contains("Outlook: Supply-chain resilience"))
        #expect(screen.contains("Source: ¶9"))
        var t = fresh()
        press(&t, "4e")
        #expect(t.local.flash?.contains("explains an outlook") == true)
    }

    @Test func compareShowsBaselineAndNow() {
        var s = fresh()
        press(&s, "c")
        #expect(s.shared.panel == .whatIf && s.shared.whatIf.column == .outlooks)
        let screen = CanvasText.plain(Dashboard.render(s))
        #expect(screen.contains("Baseline") && screen.contains("Now") && screen.contains("Change"))
    }

    @Test func successorNamesFollowTheScenario() {
        var s = fresh()
        #expect(CanvasText.plain(Dashboard.render(s)).contains("Harris?"))
        press(&s, "w1w")
        #expect(CanvasText.plain(Dashboard.render(s)).contains("Trump?"))
    }
}
