/// Which pane has the focus, what each pane selects and shows, and whether a pane is zoomed:
/// shared with followers.
public struct PanesState: Codable, Equatable, Sendable {
    public var focus = 0
    /// Per pane: the selected item.
    public var selection: [Int]
    /// Per pane: the first visible list row.
    public var scroll: [Int]
    /// The focused pane fills the body.
    public var zoomed = false
    /// The pillar pane focused most recently (the one the two-column layout expands).
    public var lastPillar: Int?

    init(paneCount: Int) {
        selection = Array(repeating: 0, count: paneCount)
        scroll = Array(repeating: 0, count: paneCount)
    }
}

/// Moving between panes and within a list.
public enum PanesAction: Equatable, Sendable {
    case focusNext, focusPrevious
    /// Focus pane N (0-based).
    case focus(Int)
    /// Move the selection by a number of items (or lines, in the detail pane).
    case move(Int)
    /// Move by a page up (-1) or down (+1).
    case page(Int)
    case first, last
    /// Open the selection in the detail pane.
    case open
    case zoom
    case click(x: Int, y: Int)
    /// The mouse wheel over a pane.
    case wheel(x: Int, y: Int, by: Int)
    /// Select an item of a pane (another feature showing what it is about): clamped and
    /// scrolled into sight; in the detail pane, a scroll.
    case select(pane: Int, index: Int)
    /// Zoom the focused pane, or not, leaving the scroll where it is.
    case setZoom(Bool)
    /// Scroll every list so its selection shows (after a resize).
    case keepSelectionsVisible
}
