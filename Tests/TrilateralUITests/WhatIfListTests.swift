import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The what-if list at 80×24 holds fewer rows than the factors and presets: the cursor's row
/// is always on screen, so every preset can be seen before it is applied.
@Suite("What-if list")
struct WhatIfListTests {
    @Test func everyRowIsOnScreenWhenTheCursorIsOnIt() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        AppReducer.handle(&s, .key(.char("w")))
        let b = s.briefing
        let names = b.factors.map { TextLayout.fit($0.name, to: 10) } + b.presets.map(\.name)
        for (row, name) in names.enumerated() {
            #expect(s.shared.whatIf.row == row)
            let screen = CanvasText.plain(Dashboard.render(s))
            #expect(screen.contains(name.replacingOccurrences(of: "…", with: "")), "row \(row) (\(name)) is off screen")
            AppReducer.handle(&s, .key(.down))
        }
        AppReducer.handle(&s, .key(.enter))
        #expect(s.shared.whatIf.scenario == Scenario.preset(b.presets.last!, in: b))
        #expect(CanvasText.plain(Dashboard.render(s)).contains("● \(b.presets.last!.name)"))
    }

    /// Where the panel has no room to explain an outlook under its table, it says where the
    /// explanation went.
    @Test(arguments: [(80, 24, true), (120, 40, false)])
    func explainingSaysWhereWhenThePanelHasNoRoom(width: Int, height: Int, told: Bool) {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: width, height: height))
        for key: Key in [.char("w"), .right, .down, .char("e")] { AppReducer.handle(&s, .key(key)) }
        #expect(s.shared.detail.opened == .outlook(s.briefing.targets[1].id))
        #expect((s.local.flash?.contains("detail pane") ?? false) == told)
        #expect(CanvasText.plain(Dashboard.render(s)).contains("Outlook: \(s.briefing.targets[1].name)") == !told)
    }

    /// A briefing with more outlooks than the table has rows: the table scrolls with its cursor.
    @Test func aLongOutlookTableKeepsTheCursorOnScreen() {
        var b = BuiltInBriefings.standard
        b.extraTargets += (1...20).map { Target(id: "extra-\($0)", name: "Extra \($0)", kind: .whole) }
        var s = AppState(briefing: b, size: Size(width: 80, height: 24))
        for key: Key in [.char("w"), .right] { AppReducer.handle(&s, .key(key)) }
        for (n, target) in b.targets.enumerated() {
            #expect(s.shared.whatIf.outlookRow == n)
            let screen = CanvasText.plain(Dashboard.render(s))
            #expect(screen.contains(target.short + " ") || screen.contains(target.name + " "), "outlook \(n + 1) (\(target.name)) is off screen")
            AppReducer.handle(&s, .key(.down))
        }
    }

    /// The what-if panel and the scorecard take the whole body: one at a time, so a key meant
    /// for the one on screen never changes the scenario in one hidden behind it.
    @Test func onePanelAtATime() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        let baseline = s.shared.whatIf.scenario
        for key: Key in [.char("w"), .char("S")] { AppReducer.handle(&s, .key(key)) }
        #expect(s.shared.panel == .scorecard)
        for key: Key in [.enter, .char("1"), .char(" ")] { AppReducer.handle(&s, .key(key)) }
        #expect(s.shared.whatIf.scenario == baseline, "keys under the scorecard reached the hidden what-if panel")
        AppReducer.handle(&s, .key(.char("w")))
        #expect(s.shared.panel == .whatIf)
        AppReducer.handle(&s, .key(.char("S")))
        AppReducer.handle(&s, .key(.char("c")))
        #expect(s.shared.panel == .whatIf, "compare opens the what-if panel in place of the scorecard")
    }
}
