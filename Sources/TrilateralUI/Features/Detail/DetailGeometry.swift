/// How far the detail pane scrolls: the wrapped length of what it shows, counted without
/// building the lines, so bounding the scroll never shapes the whole text.
enum DetailGeometry {
    /// The rows the detail text gets inside the pane (below a chart, when one is opened).
    static func textArea(_ state: AppState, rect: Rect) -> Rect {
        var inner = rect.content
        if case .chart? = state.shared.detail.opened, !state.shared.detail.reading, inner.height >= ChartView.minimumHeight + 4 {
            let height = min(inner.height - 4, max(ChartView.minimumHeight, inner.height / 2))
            inner = Rect(x: inner.x, y: inner.y + height + 1, width: inner.width, height: inner.height - height - 1)
        }
        return inner
    }

    /// The furthest the detail text scrolls at the current size (0 when it fits or is off screen).
    static func maximumTop(_ state: AppState) -> Int {
        guard let rect = Layout.compute(state).panes[state.detailPane] else { return 0 }
        let area = textArea(state, rect: rect)
        let count = DetailContent.shown(state)
            .reduce(0) { $0 + TextLayout.lineCount($1.text, width: area.width) }
        return max(0, count - area.height)
    }
}
