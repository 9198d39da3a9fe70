/// Where the scorecard puts the list of expectations (all of them, or, for a long list, the
/// part around the cursor in at most half the panel, or all but six rows) and, below it after a
/// blank row, the account of the selected one; and how far that account scrolls at this size.
enum ScorecardGeometry {
    /// The rows for the list.
    static func listArea(_ state: AppState, panel: Rect) -> Rect {
        let inner = panel.content
        let rows = min(state.briefing.scorecard.count, max(inner.height / 2, inner.height - 6))
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, rows))
    }

    /// The rows below the list; empty when the list fills the panel.
    static func accountArea(_ state: AppState, panel: Rect) -> Rect {
        let inner = panel.content
        let top = listArea(state, panel: panel).maxY + 1
        return Rect(x: inner.x, y: top, width: inner.width, height: max(0, inner.maxY - top))
    }

    /// The account's length in rows at `width`, counted without shaping it.
    static func lineCount(_ state: AppState, width: Int) -> Int {
        ScorecardContent.paragraphs(state).reduce(0) { $0 + TextLayout.lineCount($1.text, width: width) }
    }

    /// The furthest the account scrolls (0 when it fits, or when the scorecard is closed).
    static func maximumTop(_ state: AppState) -> Int {
        guard state.shared.panel == .scorecard, let panel = Layout.compute(state).panel else { return 0 }
        let area = accountArea(state, panel: panel)
        return max(0, lineCount(state, width: area.width) - area.height)
    }

    /// Rows one page moves: the area less one, so a line of context stays.
    static func page(_ state: AppState) -> Int {
        guard let panel = Layout.compute(state).panel else { return 1 }
        return max(1, accountArea(state, panel: panel).height - 1)
    }
}
