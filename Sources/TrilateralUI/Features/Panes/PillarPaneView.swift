import TrilateralModel

/// A pillar pane: the pillar's outlook gauge, its one-line summary, and its commitments
/// (for the foundations pane, also the drivers and charts), each with a status glyph and
/// the countries involved.
struct PillarPaneView: View {
    let state: AppState
    let pane: Int
    let pillarIndex: Int
    var pillar: Pillar { state.briefing.pillars[pillarIndex] }

    func draw(in rect: Rect, canvas: inout Canvas) {
        let focused = state.shared.panes.focus == pane
        canvas.box(rect, title: "\(pane + 1) \(pillar.name)", focused: focused)
        let inner = rect.content
        guard !inner.isEmpty else { return }
        let header = PaneGeometry.headerHeight(inner: inner)
        let outlook = pillar.kind == .cooperation ? state.outlook(for: pillar.id) : nil
        if header == 0 {
            // Collapsed: one line with the outlook and the summary.
            var x = inner.x
            if let outlook { x = drawOutlookWord(outlook, x: x, y: inner.y, canvas: &canvas) + 1 }
            canvas.text(pillar.summary, x: x, y: inner.y, width: inner.maxX - x, role: .muted)
            return
        }
        var y = inner.y
        if let outlook {
            drawGauge(outlook, x: inner.x, y: y, width: inner.width, canvas: &canvas)
        } else {
            let b = state.briefing
            canvas.text(Counts.describe([(pillar.commitments.count, "foundation"), (b.drivers.count, "driver"), (b.series.count, "chart")]),
                        x: inner.x, y: y, width: inner.width, role: .heading)
        }
        y += 1
        let summaryLines = TextLayout.wrap(pillar.summary, width: inner.width)
        for (i, line) in summaryLines.prefix(header - 1).enumerated() {
            let last = i == header - 2 && summaryLines.count > header - 1
            canvas.text(last ? line + " …" : line, x: inner.x, y: y, width: inner.width, role: .muted)
            y += 1
        }
        canvas.hline(x: inner.x, y: inner.y + header, width: inner.width, role: .border)
        var list = PaneGeometry.listArea(rect)
        // The foundations pane shows the drivers' chart under its list when there is room.
        if let chart = chartArea(list) {
            list.height -= chart.height + 1
            ChartView(series: state.briefing.series[0], ascii: state.ascii).draw(in: chart, canvas: &canvas)
        }
        drawList(in: list, focused: focused, canvas: &canvas)
    }

    /// Room for the chart below the list: the whole list must still fit above it.
    func chartArea(_ list: Rect) -> Rect? {
        guard pillar.kind == .foundation, !state.briefing.series.isEmpty else { return nil }
        let spare = list.height - state.items(in: pane).count - 1
        guard spare >= ChartView.minimumHeight, list.width >= 40 else { return nil }
        let height = min(spare, 16)
        return Rect(x: list.x, y: list.maxY - height, width: list.width, height: height)
    }

    func drawOutlookWord(_ outlook: Outlook, x: Int, y: Int, canvas: inout Canvas) -> Int {
        canvas.text(outlook.level.word, x: x, y: y, role: Glyphs.role(for: outlook.level))
    }

    /// `Outlook ▰▰▰▰▰▱▱▱ Steady +1`: the bar, the level word and the score, never colour alone.
    func drawGauge(_ outlook: Outlook, x: Int, y: Int, width: Int, canvas: inout Canvas) {
        var cx = canvas.text("Outlook ", x: x, y: y, role: .muted, clip: Rect(x: x, y: y, width: width, height: 1))
        let cells = 8
        let filled = max(0, min(cells, outlook.score + 4))
        if x + width - cx >= cells + 12 {
            for i in 0..<cells {
                cx += canvas.put(i < filled ? "▰" : "▱",
                                 x: cx, y: y, role: i < filled ? Glyphs.role(for: outlook.level) : .gaugeEmpty)
            }
            cx += 1
        }
        let score = Wording.signed(outlook.score, ascii: state.ascii)
        let clip = Rect(x: x, y: y, width: width, height: 1)
        cx = canvas.text(outlook.level.word, x: cx, y: y, role: Glyphs.role(for: outlook.level), clip: clip)
        cx = canvas.text(" \(score)", x: cx, y: y, role: .muted, clip: clip)
        if let base = state.baselineOutlooks[outlook.target], base.score != outlook.score {
            let change = ChangeGlyph(delta: outlook.score - base.score, ascii: state.ascii)
            canvas.text("  \(change.text)", x: cx, y: y, role: change.role, clip: clip)
        }
    }

    func drawList(in area: Rect, focused: Bool, canvas: inout Canvas) {
        let items = state.items(in: pane)
        guard !area.isEmpty else { return }
        if items.isEmpty {
            canvas.text("(nothing listed)", x: area.x, y: area.y, width: area.width, role: .muted)
            return
        }
        // The scroll bar in the right padding column, like the detail pane's.
        SelectableList(count: items.count, scroll: .from(state.shared.panes.scroll[pane]), selected: state.shared.panes.selection[pane],
                       selection: focused ? .selection : .focusTitle, ascii: state.ascii) { row, canvas in
            ItemRow(state: state, item: items[row.index], matched: state.matches(pane: pane, index: row.index)).draw(in: row, focused: focused, canvas: &canvas)
        }.draw(in: area, canvas: &canvas)
    }
}

