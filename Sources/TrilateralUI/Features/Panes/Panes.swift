import TrilateralModel

/// Panes and selection: focus, moving through a list, paging, opening an item, zoom, and the
/// mouse. Other features ask for `.focus`, `.select` and `.setZoom` to show what they are about.
enum Panes {
    static let navigation: [Binding] = [
        Binding(.dashboard, "Tab S-Tab 1-9", "next / previous pane, pane N", hint: Hint(keys: "Tab", text: "pane")) { key, _ in
            if let n = key.digit { return .panes(.focus(n - 1)) }
            switch key {
            case .tab: return .panes(.focusNext)
            case .backTab: return .panes(.focusPrevious)
            default: return nil
            }
        },
        Binding(.dashboard, "↑↓←→ h j k l", "move (timeline: ←→ event in time, ↑↓ lane)", hint: Hint(keys: "↑↓", text: "select")) { key, _ in
            (key.verticalStep ?? key.horizontalStep).map { .panes(.move($0)) }
        },
        Binding(.dashboard, "PgUp PgDn Home End", "page, first, last") { key, _ in
            switch key {
            case .pageDown: .panes(.page(1))
            case .pageUp: .panes(.page(-1))
            case .home: .panes(.first)
            case .end: .panes(.last)
            default: nil
            }
        },
        Binding(.dashboard, "Enter", "open the selection in the detail pane", hint: Hint(keys: "Enter", text: "open"),
                hintIn: [.dashboard, .timeline], on: [.enter], .panes(.open)),
    ]
    static let zooming: [Binding] = [
        Binding(.dashboard, "z", "zoom the focused pane and back", hint: Hint(keys: "z", text: "zoom"),
                on: [.char("z")], .panes(.zoom)),
    ]
    /// The mouse, listed for the help and the README (it is not a key).
    static let mouse: [Binding] = [
        Binding(.dashboard, "mouse", "click focuses and selects; the wheel scrolls") { _, _ in nil },
    ]

    static func reduce(_ panes: inout PanesState, _ action: PanesAction, in state: AppState) -> [Action] {
        let count = state.panes.count
        switch action {
        case .focusNext: focus(&panes, (panes.focus + 1) % count, in: state)
        case .focusPrevious: focus(&panes, (panes.focus + count - 1) % count, in: state)
        case .focus(let n):
            guard state.panes.indices.contains(n) else { return [.flash("no pane \(n + 1)")] }
            focus(&panes, n, in: state)
        case .move(let delta): return select(&panes, pane: panes.focus, to: panes.selection[panes.focus] + delta, in: state)
        case .page(let direction):
            let pane = panes.focus
            return select(&panes, pane: pane, to: panes.selection[pane] + direction * max(1, PaneGeometry.pageSize(state, pane: pane) - 1), in: state)
        case .first: return select(&panes, pane: panes.focus, to: 0, in: state)
        case .last: return select(&panes, pane: panes.focus, to: Int.max / 2, in: state)
        case .open: return openSelection(&panes, in: state)
        case .zoom:
            panes.zoomed.toggle()
            keepSelectionsVisible(&panes, in: state)
        case .setZoom(let zoomed): panes.zoomed = zoomed
        case .select(let pane, let index): return select(&panes, pane: pane, to: index, in: state)
        case .keepSelectionsVisible: keepSelectionsVisible(&panes, in: state)
        case .click(let x, let y): return click(&panes, x: x, y: y, in: state)
        case .wheel(let x, let y, let by):
            guard let pane = Layout.compute(state).pane(atX: x, y: y) else { return [] }
            return select(&panes, pane: pane, to: selectionOrTop(state, pane) + by, in: state)
        }
        return []
    }

    /// Focuses a pane; the pillar it is becomes the one the column layout expands.
    static func focus(_ panes: inout PanesState, _ pane: Int, in state: AppState) {
        panes.focus = pane
        if case .pillar = state.panes[pane] { panes.lastPillar = pane }
        keepSelectionsVisible(&panes, in: state)
    }

    /// Selects an item of a list pane (clamped, scrolled into sight); in the detail pane, scrolls.
    static func select(_ panes: inout PanesState, pane: Int, to index: Int, in state: AppState) -> [Action] {
        if state.panes[pane] == .detail { return [.detail(.scroll(to: index))] }
        let count = state.items(in: pane).count
        panes.selection[pane] = count == 0 ? 0 : max(0, min(index, count - 1))
        keepVisible(&panes, pane: pane, in: state)
        return []
    }

    /// Where a pane stands: its selection, or the detail pane's first line.
    static func selectionOrTop(_ state: AppState, _ pane: Int) -> Int {
        state.panes[pane] == .detail ? state.shared.detail.top : state.shared.panes.selection[pane]
    }

    /// Opens the focused pane's selection in the detail pane (on a narrow screen, going there).
    static func openSelection(_ panes: inout PanesState, in state: AppState) -> [Action] {
        guard let item = state.with(\.shared.panes, panes).selectedItem(in: panes.focus) else { return [] }
        if Layout.compute(state.with(\.shared.panes, panes)).mode == .narrow { focus(&panes, state.detailPane, in: state) }
        return [.detail(.open(item))]
    }

    static func click(_ panes: inout PanesState, x: Int, y: Int, in state: AppState) -> [Action] {
        let layout = Layout.compute(state)
        if let tabs = layout.tabRow, tabs.contains(x: x, y: y) {
            if let pane = TabGeometry.pane(atX: x, state: state, row: tabs) { focus(&panes, pane, in: state) }
            return []
        }
        guard let pane = layout.pane(atX: x, y: y), let rect = layout.panes[pane] else { return [] }
        focus(&panes, pane, in: state)
        let index: Int
        switch state.panes[pane] {
        case .pillar:
            let area = PaneGeometry.listArea(rect)
            guard area.contains(x: x, y: y) else { return [] }
            index = panes.scroll[pane] + (y - area.y)
            guard index < state.items(in: pane).count else { return [] }
        case .timeline:
            guard let event = TimelineGeometry.event(atX: x, y: y, state: state.with(\.shared.panes, panes), rect: rect) else { return [] }
            index = event
        case .detail:
            return []
        }
        return select(&panes, pane: pane, to: index, in: state) + openSelection(&panes, in: state)
    }

    /// Scrolls every list pane so its selection is visible (after a resize, a zoom, a focus).
    static func keepSelectionsVisible(_ panes: inout PanesState, in state: AppState) {
        for pane in state.panes.indices { keepVisible(&panes, pane: pane, in: state) }
    }

    /// Scrolls a list pane so its selection is visible, moving as little as possible.
    static func keepVisible(_ panes: inout PanesState, pane: Int, in state: AppState) {
        if let top = PaneGeometry.scrollKeepingSelectionVisible(state.with(\.shared.panes, panes), pane: pane) { panes.scroll[pane] = top }
    }
}
