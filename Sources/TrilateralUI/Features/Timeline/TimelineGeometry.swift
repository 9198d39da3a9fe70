import TrilateralModel

/// Where the timeline's parts go: the date axis for the window shown, the rows of each lane,
/// which events are worth drawing, and which event a click lands on.
public enum TimelineGeometry {
    /// Columns for the lane names at the left.
    static let labelWidth = 5

    /// The date axis inside a pane's content rectangle (after the lane names): the whole span
    /// at zoom 1, else a window of span/zoom days centred on the selected event.
    static func scale(state: AppState, inner: Rect) -> TimeScale {
        let span = state.timelineSpan
        let total = span.end - span.start + 1
        let days = max(31, total / max(1, state.shared.timeline.zoom))
        var centre = state.briefing.asOf.startOrdinal
        if case .event(let i)? = state.selectedItem(in: state.timelinePane) { centre = state.briefing.events[i].date.startOrdinal }
        let start = max(span.start, min(centre - days / 2, span.end - days + 1))
        return TimeScale(start: start, end: start + days - 1, x: inner.x + labelWidth, width: inner.width - labelWidth)
    }

    /// Rows of a lane (2: bars above markers; 1 when tight) and whether a legend row fits.
    static func rows(innerHeight: Int, lanes: Int) -> (perLane: Int, legend: Int) {
        let legend = innerHeight >= lanes * 2 + 3 ? 1 : 0
        return (innerHeight - 1 - legend >= lanes * 2 ? 2 : 1, legend)
    }

    /// The lane an event sits on: its one partner country, or the shared lane.
    /// Where a tenure's bar ends (a day ordinal): the actual end when the hindsight layer is
    /// shown and one is known; an open tenure in that layer runs on to the record's end;
    /// otherwise the stated end, the transition that ends it, or `otherwise` (the scale's end).
    public static func tenureEnd(_ leader: Leader, in b: Briefing, hindsight: Bool, otherwise: Int) -> Int {
        let transition = leader.transition.flatMap { id in b.transitions.first { $0.id == id } }
        let actualEnd = hindsight ? (leader.actualEnd ?? (leader.layer == .hindsight ? leader.end : nil)) : nil
        let recordEnd = b.recordEnd?.endOrdinal ?? otherwise
        return actualEnd?.endOrdinal ?? (hindsight && leader.endStatus == .open ? recordEnd : nil)
            ?? leader.end?.endOrdinal ?? transition?.date.startOrdinal ?? otherwise
    }

    public static func laneIndex(of event: Event, partners: [Country]) -> Int {
        let ids = event.countries.filter { id in partners.contains { $0.id == id } }
        if ids.count == 1, let i = partners.firstIndex(where: { $0.id == ids[0] }) { return i }
        return partners.count
    }

    /// The events of a lane worth drawing in the window: all of them when they are few, else
    /// the first one starting in each column (binary search), so a frame costs what the screen
    /// shows, however many events the briefing holds.
    static func drawable(lane: Int, state: AppState, scale: TimeScale) -> [Int] {
        let positions = state.timelineLanes[lane]
        let items = state.items(in: state.timelinePane)
        func day(_ n: Int) -> Int {
            guard case .event(let i) = items[positions[n]] else { return 0 }
            return state.briefing.events[i].date.startOrdinal
        }
        func first(atLeast target: Int, from low: Int = 0) -> Int {
            var lo = low, hi = positions.count
            while lo < hi { let mid = (lo + hi) / 2; if day(mid) < target { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let lower = first(atLeast: scale.start - 366), upper = first(atLeast: scale.end + 1, from: lower)
        if upper - lower <= scale.width * 2 { return Array(positions[lower..<upper]) }
        var picked: [Int] = []
        var n = lower
        let days = scale.end - scale.start + 1
        for column in 0..<scale.width {
            let columnEnd = scale.start + (column + 1) * days / scale.width
            n = first(atLeast: scale.start + column * days / scale.width, from: n)
            if n < upper, day(n) < columnEnd { picked.append(positions[n]) }
        }
        return picked
    }

    /// The nearest event marker to a click in the timeline pane, preferring the lane clicked on.
    static func event(atX x: Int, y: Int, state: AppState, rect: Rect) -> Int? {
        let items = state.items(in: state.timelinePane)
        let inner = rect.content
        let scale = scale(state: state, inner: inner)
        let rowsPerLane = rows(innerHeight: inner.height, lanes: state.timelineLanes.count).perLane
        let clickedLane = (y - inner.y) / rowsPerLane
        let lanes = state.timelineLanes.indices.contains(clickedLane) ? [clickedLane] : Array(state.timelineLanes.indices)
        var best: (distance: Int, index: Int)?
        for index in lanes.flatMap({ drawable(lane: $0, state: state, scale: scale) }) {
            guard case .event(let i) = items[index] else { continue }
            let cols = scale.columns(of: state.briefing.events[i].date)
            let d = cols.contains(x) ? 0 : min(abs(cols.lowerBound - x), abs(cols.upperBound - x))
            if d <= 2, best.map({ d < $0.distance }) ?? true { best = (d, index) }
        }
        return best?.index
    }
}
