import TrilateralModel

extension Mode {
    /// The timeline pane focused, with no panel over it.
    public static let timeline = Mode("timeline", title: "timeline") { $0.shared.panel == nil && $0.focusedPane == .timeline }
}

/// The leadership-transition timeline: full screen, zoom, lanes, the as-of date, and the
/// "as it happened" layer.
enum Timeline {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "t", "the timeline, full screen (+ - . there)", hint: Hint(keys: "t", text: "timeline"),
                on: [.char("t")], .timeline(.show)),
        Binding(.dashboard, "H", "\"as it happened\": events and tenures after the briefing",
                on: [.char("H")], .timeline(.toggleHindsight)),
    ]
    static let inTimeline: [Binding] = [
        Binding(.timeline, "←→ h l", "the previous / next event in time", hint: Hint(keys: "←→", text: "event")) { key, _ in
            key.horizontalStep.map { .panes(.move($0)) }
        },
        .vertical(.timeline, "the nearest event on the lane above / below", hint: Hint(keys: "↑↓", text: "lane"),
                  up: .timeline(.changeLane(-1)), down: .timeline(.changeLane(1))),
        Binding(.timeline, "+ = -", "zoom the date axis in / out (= is + without Shift)", hint: Hint(keys: "+-", text: "zoom")) { key, _ in
            switch key {
            case .char("+"), .char("="): .timeline(.zoom(1))
            case .char("-"): .timeline(.zoom(-1))
            default: nil
            }
        },
        Binding(.timeline, ".", "jump to the briefing's \"as of\" date", hint: Hint(keys: ".", text: "as of"), on: [.char(".")], .timeline(.jumpToAsOf)),
    ]

    static func reduce(_ timeline: inout TimelineState, _ action: TimelineAction, in state: AppState) -> [Action] {
        switch action {
        case .show:
            return [.panes(.focus(state.timelinePane)), .panes(.setZoom(true))]
        case .zoom(let step):
            let zoom = step > 0 ? timeline.zoom * 2 : timeline.zoom / 2
            timeline.zoom = max(1, min(64, zoom))
            return [.flash("timeline zoom ×\(timeline.zoom)")]
        case .jumpToAsOf:
            let target = state.briefing.asOf.startOrdinal
            let items = state.items(in: state.timelinePane)
            guard let nearest = items.indices.min(by: { distance(state, items[$0], target) < distance(state, items[$1], target) }) else { return [] }
            return [.panes(.select(pane: state.timelinePane, index: nearest))]
        case .changeLane(let step):
            return changeLane(state, step)
        case .toggleHindsight:
            let keeping = setHindsight(&timeline, !timeline.hindsight, in: state)
            let until = state.briefing.recordEnd.map { " to \(Day(year: $0.year, month: $0.month).display)" } ?? ""
            // Short enough for 80 columns beside the hints: where the record ends must show.
            let key = Keymap.key(for: .timeline(.toggleHindsight), in: state)
            return keeping + [.flash(timeline.hindsight ? "as it happened\(until) (\(key) hides it)" : "the briefing's own timeline")]
        }
    }

    /// Shows or hides the hindsight layer, and asks for the selected event and the current
    /// search match to be kept where they are in the other list.
    static func setHindsight(_ timeline: inout TimelineState, _ on: Bool, in state: AppState) -> [Action] {
        guard on != timeline.hindsight else { return [] }
        let pane = state.timelinePane
        let selected = state.selectedItem(in: pane)
        let current = state.shared.search.current.map { state.shared.search.matches[$0] }
            .map { SearchHit(pane: $0.pane, item: state.items(in: $0.pane)[$0.index]) }
        timeline.hindsight = on
        let items = state.with(\.shared.timeline, timeline).items(in: pane)
        return [.panes(.select(pane: pane, index: selected.flatMap { items.firstIndex(of: $0) } ?? 0)),
                .search(.refind(keeping: current))]
    }

    static func distance(_ state: AppState, _ item: Item, _ ordinal: Int) -> Int {
        guard case .event(let i) = item else { return Int.max }
        return abs(state.briefing.events[i].date.startOrdinal - ordinal)
    }

    /// Selects the event nearest in time to the current one on the next lane that has any.
    static func changeLane(_ state: AppState, _ step: Int) -> [Action] {
        let b = state.briefing, pane = state.timelinePane
        let items = state.items(in: pane)
        guard case .event(let current)? = state.selectedItem(in: pane) else { return [] }
        let lane = TimelineGeometry.laneIndex(of: b.events[current], partners: b.partners)
        let when = b.events[current].date.startOrdinal
        var target = lane + step
        while state.timelineLanes.indices.contains(target) {
            if let nearest = state.timelineLanes[target].min(by: { distance(state, items[$0], when) < distance(state, items[$1], when) }) {
                return [.panes(.select(pane: pane, index: nearest))]
            }
            target += step
        }
        return [.flash(step < 0 ? "no lane above with events" : "no lane below with events")]
    }
}
