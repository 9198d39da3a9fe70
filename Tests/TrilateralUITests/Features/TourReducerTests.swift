import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Guided tour")
struct TourTests: DashboardTesting {
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
