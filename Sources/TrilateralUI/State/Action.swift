/// Everything a user (or a replayed session) can do; `update` gives each its meaning.
public enum Action: Hashable, Sendable {
    case quit
    case toggleHelp
    case closeOverlay
    case focusNext, focusPrevious
    case focusPane(Int)
    case move(Int)
    case page(Int)
    case first, last
    case open
    case zoom
    case showTimeline
    /// Timeline: zoom the date axis in (+1) or out (-1).
    case zoomTimeline(Int)
    /// Timeline: select the event nearest the briefing's "as of" date.
    case jumpToAsOf
    /// Timeline: move to the nearest event on the lane above (-1) or below (+1).
    case changeLane(Int)
    case cycleTheme
    case resize(Size)
    case click(x: Int, y: Int)
    case scroll(x: Int, y: Int, by: Int)
    /// A key with no meaning here: shows a hint instead of doing nothing silently.
    case unbound(String)
}
