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
