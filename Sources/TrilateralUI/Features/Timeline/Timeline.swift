import TrilateralModel

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
            switch key {
            case .left, .char("h"): .panes(.move(-1))
            case .right, .char("l"): .panes(.move(1))
            default: nil
            }
        },
        Binding(.timeline, "↑↓ j k", "the nearest event on the lane above / below", hint: Hint(keys: "↑↓", text: "lane")) { key, _ in
            switch key {
            case .up, .char("k"): .timeline(.changeLane(-1))
            case .down, .char("j"): .timeline(.changeLane(1))
            default: nil
            }
        },
        Binding(.timeline, "+ = -", "zoom the date axis in / out (= is + without Shift)", hint: Hint(keys: "+-", text: "zoom")) { key, _ in
            switch key {
            case .char("+"), .char("="): .timeline(.zoom(1))
            case .char("-"): .timeline(.zoom(-1))
            default: nil
            }
        },
        Binding(.timeline, ".", "jump to the briefing's \"as of\" date", hint: Hint(keys: ".", text: "as of"), on: [.char(".")], .timeline(.jumpToAsOf)),
    ]

    static func reduce(_ state: inout AppState, _ action: TimelineAction) {
        switch action {
        case .show:
            Panes.focus(&state, state.timelinePane)
            state.shared.panes.zoomed = true
        case .zoom(let step):
            let zoom = step > 0 ? state.shared.timeline.zoom * 2 : state.shared.timeline.zoom / 2
            state.shared.timeline.zoom = max(1, min(64, zoom))
            state.local.flash = "timeline zoom ×\(state.shared.timeline.zoom)"
        case .jumpToAsOf:
            let target = state.briefing.asOf.startOrdinal
            let items = state.items(in: state.timelinePane)
            if let nearest = items.indices.min(by: { distance(state, items[$0], target) < distance(state, items[$1], target) }) {
                Panes.select(&state, pane: state.timelinePane, to: nearest)
            }
        case .changeLane(let step):
            changeLane(&state, step)
        case .toggleHindsight:
            setHindsight(&state, !state.shared.timeline.hindsight)
            let until = state.briefing.recordEnd.map { " to \(Day(year: $0.year, month: $0.month).display)" } ?? ""
            // Short enough for 80 columns beside the hints: where the record ends must show.
            state.local.flash = state.shared.timeline.hindsight ? "as it happened\(until) (H hides it)" : "the briefing's own timeline"
        }
    }

    /// Shows or hides the hindsight layer, keeping the selected event and the current search
    /// match where they are in both lists.
    static func setHindsight(_ state: inout AppState, _ on: Bool) {
        guard on != state.shared.timeline.hindsight else { return }
        let pane = state.timelinePane
        let selected = state.selectedItem(in: pane)
        let current = state.shared.search.current.map { state.shared.search.matches[$0] }.map { ($0.pane, state.items(in: $0.pane)[$0.index]) }
        state.shared.timeline.hindsight = on
        let items = state.items(in: pane)
        state.shared.panes.selection[pane] = selected.flatMap { items.firstIndex(of: $0) } ?? 0
        Search.refind(&state, keeping: current)
    }

    static func distance(_ state: AppState, _ item: Item, _ ordinal: Int) -> Int {
        guard case .event(let i) = item else { return Int.max }
        return abs(state.briefing.events[i].date.startOrdinal - ordinal)
    }

    /// Selects the event nearest in time to the current one on the next lane that has any.
    static func changeLane(_ state: inout AppState, _ step: Int) {
        let b = state.briefing, pane = state.timelinePane
        let items = state.items(in: pane)
        guard case .event(let current)? = state.selectedItem(in: pane) else { return }
        let lane = TimelineGeometry.laneIndex(of: b.events[current], partners: b.partners)
        let when = b.events[current].date.startOrdinal
        var target = lane + step
        while state.timelineLanes.indices.contains(target) {
            if let nearest = state.timelineLanes[target].min(by: { distance(state, items[$0], when) < distance(state, items[$1], when) }) {
                Panes.select(&state, pane: pane, to: nearest)
                return
            }
            target += step
        }
        state.local.flash = step < 0 ? "no lane above with events" : "no lane below with events"
    }
}
