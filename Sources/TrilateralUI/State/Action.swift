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
    case cycleTheme
    case resize(Size)
    case click(x: Int, y: Int)
    case scroll(x: Int, y: Int, by: Int)
    /// A key with no meaning here: shows a hint instead of doing nothing silently.
    case unbound(String)
}
