import TrilateralModel

/// The detail pane: the opened item in full (a chart above its figures when it is a chart),
/// or the paragraphs behind it with the quoted words marked, from the line the pane is
/// scrolled to.
struct DetailView: View {
    let state: AppState
    let pane: Int

    /// What the title adds: that `p` shows the paragraphs behind the item, or that it does.
    static func cue(_ state: AppState) -> String {
        if state.shared.detail.reading { return " · cited paragraphs" }
        let cites = SourceParagraphs.citations(of: state.shared.detail.opened, in: state.briefing, state: state)
        return cites.isEmpty ? "" : " · p ¶" + cites.compactMap(\.paragraph).map(String.init).joined(separator: " ¶")
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        canvas.box(rect, title: "\(pane + 1) Detail" + Self.cue(state), focused: state.shared.panes.focus == pane)
        guard !rect.content.isEmpty else { return }
        if case .chart(let i)? = state.shared.detail.opened, !state.shared.detail.reading, rect.content.height >= ChartView.minimumHeight + 4 {
            let inner = rect.content
            let height = min(inner.height - 4, max(ChartView.minimumHeight, inner.height / 2))
            ChartView(series: state.briefing.series[i], ascii: state.ascii).draw(in: inner.splitTop(height).0, canvas: &canvas)
        }
        let area = DetailGeometry.textArea(state, rect: rect)
        let paragraphs = DetailContent.shown(state)
        let total = paragraphs.reduce(0) { $0 + TextLayout.lineCount($1.text, width: area.width) }
        let top = min(state.shared.detail.top, max(0, total - area.height))
        for (row, line) in DetailContent.lines(paragraphs, width: area.width, from: top, count: area.height).enumerated() {
            canvas.text(line.text, x: area.x, y: area.y + row, width: area.width, role: line.role)
            for mark in line.marks { canvas.restyle(Rect(x: area.x + mark.lowerBound, y: area.y + row, width: mark.count, height: 1), role: .quote) }
            if state.shared.search.isActive { canvas.highlight(state.shared.search.query, in: line.text, x: area.x, y: area.y + row) }
        }
        if total > area.height {
            ScrollIndicator.draw(x: area.maxX, area: area, top: top, total: total, ascii: state.ascii, canvas: &canvas)
        }
    }
}
