import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Timeline: scale and navigation")
struct TimelineTests {
    // MARK: Date to column

    @Test func scaleBoundaries() {
        let start = Day(year: 2021).startOrdinal, end = Day(year: 2027).endOrdinal
        let scale = TimeScale(start: start, end: end, x: 10, width: 70)
        #expect(scale.column(of: start) == 10)
        #expect(scale.column(of: end) == 79)
        #expect(scale.column(of: start - 500) == 10, "clamped before the window")
        #expect(scale.column(of: end + 500) == 79, "clamped after it")
        #expect(abs(scale.columnsPerYear - 10) < 0.1)
    }

    @Test func leapYearsKeepYearsEven() {
        // 2024 has 366 days; Jan 1 of each year still lands one year-width apart.
        let scale = TimeScale(start: Day(year: 2023).startOrdinal, end: Day(year: 2025).endOrdinal, x: 0, width: 1096)
        #expect(scale.column(of: Day(year: 2024).startOrdinal) == 365)
        #expect(scale.column(of: Day(year: 2025).startOrdinal) == 731)
    }

    @Test func monthAndYearPrecisionAreSpans() {
        let scale = TimeScale(start: Day(year: 2024).startOrdinal, end: Day(year: 2025).endOrdinal, x: 0, width: 731)
        #expect(scale.columns(of: Day(year: 2024, month: 11)).count == 30)
        #expect(scale.columns(of: Day(year: 2025)).count == 365)
        #expect(scale.columns(of: Day(year: 2024, month: 11, day: 5)).count == 1)
    }

    @Test func zoomNarrowsTheWindowAroundTheSelection() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        AppReducer.reduce(&s, .timeline(.show))
        let inner = Layout.compute(s).panes[s.timelinePane]!.content
        let whole = TimelineGeometry.scale(state: s, inner: inner)
        AppReducer.reduce(&s, .timeline(.jumpToAsOf))
        AppReducer.reduce(&s, .timeline(.zoom(1)))
        AppReducer.reduce(&s, .timeline(.zoom(1)))
        let zoomed = TimelineGeometry.scale(state: s, inner: inner)
        #expect(s.shared.timeline.zoom == 4)
        #expect(zoomed.end - zoomed.start < (whole.end - whole.start) / 3)
        #expect(zoomed.contains(s.briefing.asOf.startOrdinal))
        for _ in 0..<10 { AppReducer.reduce(&s, .timeline(.zoom(-1))) }
        #expect(s.shared.timeline.zoom == 1)
    }

    // MARK: Navigation

    func timeline() -> AppState {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        for input in try! KeyScript.parse("t").get() { AppReducer.handle(&s, input) }
        return s
    }

    func selectedEventID(_ s: AppState) -> String? {
        guard case .event(let i)? = s.selectedItem(in: s.timelinePane) else { return nil }
        return s.briefing.events[i].id
    }

    @Test func leftRightStepThroughEventsInTimeOrder() {
        var s = timeline()
        #expect(selectedEventID(s) == "talks-2021")
        AppReducer.handle(&s, .key(.right))
        #expect(selectedEventID(s) == "esp-act")
        AppReducer.handle(&s, .key(.char("l")))
        #expect(selectedEventID(s) == "camp-david")
        AppReducer.handle(&s, .key(.left))
        #expect(selectedEventID(s) == "esp-act")
        AppReducer.handle(&s, .key(.end))
        #expect(selectedEventID(s) == "korea-2027")
        AppReducer.handle(&s, .key(.home))
        #expect(selectedEventID(s) == "talks-2021")
    }

    @Test func dotJumpsToTheBriefingDate() {
        var s = timeline()
        AppReducer.handle(&s, .key(.char(".")))
        #expect(selectedEventID(s) == "article")
    }

    @Test func upDownChangeLane() {
        var s = timeline()
        AppReducer.handle(&s, .key(.char(".")))            // the article, on the shared lane
        AppReducer.handle(&s, .key(.up))                   // KR lane: its only event
        #expect(selectedEventID(s) == "korea-2027")
        AppReducer.handle(&s, .key(.char("k")))            // JP lane, nearest in time
        #expect(selectedEventID(s) == "ishiba-pm")
        AppReducer.handle(&s, .key(.char("j")))
        #expect(selectedEventID(s) == "korea-2027")
    }

    @Test func enterOpensTheEvent() {
        var s = timeline()
        AppReducer.handle(&s, .key(.char("l")))
        AppReducer.handle(&s, .key(.enter))
        guard case .event(let i)? = s.shared.detail.opened else { Issue.record("nothing opened"); return }
        #expect(s.briefing.events[i].id == "esp-act")
        let text = CanvasText.plain(Dashboard.render(s))
        #expect(text.contains("Economic Security Promotion Act"))
    }
}
