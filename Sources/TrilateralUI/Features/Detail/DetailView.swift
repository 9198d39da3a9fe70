import TrilateralModel

/// The detail pane: the opened item in full (a chart above its figures when it is a chart),
/// from the line the pane is scrolled to.
struct DetailView {
    let state: AppState
    let pane: Int

    func draw(in rect: Rect, canvas: inout Canvas) {
        canvas.box(rect, title: "\(pane + 1) Detail", focused: state.shared.panes.focus == pane)
        guard !rect.content.isEmpty else { return }
        if case .chart(let i)? = state.shared.detail.opened, rect.content.height >= ChartView.minimumHeight + 4 {
            let inner = rect.content
            let height = min(inner.height - 4, max(ChartView.minimumHeight, inner.height / 2))
            ChartView(series: state.briefing.series[i], ascii: state.ascii).draw(in: inner.splitTop(height).0, canvas: &canvas)
        }
        let area = DetailGeometry.textArea(state, rect: rect)
        let paragraphs = DetailContent.paragraphs(for: state.shared.detail.opened, state: state)
        let total = paragraphs.reduce(0) { $0 + TextLayout.lineCount($1.text, width: area.width) }
        let top = min(state.shared.detail.top, max(0, total - area.height))
        for (row, line) in DetailContent.lines(paragraphs, width: area.width, from: top, count: area.height).enumerated() {
            canvas.text(line.text, x: area.x, y: area.y + row, width: area.width, role: line.role)
            if state.shared.search.isActive { canvas.highlight(state.shared.search.query, in: line.text, x: area.x, y: area.y + row) }
        }
        if total > area.height {
            ScrollIndicator.draw(x: area.maxX, area: area, top: top, total: total, ascii: state.ascii, canvas: &canvas)
        }
    }
}
