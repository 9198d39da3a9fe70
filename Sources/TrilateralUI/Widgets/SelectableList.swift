/// A list in a rectangle, one line a row: the lines that fit (scrolled to keep a cursor in
/// sight, or from a stored first line), the selected one filled in the selection's role, and a
/// scroll bar in the column right of the rows when some lines do not fit. What a row shows is
/// its owner's: `row` draws it, taking its roles from `Row.role(_:)`.
struct SelectableList: View {
    /// Which lines show when not all of them fit.
    enum Scroll {
        /// Those around the cursor, chosen from it alone (`ListWindow`); from the top without one.
        case toCursor(Int?)
        /// From a stored first line.
        case from(Int)
    }

    /// One shown line: which line it is, the row it is drawn on, and whether it is selected.
    struct Row {
        let index: Int
        /// The row: the list's width, one line high.
        let rect: Rect
        let selected: Bool
        /// The role of a selected row's fill and texts.
        let selection: StyleRole
        var y: Int { rect.y }

        /// `role` for a text in this row, or the selection's when the row is selected.
        func role(_ role: StyleRole) -> StyleRole { selected ? selection : role }
    }

    let count: Int
    let scroll: Scroll
    let selected: Int?
    var selection = StyleRole.selection
    let ascii: Bool
    let row: (Row, inout Canvas) -> Void

    /// The lines shown in `rows` rows, first to last.
    func shown(rows: Int) -> Range<Int> {
        switch scroll {
        case .toCursor(let cursor): ListWindow.lines(count: count, height: rows, showing: cursor)
        case .from(let top): top..<max(top, min(top + max(0, rows), count))
        }
    }

    /// Draws the shown lines from the top of `rect`, and the scroll bar in the column at its
    /// right (the right padding of a pane's content).
    func draw(in rect: Rect, canvas: inout Canvas) {
        let shown = shown(rows: rect.height)
        for (y, index) in zip(rect.y..., shown) {
            let line = Row(index: index, rect: Rect(x: rect.x, y: y, width: rect.width, height: 1), selected: index == selected, selection: selection)
            if line.selected { canvas.fill(line.rect, role: selection) }
            row(line, &canvas)
        }
        ScrollIndicator.draw(x: rect.maxX, area: rect, top: shown.lowerBound, total: count, ascii: ascii, canvas: &canvas)
    }
}
