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

    /// The whole years that cover every briefing-layer event and leader tenure start.
    public static func span(of briefing: Briefing) -> (start: Int, end: Int) {
        let events = briefing.events.filter { $0.layer == .briefing }
        let firstYear = (events.map(\.date.year) + briefing.leaders.map(\.start.year)).min() ?? briefing.asOf.year
        let lastYear = (events.map(\.date.year) + [briefing.asOf.year]).max() ?? briefing.asOf.year
        return (Day(year: firstYear).startOrdinal, Day(year: lastYear).endOrdinal)
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
