import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// A tour caption is what the room reads: at 80×24 every step's caption shows in full, with
/// the speaker notes too, and one that cannot fit (a tiny screen) ends in "…", never mid-
/// sentence as if complete.
@Suite("Tour strip")
struct TourStripTests {
    @Test(arguments: [false, true])
    func everyCaptionShowsInFullAt80x24(notes: Bool) {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        AppReducer.handle(&s, .key(.char("b")))
        if notes { AppReducer.handle(&s, .key(.char("s"))) }
        for (n, step) in s.briefing.tour.enumerated() {
            #expect(s.shared.tour.step == n)
            let screen = CanvasText.plain(Dashboard.render(s))
            let wrapped = TextLayout.wrap(step.caption, width: TourGeometry.caption(s, width: 80).width)
            for line in wrapped { #expect(screen.contains(line), "step \(n + 1): missing \"\(line)\"") }
            AppReducer.handle(&s, .key(.char(" ")))
        }
    }

    @Test func aCaptionTooLongForTheScreenEndsInAnEllipsis() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 44, height: 12))
        AppReducer.handle(&s, .key(.char("b")))
        let step = s.briefing.tour[0]
        let rect = Layout.compute(s).tour!
        let wrapped = TextLayout.wrap(step.caption, width: TourGeometry.caption(s, width: 44).width)
        #expect(wrapped.count > rect.height, "the first caption needs more rows than a third of this screen")
        let last = CanvasText.plain(Dashboard.render(s)).split(separator: "\n", omittingEmptySubsequences: false)[rect.maxY - 1]
        #expect(last.hasSuffix("…"), "\(last)")
    }
}
