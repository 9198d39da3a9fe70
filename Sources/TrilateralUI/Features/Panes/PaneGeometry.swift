import TrilateralModel

/// Where a pillar pane's parts go: the header (outlook and summary), the list below it, and how
/// far the list scrolls to keep its selection in sight.
enum PaneGeometry {
    /// Rows above the list: the outlook line and up to two summary lines (none when collapsed).
    static func headerHeight(inner: Rect) -> Int {
        inner.height <= 2 ? 0 : (inner.height <= 6 ? 1 : 3)
    }

    /// The rows the item list occupies inside a pane rectangle.
    static func listArea(_ rect: Rect) -> Rect {
        let inner = rect.content
        let header = headerHeight(inner: inner)
        let rule = header > 0 ? 1 : 0
        return Rect(x: inner.x, y: inner.y + header + rule, width: inner.width, height: inner.height - header - rule)
    }

    /// The rows a page move covers in a pane.
    static func pageSize(_ state: AppState, pane: Int) -> Int {
        guard let rect = Layout.compute(state).panes[pane] else { return 10 }
        switch state.panes[pane] {
        case .pillar: return max(1, listArea(rect).height)
        default: return max(1, rect.height - 2)
        }
    }

    /// The first list row that keeps the selection of a pillar pane visible, moving as little as
    /// possible from where it is; nil for panes that do not scroll this way or are off screen.
    static func scrollKeepingSelectionVisible(_ state: AppState, pane: Int) -> Int? {
        guard case .pillar = state.panes[pane], let rect = Layout.compute(state).panes[pane] else { return nil }
        let height = listArea(rect).height
        guard height > 0 else { return nil }
        let selected = state.shared.panes.selection[pane]
        var top = state.shared.panes.scroll[pane]
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        return max(0, min(top, state.items(in: pane).count - height))
    }
}

/// The tab row of the narrow layout: each pane's label, and which tab a column falls in. The
/// view draws these labels and clicks are tested against the same widths.
enum TabGeometry {
    /// A pane's tab label, with the focus marker on the focused one.
    static func label(_ state: AppState, pane: Int) -> String {
        let name: String
        switch state.panes[pane] {
        case .pillar(let p): name = String(VisibleCharacters(state.briefing.pillars[p].short))
        case .timeline: name = "Timeline"
        case .detail: name = "Detail"
        }
        let marker = pane == state.shared.panes.focus ? "▶" : ""
        return marker + " \(pane + 1) \(name) "
    }

    /// The pane whose tab holds column `x` of the tab row.
    static func pane(atX x: Int, state: AppState, row: Rect) -> Int? {
        var left = row.x
        for pane in state.panes.indices {
            left += DisplayWidth.of(label(state, pane: pane))
            if x < left { return pane }
        }
        return nil
    }
}
