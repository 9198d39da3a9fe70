import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The presenter's clock and second screen: the words for times, the clock the presenter
/// keeps, the keys of the presenter view and what it shows.
@Suite("Presenter view and tour clock")
struct PresenterViewTests {
    let briefing = BuiltInBriefings.standard

    func press(_ state: inout AppState, _ script: String) -> [Effect] {
        var effects: [Effect] = []
        for input in try! KeyScript.parse(script).get() { effects += AppReducer.handle(&state, input) }
        return effects
    }

    func screen(_ s: AppState) -> String { CanvasText.plain(Dashboard.render(s)) }

    /// The presenter's view after `keys` on its own screen.
    func presenters(_ keys: String = "") -> SharedState {
        var presenter = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        _ = press(&presenter, keys)
        return presenter.shared
    }

    /// A presenter view, connected, showing the presenter's `view`.
    func presenterView(_ view: SharedState, clock: TourClock, now: Double, size: Size = Size(width: 100, height: 30)) -> AppState {
        var s = AppState(briefing: briefing, size: size)
        _ = AppReducer.reduce(&s, .follow(.start(session: "talk", presenterView: true)))
        _ = AppReducer.reduce(&s, .follow(.link(.live)))
        _ = AppReducer.reduce(&s, .follow(.received(view)))
        _ = AppReducer.reduce(&s, .follow(.cue(clock)))
        _ = AppReducer.reduce(&s, .clock(.tick(now: now, wallClock: "14:05")))
        return s
    }

    @Test func durationsReadAsAClock() {
        #expect(ClockText.duration(0) == "0:00")
        #expect(ClockText.duration(247.9) == "4:07")
        #expect(ClockText.duration(3723) == "1:02:03")
        #expect(ClockText.duration(-5) == "0:00")
    }

    @Test func timeLeftCountsWholeMinutesAndSaysWhenOver() {
        let clock = TourClock(tourStarted: 1000, stepStarted: 1000, step: 0, duration: 1500)
        #expect(ClockText.left(clock, now: 1300) == "20 min left")
        #expect(ClockText.left(clock, now: 1301) == "20 min left")
        #expect(ClockText.left(clock, now: 2470) == "under a minute left")
        #expect(ClockText.left(clock, now: 2700) == "4 min over")
        #expect(ClockText.left(TourClock(tourStarted: 1000), now: 2000) == nil, "no --duration, no time left")
    }

    /// Five steps in ten minutes: two minutes a step.
    @Test func paceIsAgainstAnEvenSharePerStep() {
        let started = TourClock(tourStarted: 0, stepStarted: 0, step: 0, duration: 600)
        #expect(ClockText.pace(started, now: 100, steps: 5) == "on time")
        #expect(ClockText.pace(started, now: 200, steps: 5) == "1 min behind", "still on step 1 at 3:20, its share ended at 2:00")
        let early = TourClock(tourStarted: 0, stepStarted: 200, step: 3, duration: 600)
        #expect(ClockText.pace(early, now: 210, steps: 5) == "2 min ahead", "step 4 began at 3:20, its share begins at 6:00")
        #expect(ClockText.pace(TourClock(tourStarted: 0, stepStarted: 0, step: 0), now: 900, steps: 5) == nil)
    }

    /// The presenter's clock starts with the tour, restamps each new step and is cleared when
    /// the tour ends, keeping the planned length.
    @Test func thePresenterKeepsTheTourClock() {
        var s = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        _ = AppReducer.reduce(&s, .clock(.plan(seconds: 1500)))
        _ = AppReducer.reduce(&s, .clock(.tick(now: 50, wallClock: "09:00")))
        #expect(s.local.clock == TourClock(duration: 1500))
        #expect(!s.local.clock.running)
        _ = press(&s, "b")
        _ = AppReducer.reduce(&s, .clock(.tick(now: 100, wallClock: "09:01")))
        #expect(s.local.clock == TourClock(tourStarted: 100, stepStarted: 100, step: 0, duration: 1500))
        _ = AppReducer.reduce(&s, .clock(.tick(now: 130, wallClock: "09:01")))
        #expect(s.local.clock.stepStarted == 100, "the same step keeps its start")
        _ = press(&s, " ")
        _ = AppReducer.reduce(&s, .clock(.tick(now: 160, wallClock: "09:02")))
        #expect(s.local.clock == TourClock(tourStarted: 100, stepStarted: 160, step: 1, duration: 1500))
        #expect(screen(s).contains("1:00 · 24 min left"), "the presenter's status bar shows elapsed and left:\n\(screen(s))")
        _ = press(&s, "b")
        _ = AppReducer.reduce(&s, .clock(.tick(now: 170, wallClock: "09:02")))
        #expect(s.local.clock == TourClock(duration: 1500))
        #expect(!screen(s).contains("min left"))
    }

    /// A follower's status bar carries no clock, and a cue reaches only a presenter view.
    @Test func onlyThePresenterViewTakesTheClock() {
        var follower = AppState(briefing: briefing, size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(&follower, .follow(.start(session: "talk")))
        _ = AppReducer.reduce(&follower, .follow(.cue(TourClock(tourStarted: 1, stepStarted: 1, step: 0))))
        _ = AppReducer.reduce(&follower, .clock(.tick(now: 90, wallClock: "09:00")))
        #expect(follower.local.clock == TourClock())
    }

    /// The presenter view's keys ask the presenter to step its tour, and only while connected;
    /// on a plain follower the same keys do not.
    @Test func thePresenterViewsKeysStepThePresentersTour() {
        var s = presenterView(presenters(), clock: TourClock(), now: 0)
        #expect(press(&s, " ") == [.toPresenter(.next)])
        #expect(press(&s, "<Right>") == [.toPresenter(.next)])
        #expect(press(&s, "<Left>") == [.toPresenter(.previous)])
        #expect(press(&s, "<BS>") == [.toPresenter(.previous)])
        #expect(press(&s, "q") == [.quit])
        _ = AppReducer.reduce(&s, .follow(.link(.waiting("the presenter left"))))
        #expect(press(&s, " ") == [], "nothing to send to a presenter who is gone")
        var follower = AppState(briefing: briefing, size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(&follower, .follow(.start(session: "talk")))
        _ = AppReducer.reduce(&follower, .follow(.link(.live)))
        #expect(!press(&follower, " ").contains(.toPresenter(.next)))
    }

    /// The presenter performs a command: `next` starts a tour that is not running, then steps.
    @Test func aCommandStartsAndStepsTheTour() {
        var s = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        _ = AppReducer.reduce(&s, .tour(.command(.next)))
        #expect(s.shared.tour.step == 0)
        _ = AppReducer.reduce(&s, .tour(.command(.next)))
        #expect(s.shared.tour.step == 1)
        _ = AppReducer.reduce(&s, .tour(.command(.previous)))
        _ = AppReducer.reduce(&s, .tour(.command(.previous)))
        #expect(s.shared.tour.step == 0)
        #expect(s.local.flash == "this is the first step")
    }

    /// On a tour step: the step and count, its caption, its notes, the next step and the clock.
    @Test(arguments: [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func aTourStepShowsNotesNextAndTheClock(size: Size) {
        let view = presenters("b")
        let clock = TourClock(tourStarted: 1000, stepStarted: 1060, step: 0, duration: 1500)
        let s = presenterView(view, clock: clock, now: 1125, size: size)
        let text = screen(s)
        let first = briefing.tour[0], second = briefing.tour[1]
        #expect(text.contains("STEP 1 OF \(briefing.tour.count)"), "\(text)")
        #expect(text.contains("elapsed 2:05 · this step 1:05 · 23 min left"), "\(text)")
        #expect(text.contains("14:05"))
        #expect(text.contains("NOTES"))
        let firstNoteWords = first.notes.split(separator: " ").prefix(4).joined(separator: " ")
        #expect(text.contains(firstNoteWords), "the notes' first words, \(firstNoteWords), are on screen:\n\(text)")
        #expect(text.contains("NEXT · step 2"))
        let nextWords = second.caption.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(text.contains(nextWords), "\(text)")
        #expect(text.contains("Space → next"), "the key line names the presenter view's keys:\n\(text)")
    }

    /// The last step says the tour ends next.
    @Test func theLastStepSaysTheTourEnds() {
        var view = presenters("b")
        view.tour.step = briefing.tour.count - 1
        let s = presenterView(view, clock: TourClock(tourStarted: 0, stepStarted: 0, step: view.tour.step), now: 10)
        #expect(screen(s).contains("NEXT · the end of the tour"))
    }

    /// Outside the tour: what the room sees now, with the opened item's sources.
    @Test func outsideTheTourItShowsWhatTheRoomSees() {
        let s = presenterView(presenters("<Enter>"), clock: TourClock(), now: 0)
        let text = screen(s)
        #expect(text.contains("NOT TOURING · Space starts the tour"), "\(text)")
        #expect(text.contains("The room sees: \(briefing.pillars[0].name)"), "\(text)")
        #expect(text.contains("¶"), "the opened item's sources are there:\n\(text)")
    }
}
