import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Reducer")
struct ReducerTests {
    func fresh(_ w: Int = 120, _ h: Int = 40) -> AppState {
        AppState(briefing: BuiltInBriefings.standard, size: Size(width: w, height: h))
    }

    func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&state, input) }
    }

    /// A notice from the command line (`present`'s "how to follow") stays through a resize, a
    /// reload or an audience count, and goes with the next key.
    @Test func aNoticeStaysUntilTheNextKey() {
        var s = fresh()
        AppReducer.reduce(&s, .app(.flash("presenting 'talk': trilateral follow talk")))
        AppReducer.reduce(&s, .app(.resize(Size(width: 100, height: 30))))
        AppReducer.reduce(&s, .app(.audience(Audience(watching: 2, browsing: 0))))
        #expect(s.local.flash == "presenting 'talk': trilateral follow talk")
        #expect(CanvasText.plain(Dashboard.render(s)).contains("presenting 'talk'"))
        press(&s, "j")
        #expect(s.local.flash == nil)
    }

    @Test func focusCyclesBothWays() {
        var s = fresh()
        press(&s, "<Tab><Tab>")
        #expect(s.shared.panes.focus == 2)
        press(&s, "<S-Tab><S-Tab><S-Tab>")
        #expect(s.shared.panes.focus == s.panes.count - 1)
        press(&s, "3")
        #expect(s.shared.panes.focus == 2)
        press(&s, "9")
        #expect(s.shared.panes.focus == 2)
        #expect(s.local.flash != nil)
    }

    @Test func helpTogglesAndAnyKeyCloses() {
        var s = fresh()
        press(&s, "?")
        #expect(s.local.helpVisible)
        press(&s, "j")
        #expect(!s.local.helpVisible)
        #expect(s.shared.panes.selection[0] == 0, "the closing key does nothing else")
    }

    /// A search for what happened after the briefing says where to find it instead of a bare
    /// "no match"; with `H` on it finds those events.
    @Test func aSearchForLaterEventsPointsToH() {
        var s = fresh()
        press(&s, "/tariff<Enter>")
        #expect(s.shared.search.matches.isEmpty)
        let flash = s.local.flash ?? ""
        #expect(flash.hasPrefix("no match for 'tariff'; H shows "), "\(flash)")
        let later = Int(flash.split(separator: " ").dropLast().last ?? "") ?? 0
        press(&s, "H/tariff<Enter>")
        #expect(later > 0 && s.shared.search.matches.count == later)
        press(&s, "H<Esc>/zzzz<Enter>")
        #expect(s.local.flash == "no match for 'zzzz'")
    }

    /// At 80×24 the help is longer than the screen: j and PgDn scroll it to the glyphs (the
    /// caveat mark among them), k and PgUp come back, any other key still closes it.
    @Test func aLongHelpScrollsToItsGlyphs() {
        var s = fresh(80, 24)
        press(&s, "?")
        let screen = { CanvasText.plain(Dashboard.render(s)) }
        #expect(screen().contains("↓ more"))
        #expect(!screen().contains("a caveat: not from the article"))
        press(&s, "<PgDn><PgDn><PgDn>j")
        #expect(s.local.helpVisible)
        #expect(s.local.helpTop == HelpGeometry.maximumTop(s) && s.local.helpTop > 0)
        #expect(screen().contains("a caveat: not from the article"))
        #expect(screen().contains("medium confidence: shown as reported"))
        press(&s, "<PgUp><PgUp><PgUp>k")
        #expect(s.local.helpTop == 0)
        press(&s, "x")
        #expect(!s.local.helpVisible)
        press(&s, "?")
        #expect(s.local.helpTop == 0, "opens at the top")
    }

    @Test(arguments: ["q", "<C-c>", "?q"])
    func quits(_ keys: String) {
        var s = fresh()
        var effects: [Effect] = []
        for input in try! KeyScript.parse(keys).get() { effects += AppReducer.handle(&s, input) }
        #expect(effects == [.quit])
    }

    @Test func selectionStaysInRange() {
        var s = fresh()
        press(&s, "jjjjjjjjjj")
        #expect(s.shared.panes.selection[0] == s.items(in: 0).count - 1)
        press(&s, "<Home>")
        #expect(s.shared.panes.selection[0] == 0)
        press(&s, "kk<End>")
        #expect(s.shared.panes.selection[0] == s.items(in: 0).count - 1)
    }

    @Test func enterOpensTheSelection() {
        var s = fresh()
        press(&s, "j<Enter>")
        #expect(s.shared.detail.opened == .commitment(pillar: 0, index: 1))
    }

    @Test func themeCyclesThroughTheNamedThemes() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24),
                         theme: ThemeState(names: ["dark", "light", "mono"], current: "light"))
        press(&s, "T")
        #expect(s.local.theme.current == "mono")
        #expect(s.local.flash == "theme: mono")
        press(&s, "T")
        #expect(s.local.theme.current == "dark")
    }

    @Test func zoomAndTimeline() {
        var s = fresh()
        press(&s, "z")
        #expect(s.shared.panes.zoomed)
        press(&s, "<Esc>")
        #expect(!s.shared.panes.zoomed)
        press(&s, "t")
        #expect(s.focusedPane == .timeline && s.shared.panes.zoomed)
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var s = fresh(80, 24)
        press(&s, "4<End>")
        let rect = Layout.compute(s).panes[3]!
        let area = PaneGeometry.listArea(rect)
        #expect(s.shared.panes.selection[3] >= s.shared.panes.scroll[3] && s.shared.panes.selection[3] < s.shared.panes.scroll[3] + area.height)
    }

    @Test(arguments: [(30, 8, Layout.Mode.tooSmall), (60, 20, .narrow), (80, 24, .columns), (120, 40, .grid), (200, 60, .grid)])
    func layoutStepsDown(_ w: Int, _ h: Int, _ mode: Layout.Mode) {
        #expect(Layout.compute(fresh(w, h)).mode == mode)
    }

    @Test func panesNeverOverlapOrLeaveTheScreen() {
        for (w, h) in [(40, 12), (80, 24), (100, 30), (120, 40), (200, 60), (300, 100)] {
            let layout = Layout.compute(fresh(w, h))
            let rects = Array(layout.panes.values)
            for (i, a) in rects.enumerated() {
                #expect(a.x >= 0 && a.maxX <= w && a.y >= 1 && a.maxY <= h - 1)
                for b in rects[(i + 1)...] { #expect(a.intersection(b).isEmpty) }
            }
        }
    }

    @Test func mouseClickFocusesAndSelects() {
        var s = fresh()
        let rect = Layout.compute(s).panes[1]!
        let area = PaneGeometry.listArea(rect)
        AppReducer.reduce(&s, .panes(.click(x: area.x + 3, y: area.y + 1)))
        #expect(s.shared.panes.focus == 1)
        #expect(s.shared.panes.selection[1] == 1)
        #expect(s.shared.detail.opened == .commitment(pillar: 1, index: 1))
    }
}

@Suite("What-if panel")
struct WhatIfReducerTests {
    func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&state, input) }
    }

    func fresh() -> AppState { AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40)) }

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

@Suite("Search")
struct SearchTests {
    func run(_ script: String, size: Size = Size(width: 120, height: 40)) -> AppState {
        var s = AppState(briefing: BuiltInBriefings.standard, size: size)
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&s, input) }
        return s
    }

    @Test func findsAcrossPanesAndOpensTheFirst() {
        let s = run("/semiconductor<Enter>")
        #expect(s.shared.search.matches.count >= 2)
        #expect(Set(s.shared.search.matches.map(\.pane)).count >= 2, "matches in more than one pane")
        #expect(s.shared.detail.opened == .commitment(pillar: 1, index: 0))
        #expect(s.shared.panes.focus == 1)
    }

    @Test func nWrapsAroundAndNGoesBack() {
        var s = run("/semiconductor<Enter>")
        let count = s.shared.search.matches.count
        for _ in 0..<count { AppReducer.handle(&s, .key(.char("n"))) }
        #expect(s.shared.search.current == 0)
        #expect(s.local.flash == "search wrapped to the first match")
        AppReducer.handle(&s, .key(.char("N")))
        #expect(s.shared.search.current == count - 1)
        #expect(s.local.flash == "search wrapped to the last match")
    }

    @Test func typingGoesIntoTheQueryNotTheKeymap() {
        let s = run("/quit")
        #expect(s.shared.search.query == "quit")
        #expect(s.shared.search.editing)
    }

    @Test func escClearsAndNoMatchSaysSo() {
        var s = run("/camp<Enter>")
        #expect(s.shared.search.isActive)
        AppReducer.handle(&s, .key(.escape))
        #expect(!s.shared.search.isActive)
        let none = run("/zzzz<Enter>")
        #expect(none.local.flash == "no match for 'zzzz'")
        #expect(!none.shared.search.isActive)
    }

    @Test func matchesNativeScriptAndDiacritics() {
        #expect(!run("/石破<Enter>").shared.search.matches.isEmpty)
        #expect(!run("/Ishiba<Enter>").shared.search.matches.isEmpty)
        #expect(!run("/JAPAN'S ECONOMIC<Enter>").shared.search.matches.isEmpty)
    }

    @Test func highlightIsDrawn() {
        let s = run("/semiconductor<Enter>")
        let canvas = Dashboard.render(s)
        #expect(canvas.cells.contains { $0.role == .searchMatch })
    }
}

@Suite("Guided tour")
struct TourTests {
    func run(_ script: String, size: Size = Size(width: 120, height: 40)) -> AppState {
        var s = AppState(briefing: BuiltInBriefings.standard, size: size)
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&s, input) }
        return s
    }

    @Test func builtInTourFollowsTheArgument() {
        let tour = BuiltInBriefings.standard.tour
        #expect(tour.count >= 10)
        #expect(tour.first?.caption.contains("Camp David") == true)
        #expect(tour.dropLast().last?.caption.contains("question of leadership") == true)
        #expect(tour.last?.show == .scorecard)
        let scenarios = tour.filter {
            switch $0.show { case .whatIf, .explain, .compare: true; default: false }
        }
        #expect(scenarios.count >= 2)
    }

    @Test func everyStepShowsSomethingAtEverySize() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 20)] {
            var s = run("b", size: size)
            for n in 0..<s.briefing.tour.count {
                #expect(s.shared.tour.step == n)
                let screen = CanvasText.plain(Dashboard.render(s))
                #expect(screen.contains("Step \(n + 1)/\(s.briefing.tour.count)"), "step \(n + 1) at \(size)")
                AppReducer.handle(&s, .key(.char(" ")))
            }
            #expect(s.local.flash == "end of the tour: b leaves it")
        }
    }

    @Test func backAndLeave() {
        var s = run("b<Right><Right><Left>")
        #expect(s.shared.tour.step == 1)
        AppReducer.handle(&s, .key(.backspace))
        AppReducer.handle(&s, .key(.pageUp))
        #expect(s.shared.tour.step == 0)
        #expect(s.local.flash == "this is the first step")
        AppReducer.handle(&s, .key(.char("b")))
        #expect(s.shared.tour.step == nil)
    }

    @Test func stepsApplyWhatTheyName() {
        let s = run("b<Space><Space><Space><Space><Space><Space><Space><Space>")
        #expect(s.shared.tour.step == 8)
        #expect(s.shared.panel == .whatIf)
        #expect(s.shared.whatIf.scenario.choices["us-tariffs"] == "allies-too")
        #expect(s.shared.detail.opened == .outlook("supply-chains"))
    }

    @Test func notesOnlyWhenAsked() {
        let plain = CanvasText.plain(Dashboard.render(run("b")))
        #expect(!plain.contains("Notes:"))
        #expect(CanvasText.plain(Dashboard.render(run("bs"))).contains("Notes:"))
    }
}

@Suite("Search across layers")
struct SearchLayerTests {
    @Test("toggling the hindsight layer keeps the current match on its item, or clears it; never out of range")
    func currentMatchSurvivesLayerToggle() throws {
        var state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        for input in try KeyScript.parse("HHHHHHHHHHHHHHHHHH/9<Enter>Hnn").get() { AppReducer.handle(&state, input) }
        AppReducer.handle(&state, .key(.char("H")))
        if let current = state.shared.search.current { #expect(state.shared.search.matches.indices.contains(current)) }
        _ = Dashboard.render(state)
    }
}

@Suite("Search matching")
struct SearchMatchingTests {
    @Test("byte search agrees with String.contains on folded text", arguments: [
        ("semiconductor alliance", "alliance"), ("岸田文雄 kishida", "文雄"), ("윤석열", "석"), ("abc", "abcd"), ("", "a"), ("aaab", "aab"), ("x", "x"), ("Ishiba", "Ishiba "),
    ])
    func agrees(text: String, needle: String) {
        let (t, n) = (SearchState.fold(text), SearchState.fold(needle))
        #expect(SearchState.contains(t, n) == t.contains(n))
    }
}

/// `--watch`: a new version of the file replaces the briefing without losing the reader's place.
@Suite("Live reload keeps the reader's place")
struct ReloadTests {
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
