import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Dashboard reducer")
struct DashboardReducerTests: DashboardTesting {
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
