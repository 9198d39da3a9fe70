import TrilateralModel

/// What a watched briefing file (`--watch`) did when it last changed.
public enum ReloadAction: Sendable {
    /// It loads: the new briefing replaces the old, the view carried over by ids.
    case replaced(Briefing)
    /// It does not load: the located problem (`file:line:col: field: message`); the last good
    /// briefing stays on screen until the file is fixed.
    case failed(String)
}

/// Live reload: a new version of the briefing file takes the old one's place without losing
/// the reader's place. Pane, selection, opened item, scenario, timeline, panels, tour step and
/// search are kept wherever the ids they point at still exist (items are indices, which a
/// changed file moves; ids do not).
enum Reload {
    static func reduce(_ state: inout AppState, _ action: ReloadAction) {
        switch action {
        case .replaced(let briefing):
            let fixed = state.local.reloadProblem != nil
            state = carried(state, to: briefing)
            state.local.reloadProblem = nil
            state.local.flash = fixed ? "briefing fixed and reloaded" : "briefing reloaded"
        case .failed(let problem):
            state.local.reloadProblem = problem
        }
    }

    /// `old`'s view on `briefing`.
    static func carried(_ old: AppState, to briefing: Briefing) -> AppState {
        var new = AppState(briefing: briefing, keeping: old.local)
        let was = old.shared
        func paneKey(_ kind: PaneKind, _ b: Briefing) -> String {
            switch kind {
            case .pillar(let p): "pillar:" + b.pillars[p].id
            case .timeline: "timeline"
            case .detail: "detail"
            }
        }
        let newPanes = Dictionary(new.panes.indices.map { (paneKey(new.panes[$0], briefing), $0) }, uniquingKeysWith: { a, _ in a })
        func pane(_ oldPane: Int) -> Int? { newPanes[paneKey(old.panes[oldPane], old.briefing)] }
        func item(_ oldItem: Item) -> Item? { ItemKey(oldItem, in: old.briefing).flatMap { $0.item(in: briefing) } }

        new.shared.panes.focus = pane(was.panes.focus) ?? 0
        new.shared.panes.zoomed = was.panes.zoomed
        new.shared.panes.lastPillar = was.panes.lastPillar.flatMap(pane)
        new.shared.timeline = was.timeline
        new.takePanels(from: was)
        // Selections by item id, in the pane of the same pillar; scroll as it was.
        for oldPane in old.panes.indices where old.panes[oldPane] != .detail {
            guard let p = pane(oldPane) else { continue }
            let list = new.items(in: p)
            new.shared.panes.scroll[p] = AppState.clamp(was.panes.scroll[oldPane], list.count)
            if let selected = old.selectedItem(in: oldPane).flatMap(item), let n = list.firstIndex(of: selected) {
                Panes.select(&new, pane: p, to: n)
            } else {
                Panes.select(&new, pane: p, to: AppState.clamp(was.panes.selection[oldPane], list.count))
            }
        }
        new.shared.detail.opened = was.detail.opened.flatMap(item)
        new.shared.detail.reading = new.shared.detail.opened != nil && was.detail.reading
        if new.shared.detail.opened != nil { Detail.scroll(&new, to: was.detail.top) }
        Search.again(&new, like: was.search)
        return new
    }
}
