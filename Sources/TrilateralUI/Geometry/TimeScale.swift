import TrilateralModel

/// Maps days to columns over a date range: the timeline's horizontal axis.
public struct TimeScale: Sendable, Equatable {
    /// First and last day shown (ordinals, inclusive).
    public let start: Int
    public let end: Int
    /// The columns the range is spread over.
    public let x: Int
    public let width: Int

    public init(start: Int, end: Int, x: Int, width: Int) {
        self.start = start; self.end = max(start, end); self.x = x; self.width = max(1, width)
    }

    /// The whole years that cover everything the timeline draws for a layer: every event,
    /// every tenure from start to end (or to the as-of date, or the record's end, when open),
    /// every transition and the as-of date; with `hindsight`, the "as it happened" events and
    /// tenures too.
    public static func span(of briefing: Briefing, hindsight: Bool = false) -> (start: Int, end: Int) {
        var first = briefing.asOf.year, last = briefing.asOf.year
        func cover(_ day: Day?) {
            guard let day else { return }
            first = min(first, day.year); last = max(last, day.year)
        }
        for e in briefing.events where hindsight || e.layer == .briefing { cover(e.date) }
        for l in briefing.leaders where hindsight || l.layer == .briefing {
            cover(l.start); cover(l.end)
            if hindsight { cover(l.actualEnd) }
        }
        for t in briefing.transitions { cover(t.date) }
        if hindsight { cover(briefing.recordEnd) }
        return (Day(year: first).startOrdinal, Day(year: last).endOrdinal)
    }

    /// The column of a day (clamped to the axis; check `contains` for days outside it).
    public func column(of ordinal: Int) -> Int {
        let days = end - start + 1
        let offset = min(max(0, ordinal - start), days - 1)
        return x + offset * width / days
    }

    /// The columns a date covers at its precision (a month or a year is a span, not a point).
    public func columns(of day: Day) -> ClosedRange<Int> {
        column(of: day.startOrdinal)...column(of: day.endOrdinal)
    }

    /// Whether a day is inside the shown range.
    public func contains(_ ordinal: Int) -> Bool { ordinal >= start && ordinal <= end }

    /// Columns per year, to choose axis labels.
    public var columnsPerYear: Double { Double(width) * 365.25 / Double(end - start + 1) }
}
