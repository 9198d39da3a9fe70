import TrilateralModel

/// The leadership-transition timeline: a lane per partner country with leader tenures as
/// labelled bars, a shared "trilateral" lane, event markers, the "as of" marker, open
/// transitions as branch points, and a date axis.
struct TimelineView: View {
    let state: AppState
    let pane: Int

    /// A lane: a partner country, or the shared lane (`country == nil`).
    struct Lane { let country: Country?; let label: String }

    var lanes: [Lane] {
        state.briefing.partners.map { Lane(country: $0, label: $0.short) } + [Lane(country: nil, label: "All")]
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let items = state.items(in: pane)
        let selectedEvent: Event? = {
            guard case .event(let i)? = state.selectedItem(in: pane) else { return nil }
            return b.events[i]
        }()
        var title = "\(pane + 1) Timeline"
        if let e = selectedEvent, state.shared.panes.focus == pane || rect.width >= 60 {
            title += " · \(e.date.display) \(e.title)"
        }
        canvas.box(rect, title: title, focused: state.shared.panes.focus == pane)
        let inner = rect.content
        let labelWidth = TimelineGeometry.labelWidth
        guard inner.width > labelWidth + 4, inner.height >= 2 else { return }
        let lanes = self.lanes
        let (rowsPerLane, legendRows) = TimelineGeometry.rows(innerHeight: inner.height, lanes: lanes.count)
        let visibleLanes = min(lanes.count, (inner.height - 1 - legendRows) / rowsPerLane)
        let scale = TimelineGeometry.scale(state: state, inner: inner)
        let asOfColumn = scale.column(of: b.asOf.startOrdinal)
        let clip = Rect(x: scale.x, y: inner.y, width: scale.width, height: inner.height)

        let asOfVisible = scale.contains(b.asOf.startOrdinal)
        for (n, lane) in lanes.prefix(visibleLanes).enumerated() {
            let y = inner.y + n * rowsPerLane
            canvas.text(lane.label, x: inner.x, y: y, width: labelWidth - 1,
                        role: lane.country.map { state.role(forCountry: $0.id) } ?? .heading)
            if let country = lane.country { drawTenures(of: country, y: y, scale: scale, clip: clip, labels: false, canvas: &canvas) }
            for row in 0..<rowsPerLane where asOfVisible && canvas[asOfColumn, y + row].grapheme == " " {
                canvas.put("┊", x: asOfColumn, y: y + row, role: .asOfMarker)
            }
        }
        // Events: markers on their lane (the lower row when lanes have two).
        for lane in 0..<visibleLanes {
          for k in TimelineGeometry.drawable(lane: lane, state: state, scale: scale) {
            guard case .event(let i) = items[k] else { continue }
            let e = b.events[i]
            let y = inner.y + lane * rowsPerLane + rowsPerLane - 1
            let selected = selectedEvent?.id == e.id
            let happened = e.happened(asOf: b.asOf)
            guard scale.contains(e.date.endOrdinal) || scale.contains(e.date.startOrdinal) else { continue }
            let cols = scale.columns(of: e.date)
            if e.date.precision != .day, cols.count >= 3, rowsPerLane == 2 {
                // A month or year: a bracketed span, honest about the precision.
                for x in cols { canvas.put(x == cols.lowerBound ? "[" : (x == cols.upperBound ? "]" : "·"), x: x, y: y, role: happened ? .eventPast : .eventFuture, clip: clip) }
            }
            let x = e.date.precision == .day ? cols.lowerBound : (cols.lowerBound + cols.upperBound) / 2
            let matched = state.matches(pane: pane, index: k)
            let later = e.layer == .hindsight
            let glyph: Character = later && !selected ? "◈" : Glyphs.event(happened: happened, selected: selected)
            canvas.put(glyph, x: x, y: y,
                       role: selected ? .selection : (matched ? .searchMatch : (later ? .hindsight : (happened ? .eventPast : .eventFuture))), clip: clip)
          }
        }
        // Names go over markers on a one-row lane; the selected event is drawn last of all.
        for (n, lane) in lanes.prefix(visibleLanes).enumerated() {
            if let country = lane.country { drawTenures(of: country, y: inner.y + n * rowsPerLane, scale: scale, clip: clip, labels: true, canvas: &canvas) }
        }
        if let e = selectedEvent {
            let lane = TimelineGeometry.laneIndex(of: e, partners: b.partners)
            if lane < visibleLanes {
                let cols = scale.columns(of: e.date)
                let x = e.date.precision == .day ? cols.lowerBound : (cols.lowerBound + cols.upperBound) / 2
                canvas.put(Glyphs.event(happened: true, selected: true), x: x,
                           y: inner.y + lane * rowsPerLane + rowsPerLane - 1, role: .selection, clip: clip)
            }
        }
        let axisY = inner.y + visibleLanes * rowsPerLane
        if axisY < inner.maxY { drawAxis(scale: scale, y: axisY, asOf: asOfColumn, canvas: &canvas) }
        if legendRows > 0, axisY + 1 < inner.maxY { drawLegend(x: inner.x, y: axisY + 1, width: inner.width, canvas: &canvas) }
        // Spare rows (the full-screen timeline): the selected event in full, below the lanes.
        let detailTop = axisY + 1 + legendRows + 1
        if detailTop + 3 <= inner.maxY, let item = state.selectedItem(in: pane) {
            canvas.hline(x: inner.x, y: detailTop - 1, width: inner.width, role: .border)
            let lines = DetailContent.lines(for: item, state: state, width: inner.width, count: inner.maxY - detailTop)
            for (row, line) in lines.enumerated() {
                canvas.text(line.text, x: inner.x, y: detailTop + row, width: inner.width, role: line.role)
            }
        }
    }

    /// Leader bars: solid up to the "as of" date, dotted after it; an open transition ends in
    /// a branch point `◇` and the successor the scenario picks, marked with `?`.
    func drawTenures(of country: Country, y: Int, scale: TimeScale, clip: Rect, labels: Bool, canvas: inout Canvas) {
        let b = state.briefing
        let asOf = b.asOf.endOrdinal
        let hindsight = state.shared.timeline.hindsight
        for leader in b.leaders where leader.country == country.id && (hindsight || leader.layer == .briefing) {
            let transition = leader.transition.flatMap { id in b.transitions.first { $0.id == id } }
            let endOrdinal = TimelineGeometry.tenureEnd(leader, in: b, hindsight: hindsight, otherwise: scale.end)
            guard endOrdinal >= scale.start, leader.start.startOrdinal <= scale.end else { continue }
            let from = scale.column(of: leader.start.startOrdinal), to = scale.column(of: min(endOrdinal, scale.end))
            guard to >= from else { continue }
            if labels {
                // The name within its bar, ending in … when the bar is shorter ("Act…Lee", not
                // "ActiLee"); a bar that starts left of the pane shows the name's tail.
                let role: StyleRole = leader.start.startOrdinal <= asOf ? .title : (hindsight ? .hindsight : .barFuture)
                // Up to where the next leader's name starts, when the bars meet in a column.
                let nextFrom = b.leaders.lazy
                    .filter { $0.country == country.id && (hindsight || $0.layer == .briefing) && $0.start.startOrdinal > leader.start.startOrdinal }
                    .map { scale.column(of: $0.start.startOrdinal) }.min()
                let end = min(to, (nextFrom ?? to + 1) - 1)
                let bar = Rect(x: from, y: y, width: max(1, end - from + 1), height: 1).intersection(clip)
                if bar.x == from {
                    canvas.text(leader.shortName, x: from, y: y, width: bar.width, role: role)
                } else {
                    canvas.text(leader.shortName, x: from, y: y, role: role, clip: bar)
                }
                if !hindsight, let t = transition, let factorID = t.factor, let factor = b.factor(factorID), scale.contains(t.date.startOrdinal) {
                    var branch = scale.column(of: t.date.startOrdinal)
                    let option = state.shared.whatIf.scenario.choices[factorID].flatMap(factor.option)
                    if option?.successor == nil, let next = b.leaders.first(where: { $0.country == country.id && $0.start == t.date }) {
                        // The successor is known; the open question is their course: mark it after their name.
                        branch += DisplayWidth.of(next.shortName) + 1
                    }
                    canvas.put("◇", x: branch, y: y, role: .warning, clip: clip)
                    // Cut short with `…` at the pane's edge, so a cut name reads as cut.
                    canvas.text((option?.successor ?? option?.label ?? "?") + "?", x: branch + 1, y: y,
                                width: clip.maxX - branch - 1, role: .barFuture)
                }
                continue
            }
            for x in from...to {
                let ordinal = scale.start + (x - scale.x) * (scale.end - scale.start + 1) / scale.width
                let past = ordinal <= asOf
                if hindsight && !past {
                    canvas.put("═", x: x, y: y, role: .hindsight, clip: clip)
                } else {
                    canvas.put(past ? "━" : "┄", x: x, y: y,
                               role: past ? .barPast : .barFuture, clip: clip)
                }
            }
        }
    }

    /// Year labels first, then quarter or month ticks and month names where room remains,
    /// and the "as of" date as ▲. Labels only go on bare axis line, so nothing overwrites.
    func drawAxis(scale: TimeScale, y: Int, asOf: Int, canvas: inout Canvas) {
        let clip = Rect(x: scale.x, y: y, width: scale.width, height: 1)
        let line: Character = "─"
        canvas.hline(x: scale.x, y: y, width: scale.width, character: line, role: .axis)
        if scale.contains(state.briefing.asOf.startOrdinal) {
            canvas.put("▲", x: asOf, y: y, role: .asOfMarker, clip: clip)
        }
        func label(_ text: String, at x: Int) {
            let range = x..<(x + text.count + 1)
            guard range.upperBound <= clip.maxX, range.allSatisfy({ canvas[$0, y].grapheme == canvas.stored(line) }) else { return }
            canvas.text(text, x: x, y: y, role: .axis, clip: clip)
        }
        let first = Day.from(ordinal: scale.start).year, last = Day.from(ordinal: scale.end).year
        let years = first...last
        // A tick every `step` years, the step growing with the span so ticks stay apart.
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].first { Double($0) * scale.columnsPerYear >= 3 } ?? 10_000
        let ticked = stride(from: (first + step - 1) / step * step, through: last, by: step).filter { scale.contains(Day(year: $0).startOrdinal) }
        // Every tick first, then the labels that fit between them (a later tick must not cut
        // an earlier label).
        for year in ticked { canvas.put("┴", x: scale.column(of: Day(year: year).startOrdinal), y: y, role: .axis, clip: clip) }
        for year in ticked where scale.columnsPerYear * Double(step) >= 5 || year % (2 * step) == 0 {
            label(String(year), at: scale.column(of: Day(year: year).startOrdinal) + 1)
        }
        let months = scale.columnsPerYear >= 60 ? Array(2...12) : (scale.columnsPerYear >= 16 ? [4, 7, 10] : [])
        for year in years {
            for m in months where scale.contains(Day.ordinal(year: year, month: m, day: 1)) {
                let x = scale.column(of: Day.ordinal(year: year, month: m, day: 1))
                guard canvas[x, y].grapheme == canvas.stored(line) else { continue }
                canvas.put("╵", x: x, y: y, role: .axis, clip: clip)
                if scale.columnsPerYear >= 60 { label(Day.monthNames[m - 1], at: x + 1) }
            }
        }
        // A window that starts mid-year still names its year at the left edge.
        if !scale.contains(Day(year: first).startOrdinal) { label(String(first), at: scale.x) }
    }

    /// " to Jun 2026": where the hindsight record ends, for the legend.
    var recordEndLabel: String {
        guard let end = state.briefing.recordEnd else { return "" }
        return " to \(Day(year: end.year, month: end.month).display)"
    }

    func drawLegend(x: Int, y: Int, width: Int, canvas: inout Canvas) {
        // The as-of line first: it is what every solid or dotted mark is read against.
        let parts: [(String, StyleRole)] = [
            ("┊ as of \(state.briefing.asOf.display)", .asOfMarker),
            ("━ in office", .barPast), ("┄ expected", .barFuture), ("● happened", .eventPast), ("○ expected", .eventFuture),
            ("◇ open question", .warning),
        ] + (state.shared.timeline.hindsight ? [("◈ ═ as it happened" + recordEndLabel, .hindsight)] : [("H: as it happened", .muted)])
        // Whole entries, two columns apart: one that does not fit is left out, not cut ("┊ as of 9").
        var cx = x
        for (entry, role) in parts {
            guard cx + DisplayWidth.of(entry) <= x + width else { break }
            cx = canvas.text(entry, x: cx, y: y, role: role) + 2
        }
    }
}

extension Leader {
    /// The name the timeline prints on a bar: the family name for most, as the briefing gives it.
    public var shortName: String { short ?? name }
}
