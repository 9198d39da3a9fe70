import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// Each feature reduces its own slice and asks for the rest: these tests hold only the slice a
/// feature owns, read the whole state as context, and check what the feature changed and which
/// consequences it returned — without running the others.
@Suite("Consequences")
struct ConsequenceTests: DashboardTesting {
    @Test("a tour step changes only the step; it asks the others to close the panel and help, unzoom, focus, select and open")
    func aTourStepAsksForWhatItShows() {
        let context = fresh()
        var tour = context.tourSlice
        let asked = Tour.reduce(&tour, .toggle, in: context)
        #expect(tour.tour.step == 0)
        let timeline = context.timelinePane
        let items = context.items(in: timeline)
        guard let camp = items.firstIndex(where: { if case .event(let i) = $0 { return context.briefing.events[i].id == "camp-david" }; return false }) else {
            Issue.record("no camp-david event"); return
        }
        #expect(asked == [.app(.panel(nil)), .panes(.setZoom(false)), .help(.close),
                          .panes(.focus(timeline)), .panes(.setZoom(true)),
                          .panes(.select(pane: timeline, index: camp)), .detail(.open(items[camp]))])
    }

    @Test("a preset step asks the what-if panel for the scenario, undoably")
    func aPresetStepChangesTheScenarioThroughWhatIf() throws {
        let b = BuiltInBriefings.briefing(named: "example-harbour-pact.yaml")!
        let context = AppState(briefing: b, size: Size(width: 120, height: 40))
        var tour = context.tourSlice
        let asked = Tour.reduce(&tour, .step(1), in: context)
        #expect(asked == [], "no tour running: a step does nothing")
        tour.tour.step = 1
        let next = Tour.reduce(&tour, .step(1), in: context)
        let storm = try #require(b.preset("storm"))
        #expect(next.contains(.whatIf(.change(Scenario.preset(storm, in: b)))))
        #expect(next.contains(.app(.panel(.whatIf))))
        #expect(context.shared.whatIf.scenario == Scenario.baseline(of: b), "the context is only read")
    }

    @Test("going to a search match makes it current, and asks the panes and the detail pane to show it")
    func aSearchMatchAsksPanesAndDetail() {
        var context = fresh()
        press(&context, "/trade")
        var search = context.shared.search
        let asked = Search.reduce(&search, .commit, in: context)
        #expect(search.current == 0 && !search.editing)
        let match = search.matches[0]
        #expect(asked == [.panes(.setZoom(false)), .panes(.focus(match.pane)), .panes(.select(pane: match.pane, index: match.index)),
                          .detail(.open(context.items(in: match.pane)[match.index]))])
    }

    @Test("a search with no match clears itself and only asks for a message")
    func aSearchWithNoMatchFlashes() {
        var context = fresh()
        press(&context, "/zzzzqqq")
        var search = context.shared.search
        let asked = Search.reduce(&search, .commit, in: context)
        #expect(search == SearchState())
        #expect(asked == [.flash("no match for 'zzzzqqq'")])
    }

    @Test("the scorecard asks for the panel slot; a briefing without one only gets a message")
    func theScorecardAsksForThePanel() {
        let context = fresh()
        var card = context.shared.scorecard
        #expect(Scorecard.reduce(&card, .toggle, in: context) == [.app(.panel(.scorecard))])
        var withoutOne = BuiltInBriefings.standard
        withoutOne.scorecard = []
        let plain = AppState(briefing: withoutOne, size: Size(width: 120, height: 40))
        var none = plain.shared.scorecard
        #expect(Scorecard.reduce(&none, .toggle, in: plain) == [.flash("this briefing has no scorecard")])
    }

    @Test("cycling a factor changes the scenario, keeps the old one for undo, and asks for a message")
    func cyclingAFactorIsTheWhatIfPanelsOwn() {
        let context = fresh()
        var whatIf = context.shared.whatIf
        let asked = WhatIf.reduce(&whatIf, .cycleFactor(0), in: context)
        #expect(whatIf.scenario != context.shared.whatIf.scenario)
        #expect(whatIf.history == [context.shared.whatIf.scenario])
        #expect(asked.count == 1)
        if case .app(.flash(let text))? = asked.first { #expect(text?.hasPrefix(context.briefing.factors[0].id + "=") == true) }
        else { Issue.record("expected a message, got \(asked)") }
    }

    @Test("a follower's view is adopted by the app, not written by the follow feature")
    func aReceivedViewIsAskedFor() {
        var context = fresh()
        AppReducer.reduce(&context, .follow(.start(session: "talk")))
        AppReducer.reduce(&context, .follow(.link(.live)))
        var presenter = fresh()
        press(&presenter, "jj")
        var following = context.local.following
        let asked = Follow.reduce(&following, .received(presenter.shared), in: context)
        #expect(following?.latest == presenter.shared)
        #expect(asked == [.app(.adopt(presenter.shared))])
    }
}
