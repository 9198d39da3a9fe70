/// How the timeline is shown: its zoom and whether the "as it happened" layer is on. Shared.
public struct TimelineState: Codable, Equatable, Sendable {
    /// How far the date axis is zoomed in: 1 shows the whole span, each step doubles (to 64).
    public var zoom = 1
    /// The "as it happened" layer (`H`): hindsight events and actual tenures.
    public var hindsight = false
}

/// The timeline's own moves.
public enum TimelineAction: Equatable, Sendable {
    /// The timeline, full screen.
    case show
    /// Zoom the date axis in (+1) or out (-1).
    case zoom(Int)
    /// Select the event nearest the briefing's "as of" date.
    case jumpToAsOf
    /// Move to the nearest event on the lane above (-1) or below (+1).
    case changeLane(Int)
    case toggleHindsight
}
