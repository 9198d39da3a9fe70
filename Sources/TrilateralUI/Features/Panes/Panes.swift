import TrilateralModel

/// Panes and selection: focus, moving through a list, paging, opening an item, zoom, and the
/// mouse. Other features use `focus`, `select` and `open` to show what they are about.
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
            switch key {
            case .down, .char("j"), .right, .char("l"): .panes(.move(1))
            case .up, .char("k"), .left, .char("h"): .panes(.move(-1))
            default: nil
            }
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

    static func reduce(_ state: inout AppState, _ action: PanesAction) {
        let count = state.panes.count
        switch action {
        case .focusNext: focus(&state, (state.shared.panes.focus + 1) % count)
        case .focusPrevious: focus(&state, (state.shared.panes.focus + count - 1) % count)
        case .focus(let n):
            if state.panes.indices.contains(n) { focus(&state, n) } else { state.local.flash = "no pane \(n + 1)" }
        case .move(let delta): select(&state, pane: state.shared.panes.focus, to: state.shared.panes.selection[state.shared.panes.focus] + delta)
        case .page(let direction):
            let pane = state.shared.panes.focus
            select(&state, pane: pane, to: state.shared.panes.selection[pane] + direction * max(1, PaneGeometry.pageSize(state, pane: pane) - 1))
        case .first: select(&state, pane: state.shared.panes.focus, to: 0)
        case .last: select(&state, pane: state.shared.panes.focus, to: Int.max / 2)
        case .open: openSelection(&state)
        case .zoom:
            state.shared.panes.zoomed.toggle()
            keepSelectionsVisible(&state)
        case .click(let x, let y): click(&state, x: x, y: y)
        case .wheel(let x, let y, let by):
            if let pane = Layout.compute(state).pane(atX: x, y: y) { select(&state, pane: pane, to: selectionOrTop(state, pane) + by) }
        }
    }

    /// Focuses a pane; the pillar it is becomes the one the column layout expands.
    static func focus(_ state: inout AppState, _ pane: Int) {
        state.shared.panes.focus = pane
        if case .pillar = state.panes[pane] { state.shared.panes.lastPillar = pane }
        keepSelectionsVisible(&state)
    }

    /// Selects an item of a list pane (clamped, scrolled into sight); in the detail pane, scrolls.
    static func select(_ state: inout AppState, pane: Int, to index: Int) {
        if state.panes[pane] == .detail { Detail.scroll(&state, to: index); return }
        let count = state.items(in: pane).count
        state.shared.panes.selection[pane] = count == 0 ? 0 : max(0, min(index, count - 1))
        keepVisible(&state, pane: pane)
    }

    /// Where a pane stands: its selection, or the detail pane's first line.
    static func selectionOrTop(_ state: AppState, _ pane: Int) -> Int {
        state.panes[pane] == .detail ? state.shared.detail.top : state.shared.panes.selection[pane]
    }

    /// Opens the focused pane's selection in the detail pane.
    static func openSelection(_ state: inout AppState) {
        guard let item = state.selectedItem(in: state.shared.panes.focus) else { return }
        Detail.open(&state, item)
        if Layout.compute(state).mode == .narrow { focus(&state, state.detailPane) }
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        let layout = Layout.compute(state)
        if let tabs = layout.tabRow, tabs.contains(x: x, y: y) {
            if let pane = TabGeometry.pane(atX: x, state: state, row: tabs) { focus(&state, pane) }
            return
        }
        guard let pane = layout.pane(atX: x, y: y), let rect = layout.panes[pane] else { return }
        focus(&state, pane)
        switch state.panes[pane] {
        case .pillar:
            let area = PaneGeometry.listArea(rect)
            guard area.contains(x: x, y: y) else { return }
            let index = state.shared.panes.scroll[pane] + (y - area.y)
            if index < state.items(in: pane).count {
                select(&state, pane: pane, to: index)
                openSelection(&state)
            }
        case .timeline:
            if let index = TimelineGeometry.event(atX: x, y: y, state: state, rect: rect) {
                select(&state, pane: pane, to: index)
                openSelection(&state)
            }
        case .detail:
            break
        }
    }

    /// Scrolls every list pane so its selection is visible (after a resize, a zoom, a focus).
    static func keepSelectionsVisible(_ state: inout AppState) {
        for pane in state.panes.indices { keepVisible(&state, pane: pane) }
    }

    /// Scrolls a list pane so its selection is visible, moving as little as possible.
    static func keepVisible(_ state: inout AppState, pane: Int) {
        if let top = PaneGeometry.scrollKeepingSelectionVisible(state, pane: pane) { state.shared.panes.scroll[pane] = top }
    }
}
