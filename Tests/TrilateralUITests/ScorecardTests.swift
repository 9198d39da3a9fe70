import BuiltInBriefings
import Foundation
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The scorecard's account of an expectation (what happened, where the record ends, each
/// event's source) is longer than the rows under the list at 80×24: it must all be readable.
@Suite("Scorecard")
struct ScorecardTests: DashboardTesting {
    func open(_ w: Int, _ h: Int) -> AppState {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: w, height: h))
        press(&s, "S")
        return s
    }

    func screen(_ s: AppState) -> String { CanvasText.plain(Dashboard.render(s)) }

    /// Every line of the account shows at some scroll position, and paging stops at its end.
    @Test(arguments: [(80, 24), (120, 40)])
    func pagingShowsTheWholeAccount(width: Int, height: Int) {
        var s = open(width, height)
        #expect(s.shared.panel == .scorecard)
        let area = ScorecardGeometry.accountArea(s, panel: Layout.compute(s).panel!)
        let all = DetailContent.lines(ScorecardContent.paragraphs(s), width: area.width, count: 10_000)
        #expect(all.count > area.height, "the first expectation's account is longer than the rows at \(width)×\(height)")
        var seen = Set<String>()
        var previousTop = -1
        while s.shared.scorecard.top != previousTop {
            previousTop = s.shared.scorecard.top
            for line in screen(s).split(separator: "\n") { seen.insert(String(line)) }
            press(&s, "<PgDn>")
        }
        #expect(s.shared.scorecard.top == ScorecardGeometry.maximumTop(s))
        let joined = seen.joined(separator: "\n")
        for line in all where !line.text.isEmpty {
            #expect(joined.contains(line.text), "never shown: \(line.text)")
        }
        #expect(joined.contains("The record here ends in"), "the record says where it ends")
        // Back up, and a new expectation starts from its first line.
        press(&s, "<PgDn><PgUp>")
        #expect(s.shared.scorecard.top == max(0, ScorecardGeometry.maximumTop(s) - ScorecardGeometry.page(s)))
        press(&s, "j")
        #expect(s.shared.scorecard.top == 0)
        #expect(screen(s).contains("The article: “the Ishiba administration"))
    }

    /// A presenter's scroll reaches a follower within what the follower's size holds; a view
    /// from a presenter that predates scrolling decodes, from the account's start.
    @Test func aFollowerTakesTheScrollBounded() throws {
        var presenter = open(80, 24)
        press(&presenter, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>")
        #expect(presenter.shared.scorecard.top > 0)
        var big = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 200, height: 60))
        big.takePanels(from: presenter.shared)
        #expect(big.shared.panel == .scorecard)
        #expect(big.shared.scorecard.top == ScorecardGeometry.maximumTop(big))
        #expect(big.shared.scorecard.top < presenter.shared.scorecard.top)

        let old = Data(#"{"visible":true,"row":2}"#.utf8)
        let decoded = try JSONDecoder().decode(ScorecardState.self, from: old)
        #expect(decoded == ScorecardState(row: 2, top: 0))
    }

    /// A briefing's own scorecard may be longer than the screen: the list scrolls with the
    /// cursor and leaves the account its rows.
    @Test func aLongListKeepsTheCursorOnScreen() {
        var b = BuiltInBriefings.standard
        b.scorecard = (0..<4).flatMap { _ in b.scorecard }.enumerated().map { n, item in
            var item = item
            item.claim = "Expectation number \(n + 1): \(item.claim)"
            return item
        }
        var s = AppState(briefing: b, size: Size(width: 80, height: 24))
        press(&s, "S")
        for n in b.scorecard.indices {
            #expect(s.shared.scorecard.row == n)
            let rows = screen(s).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.contains { $0.contains("Expectation number \(n + 1):") }, "expectation \(n + 1) is off screen")
            #expect(rows.contains { $0.contains("The article: “") }, "the account keeps rows below the list")
            press(&s, "j")
        }
    }
}
