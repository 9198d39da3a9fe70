import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Search")
struct SearchTests: DashboardTesting {
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

@Suite("Search across layers")
struct SearchLayerTests: DashboardTesting {
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
struct SearchMatchingTests: DashboardTesting {
    @Test("byte search agrees with String.contains on folded text", arguments: [
        ("semiconductor alliance", "alliance"), ("岸田文雄 kishida", "文雄"), ("윤석열", "석"), ("abc", "abcd"), ("", "a"), ("aaab", "aab"), ("x", "x"), ("Ishiba", "Ishiba "),
    ])
    func agrees(text: String, needle: String) {
        let (t, n) = (SearchState.fold(text), SearchState.fold(needle))
        #expect(SearchState.contains(t, n) == t.contains(n))
    }
}
