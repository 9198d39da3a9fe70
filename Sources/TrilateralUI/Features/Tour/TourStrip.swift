import TrilateralModel

/// The tour's caption strip at the bottom of the screen ("Step 4/13" and the caption), with
/// the presenter's speaker notes above it when `s` shows them.
struct TourStrip: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        guard let n = state.shared.tour.step, state.briefing.tour.indices.contains(n) else { return }
        let step = state.briefing.tour[n]
        canvas.fill(rect, role: .overlay)
        var y = rect.y
        let captionRows = max(1, rect.height - (state.local.notesVisible ? TourGeometry.noteRows : 0))
        if state.local.notesVisible, rect.height > captionRows {
            let notes = TextLayout.wrap("Notes: " + step.notes, width: rect.width - 2)
            Self.lines(notes, rows: rect.height - captionRows, x: rect.x + 1, y: y, width: rect.width - 2, role: .muted, canvas: &canvas)
            y = rect.maxY - captionRows
        }
        canvas.text(TourGeometry.label(state, step: n), x: rect.x, y: y, role: .tabActive)
        let column = TourGeometry.caption(state, width: rect.width)
        Self.lines(TextLayout.wrap(step.caption, width: column.width), rows: rect.maxY - y, x: rect.x + column.x, y: y, width: column.width, role: .overlay, canvas: &canvas)
    }

    /// Wrapped lines in `rows` rows; when they do not all fit, the last one shown ends in `…`,
    /// so a cut caption never reads as complete.
    static func lines(_ lines: [String], rows: Int, x: Int, y: Int, width: Int, role: StyleRole, canvas: inout Canvas) {
        for (i, line) in lines.prefix(rows).enumerated() {
            let cut = i == rows - 1 && lines.count > rows
            canvas.text(cut ? TextLayout.truncate(line + " …", to: width) : line, x: x, y: y + i, width: width, role: role)
        }
    }
}
