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
        new.shared.whatIf.visible = was.whatIf.visible
        new.shared.whatIf.column = was.whatIf.column
        new.shared.whatIf.row = min(was.whatIf.row, max(0, briefing.factors.count + briefing.presets.count - 1))
        new.shared.whatIf.outlookRow = min(was.whatIf.outlookRow, max(0, briefing.targets.count - 1))
        new.shared.scorecard = ScorecardState(visible: was.scorecard.visible && !briefing.scorecard.isEmpty,
                                              row: min(was.scorecard.row, max(0, briefing.scorecard.count - 1)))
        new.shared.tour.step = was.tour.step.flatMap { briefing.tour.indices.contains($0) ? $0 : nil }
        let scenario = was.whatIf.scenario.mapped(onto: briefing)
        if scenario != new.shared.whatIf.scenario { new.shared.whatIf.set(scenario, briefing: briefing) }
        // Selections by item id, in the pane of the same pillar; scroll as it was.
        for oldPane in old.panes.indices where old.panes[oldPane] != .detail {
            guard let p = pane(oldPane) else { continue }
            let list = new.items(in: p)
            new.shared.panes.scroll[p] = min(was.panes.scroll[oldPane], max(0, list.count - 1))
            if let selected = old.selectedItem(in: oldPane).flatMap(item), let n = list.firstIndex(of: selected) {
                Panes.select(&new, pane: p, to: n)
            } else {
                Panes.select(&new, pane: p, to: min(was.panes.selection[oldPane], max(0, list.count - 1)))
            }
        }
        new.shared.detail.opened = was.detail.opened.flatMap(item)
        if new.shared.detail.opened != nil { Detail.scroll(&new, to: was.detail.top) }
        Search.again(&new, like: was.search)
        return new
    }
}

/// An item named by id rather than by position: what survives an edit of the file.
enum ItemKey: Hashable {
    case commitment(pillar: String, id: String), driver(String), chart(String), event(String), outlook(String)

    init?(_ item: Item, in b: Briefing) {
        switch item {
        case .commitment(let p, let i):
            guard b.pillars.indices.contains(p), b.pillars[p].commitments.indices.contains(i) else { return nil }
            self = .commitment(pillar: b.pillars[p].id, id: b.pillars[p].commitments[i].id)
        case .driver(let i): guard b.drivers.indices.contains(i) else { return nil }; self = .driver(b.drivers[i].id)
        case .chart(let i): guard b.series.indices.contains(i) else { return nil }; self = .chart(b.series[i].id)
        case .event(let i): guard b.events.indices.contains(i) else { return nil }; self = .event(b.events[i].id)
        case .outlook(let id): self = .outlook(id)
        }
    }

    /// The item with this id in `b`, if it is still there.
    func item(in b: Briefing) -> Item? {
        switch self {
        case .commitment(let pillar, let id):
            guard let p = b.pillars.firstIndex(where: { $0.id == pillar }),
                  let i = b.pillars[p].commitments.firstIndex(where: { $0.id == id }) else { return nil }
            return .commitment(pillar: p, index: i)
        case .driver(let id): return b.drivers.firstIndex { $0.id == id }.map(Item.driver)
        case .chart(let id): return b.series.firstIndex { $0.id == id }.map(Item.chart)
        case .event(let id): return b.events.firstIndex { $0.id == id }.map(Item.event)
        case .outlook(let id): return b.targets.contains { $0.id == id } ? .outlook(id) : nil
        }
    }
}
