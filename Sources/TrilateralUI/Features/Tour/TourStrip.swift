import TrilateralModel

/// The tour's caption strip at the bottom of the screen ("Step 4/13" and the caption), with
/// the presenter's speaker notes above it when `s` shows them.
enum TourStrip {
    static func draw(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        guard let n = state.shared.tour.step, state.briefing.tour.indices.contains(n) else { return }
        let step = state.briefing.tour[n]
        canvas.fill(rect, role: .overlay)
        var y = rect.y
        if state.local.notesVisible, rect.height > 2 {
            let notes = TextLayout.wrap("Notes: " + step.notes, width: rect.width - 2)
            for line in notes.prefix(rect.height - 2) {
                canvas.text(line, x: rect.x + 1, y: y, width: rect.width - 2, role: .muted)
                y += 1
            }
            y = rect.maxY - 2
        }
        let label = " Step \(n + 1)/\(state.briefing.tour.count) "
        let x = canvas.text(label, x: rect.x, y: y, role: .tabActive)
        let lines = TextLayout.wrap(step.caption, width: rect.maxX - x - 2)
        for (i, line) in lines.prefix(rect.maxY - y).enumerated() {
            canvas.text(line, x: x + 1, y: y + i, width: rect.maxX - x - 2, role: .overlay)
        }
    }
}
