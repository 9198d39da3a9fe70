import TrilateralModel

/// Putting a shared view that was made on another briefing, or another copy of it, onto this
/// state: a presenter's view on a follower (`adopt`), or the view before a reload on the new
/// file (`carried`). What it points at by position is clamped to what this briefing has;
/// factors and options it does not know fall back to the baseline. The root's work: it sets
/// every slice, each through the action of the feature that owns it where that feature has
/// rules (a selection scrolled into sight, a search found again).
extension AppState {
    /// `value` within `0..<count` (0 when there is nothing).
    static func clamp(_ value: Int, _ count: Int) -> Int { count <= 0 ? 0 : max(0, min(value, count - 1)) }

    /// Applies an action with its consequences (their effects are for the live loop, not here).
    mutating func run(_ action: Action) { AppReducer.reduce(&self, action) }

    /// Takes the panels of `view`: the panel on screen (if this briefing can show it), each
    /// panel's own state as its feature adopts it (clamped to this briefing), and the tour step.
    mutating func takePanels(from view: SharedState) {
        let b = briefing
        shared.panel = view.panel.flatMap { $0.shows(b) ? $0 : nil }
        shared.tour.step = view.tour.step.flatMap { b.tour.indices.contains($0) ? $0 : nil }
        run(.whatIf(.adopt(view.whatIf)))
        // After the what-if panel: how far the scorecard's account scrolls depends on the outlooks.
        run(.scorecard(.adopt(view.scorecard)))
    }

    /// Puts a presenter's view on this follower's state, at this terminal's size. A view from
    /// the socket is hostile until checked: every pane, item, row and option is clamped or
    /// dropped against this terminal's own briefing, so it can only ever select what exists.
    mutating func adopt(_ view: SharedState) {
        let b = briefing
        let paneCount = panes.count
        var next = SharedState(panes: PanesState(paneCount: paneCount), whatIf: shared.whatIf)
        next.timeline = TimelineState(zoom: max(1, min(64, view.timeline.zoom)), hindsight: view.timeline.hindsight)
        next.panes.focus = Self.clamp(view.panes.focus, paneCount)
        next.panes.zoomed = view.panes.zoomed
        next.panes.lastPillar = view.panes.lastPillar.flatMap { p in
            guard panes.indices.contains(p), case .pillar = panes[p] else { return nil }
            return p
        }
        next.detail.opened = view.detail.opened.flatMap { ItemKey($0, in: b)?.item(in: b) }   // only what exists here
        next.detail.reading = next.detail.opened != nil && view.detail.reading
        shared = next
        takePanels(from: view)
        shared.search = Search.again(like: view.search, in: self)
        shared.poll = view.poll?.checked(in: b)
        // Scroll as the presenter did, then select: at this terminal's (maybe smaller) size the
        // selection is clamped and scrolled into sight, moving as little as possible.
        for pane in panes.indices {
            let count = items(in: pane).count
            shared.panes.scroll[pane] = view.panes.scroll.indices.contains(pane) ? Self.clamp(view.panes.scroll[pane], count) : 0
            if panes[pane] != .detail {
                run(.panes(.select(pane: pane, index: view.panes.selection.indices.contains(pane) ? max(0, view.panes.selection[pane]) : 0)))
            }
        }
        run(.detail(.scroll(to: max(0, view.detail.top))))
    }

    /// This state's view on `briefing`: pane, selection, opened item, scenario, timeline,
    /// panels, tour step and search kept wherever the ids they point at still exist (items
    /// are indices, which a changed file moves; ids do not). Everything local carries over.
    func carried(to briefing: Briefing) -> AppState {
        let old = self
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
            new.shared.panes.scroll[p] = Self.clamp(was.panes.scroll[oldPane], list.count)
            let index = old.selectedItem(in: oldPane).flatMap(item).flatMap { list.firstIndex(of: $0) }
                ?? Self.clamp(was.panes.selection[oldPane], list.count)
            new.run(.panes(.select(pane: p, index: index)))
        }
        new.shared.detail.opened = was.detail.opened.flatMap(item)
        new.shared.detail.reading = new.shared.detail.opened != nil && was.detail.reading
        if new.shared.detail.opened != nil { new.run(.detail(.scroll(to: was.detail.top))) }
        new.shared.search = Search.again(like: was.search, in: new)
        // A poll stays only if its factor's options are the same ones in the same order: the
        // answers given so far are option indices.
        new.shared.poll = was.poll.flatMap { poll in
            let options = { (b: Briefing) in b.factors.first { $0.id == poll.factor }?.options.map(\.id) }
            return options(old.briefing) == options(briefing) ? poll.checked(in: briefing) : nil
        }
        return new
    }
}
