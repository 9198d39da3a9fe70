import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Reducer")
struct ReducerTests {
    func fresh(_ w: Int = 120, _ h: Int = 40) -> AppState {
        AppState(briefing: BriefingLoader.builtIn(), size: Size(width: w, height: h))
    }

    func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { Reducer.handle(&state, input) }
    }

    @Test func focusCyclesBothWays() {
        var s = fresh()
        press(&s, "<Tab><Tab>")
        #expect(s.focus == 2)
        press(&s, "<S-Tab><S-Tab><S-Tab>")
        #expect(s.focus == s.panes.count - 1)
        press(&s, "3")
        #expect(s.focus == 2)
        press(&s, "9")
        #expect(s.focus == 2)
        #expect(s.flash != nil)
    }

    @Test func helpTogglesAndAnyKeyCloses() {
        var s = fresh()
        press(&s, "?")
        #expect(s.helpVisible)
        press(&s, "j")
        #expect(!s.helpVisible)
        #expect(s.selection[0] == 0, "the closing key does nothing else")
    }

    @Test(arguments: ["q", "<C-c>", "?q"])
    func quits(_ keys: String) {
        var s = fresh()
        press(&s, keys)
        #expect(s.quitRequested)
    }

    @Test func selectionStaysInRange() {
        var s = fresh()
        press(&s, "jjjjjjjjjj")
        #expect(s.selection[0] == s.items(in: 0).count - 1)
        press(&s, "<Home>")
        #expect(s.selection[0] == 0)
        press(&s, "kk<End>")
        #expect(s.selection[0] == s.items(in: 0).count - 1)
    }

    @Test func enterOpensTheSelection() {
        var s = fresh()
        press(&s, "j<Enter>")
        #expect(s.opened == .commitment(pillar: 0, index: 1))
    }

    @Test func themeCyclesThroughTheNamedThemes() {
        var s = AppState(briefing: BriefingLoader.builtIn(), size: Size(width: 80, height: 24),
                         themeNames: ["dark", "light", "mono"], themeName: "light")
        press(&s, "T")
        #expect(s.themeName == "mono")
        #expect(s.flash == "theme: mono")
        press(&s, "T")
        #expect(s.themeName == "dark")
    }

    @Test func zoomAndTimeline() {
        var s = fresh()
        press(&s, "z")
        #expect(s.zoomed)
        press(&s, "<Esc>")
        #expect(!s.zoomed)
        press(&s, "t")
        #expect(s.focusedPane == .timeline && s.zoomed)
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var s = fresh(80, 24)
        press(&s, "4<End>")
        let rect = Layout.compute(s).panes[3]!
        let area = PillarPaneView.listArea(rect)
        #expect(s.selection[3] >= s.scroll[3] && s.selection[3] < s.scroll[3] + area.height)
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
        let area = PillarPaneView.listArea(rect)
        Reducer.update(&s, .click(x: area.x + 3, y: area.y + 1))
        #expect(s.focus == 1)
        #expect(s.selection[1] == 1)
        #expect(s.opened == .commitment(pillar: 1, index: 1))
    }
}

@Suite("What-if panel")
struct WhatIfReducerTests {
    func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { Reducer.handle(&state, input) }
    }

    func fresh() -> AppState { AppState(briefing: BriefingLoader.builtIn(), size: Size(width: 120, height: 40)) }

    @Test func togglesFollowOnTheDashboardAndUndo() {
        var s = fresh()
        press(&s, "w1")
        #expect(s.scenario.choices["us-election"] == "trump")
        #expect(s.outlook(for: "supply-chains")!.score < s.baselineOutlooks["supply-chains"]!.score, "under Trump, tariffs hit allies too")
        press(&s, "2")
        #expect(s.scenario.choices["us-tariffs"] == "china-focused")
        let focused = s.outlook(for: "supply-chains")!.score
        press(&s, "u")
        #expect(s.scenario.choices["us-tariffs"] == "allies-too")
        #expect(s.outlook(for: "supply-chains")!.score < focused, "undo brings the tariffs on allies back")
        press(&s, "r")
        #expect(s.scenario == Scenario.baseline(of: s.briefing))
        press(&s, "w")
        #expect(!s.whatIfVisible)
        let screen = CanvasText.plain(Dashboard.render(s))
        #expect(!screen.contains("▼"), "back at baseline: no change arrows")
    }

    /// Each factor cycled through the reducer and undone: the scenario and every outlook are back
    /// where they started, and at least one toggle really moved an outlook in between.
    @Test func everyToggleIsUndone() {
        var moved = 0
        for (n, factor) in BriefingLoader.builtIn().factors.enumerated() {
            var s = fresh()
            let start = s.outlooks
            Reducer.update(&s, .cycleFactor(n))
            #expect(s.scenario.choices[factor.id] != factor.baseline, "\(factor.id) did not change")
            if s.outlooks != start { moved += 1 }
            Reducer.update(&s, .undoScenario)
            #expect(s.scenario == Scenario.baseline(of: s.briefing), "\(factor.id)")
            #expect(s.outlooks == start, "\(factor.id): undo left the outlooks changed")
        }
        #expect(moved >= 3)
    }

    @Test func nonApplicableFactorSaysSo() {
        var s = fresh()
        press(&s, "w2")
        #expect(s.flash?.contains("not applicable") == true)
        #expect(CanvasText.plain(Dashboard.render(s)).contains("n/a (needs us-election=trump)"))
    }

    @Test func enterOnAPresetAppliesIt() {
        var s = fresh()
        press(&s, "w")
        let downward = s.briefing.factors.count + s.briefing.presets.firstIndex { $0.id == "downward-spiral" }!
        for _ in 0..<downward { press(&s, "j") }
        press(&s, "<Enter>")
        #expect(s.scenario.choices["korea-2027"] == "moon-line")
        #expect(s.scenario.choices["ldp-response"] == "hawks-gain")
        #expect(CanvasText.plain(Dashboard.render(s)).contains("scenario: Downward spiral"))
    }

    @Test func explainOpensTheTraceWithQuotes() {
        var s = fresh()
        press(&s, "e")
        #expect(s.opened == .outlook("supply-chains"))
        let screen = CanvasText.plain(Dashboard.render(s))
        #expect(screen.contains("Outlook: Supply-chain resilience"))
        #expect(screen.contains("Source: ¶9"))
        var t = fresh()
        press(&t, "4e")
        #expect(t.flash?.contains("explains an outlook") == true)
    }

    @Test func compareShowsBaselineAndNow() {
        var s = fresh()
        press(&s, "c")
        #expect(s.whatIfVisible && s.whatIfColumn == .outlooks)
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
        var s = AppState(briefing: BriefingLoader.builtIn(), size: size)
        for input in try! KeyScript.parse(script).get() { Reducer.handle(&s, input) }
        return s
    }

    @Test func findsAcrossPanesAndOpensTheFirst() {
        let s = run("/semiconductor<Enter>")
        #expect(s.search.matches.count >= 2)
        #expect(Set(s.search.matches.map(\.pane)).count >= 2, "matches in more than one pane")
        #expect(s.opened == .commitment(pillar: 1, index: 0))
        #expect(s.focus == 1)
    }

    @Test func nWrapsAroundAndNGoesBack() {
        var s = run("/semiconductor<Enter>")
        let count = s.search.matches.count
        for _ in 0..<count { Reducer.handle(&s, .key(.char("n"))) }
        #expect(s.search.current == 0)
        #expect(s.flash == "search wrapped to the first match")
        Reducer.handle(&s, .key(.char("N")))
        #expect(s.search.current == count - 1)
        #expect(s.flash == "search wrapped to the last match")
    }

    @Test func typingGoesIntoTheQueryNotTheKeymap() {
        let s = run("/quit")
        #expect(!s.quitRequested)
        #expect(s.search.query == "quit")
        #expect(s.search.editing)
    }

    @Test func escClearsAndNoMatchSaysSo() {
        var s = run("/camp<Enter>")
        #expect(s.search.isActive)
        Reducer.handle(&s, .key(.escape))
        #expect(!s.search.isActive)
        let none = run("/zzzz<Enter>")
        #expect(none.flash == "no match for 'zzzz'")
        #expect(!none.search.isActive)
    }

    @Test func matchesNativeScriptAndDiacritics() {
        #expect(!run("/石破<Enter>").search.matches.isEmpty)
        #expect(!run("/Ishiba<Enter>").search.matches.isEmpty)
        #expect(!run("/JAPAN'S ECONOMIC<Enter>").search.matches.isEmpty)
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
        var s = AppState(briefing: BriefingLoader.builtIn(), size: size)
        for input in try! KeyScript.parse(script).get() { Reducer.handle(&s, input) }
        return s
    }

    @Test func builtInTourFollowsTheArgument() {
        let tour = BriefingLoader.builtIn().tour
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
                #expect(s.tourStep == n)
                let screen = CanvasText.plain(Dashboard.render(s))
                #expect(screen.contains("Step \(n + 1)/\(s.briefing.tour.count)"), "step \(n + 1) at \(size)")
                Reducer.handle(&s, .key(.char(" ")))
            }
            #expect(s.flash == "end of the tour: b leaves it")
        }
    }

    @Test func backAndLeave() {
        var s = run("b<Right><Right><Left>")
        #expect(s.tourStep == 1)
        Reducer.handle(&s, .key(.backspace))
        Reducer.handle(&s, .key(.pageUp))
        #expect(s.tourStep == 0)
        #expect(s.flash == "this is the first step")
        Reducer.handle(&s, .key(.char("b")))
        #expect(s.tourStep == nil)
    }

    @Test func stepsApplyWhatTheyName() {
        let s = run("b<Space><Space><Space><Space><Space><Space><Space><Space>")
        #expect(s.tourStep == 8)
        #expect(s.whatIfVisible)
        #expect(s.scenario.choices["us-tariffs"] == "allies-too")
        #expect(s.opened == .outlook("supply-chains"))
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
        var state = AppState(briefing: BriefingLoader.builtIn(), size: Size(width: 120, height: 40))
        for input in try KeyScript.parse("HHHHHHHHHHHHHHHHHH/9<Enter>Hnn").get() { Reducer.handle(&state, input) }
        Reducer.handle(&state, .key(.char("H")))
        if let current = state.search.current { #expect(state.search.matches.indices.contains(current)) }
        _ = Dashboard.render(state)
    }
}

@Suite("Search matching")
struct SearchMatchingTests {
    @Test("byte search agrees with String.contains on folded text", arguments: [
        ("semiconductor alliance", "alliance"), ("岸田文雄 kishida", "文雄"), ("윤석열", "석"), ("abc", "abcd"), ("", "a"), ("aaab", "aab"), ("x", "x"), ("Ishiba", "Ishiba "),
    ])
    func agrees(text: String, needle: String) {
        let (t, n) = (Search.fold(text), Search.fold(needle))
        #expect(Search.contains(t, n) == t.contains(n))
    }
}
