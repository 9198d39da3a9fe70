/// Where the help overlay goes and how many of its lines show: centred, at most 80 columns
/// wide and two rows short of the screen; when the lines do not all fit, the last row inside
/// says there is more and the lines scroll.
enum HelpGeometry {
    /// The key column's width.
    static let keyWidth = 19

    static func rect(_ state: AppState, lineCount: Int) -> Rect {
        let width = min(state.size.width - 2, 80)
        let height = min(state.size.height - 2, lineCount + 2)
        return Rect(x: (state.size.width - width) / 2, y: (state.size.height - height) / 2, width: width, height: height)
    }

    /// Lines shown at once: the rows inside the box, less the "more" row when some do not fit.
    static func visibleRows(_ state: AppState, lineCount: Int) -> Int {
        let inside = max(0, rect(state, lineCount: lineCount).height - 2)
        return lineCount > inside ? max(0, inside - 1) : inside
    }

    /// The furthest the help scrolls (0 when it fits).
    static func maximumTop(_ state: AppState) -> Int {
        let count = HelpOverlay.lines(state).count
        return max(0, count - visibleRows(state, lineCount: count))
    }

    /// Lines one page moves, keeping one line of context.
    static func page(_ state: AppState) -> Int {
        max(1, visibleRows(state, lineCount: HelpOverlay.lines(state).count) - 1)
    }
}
