/// How the tour's strip is laid out: the step label ("Step 4/13"), then the caption wrapped
/// beside it; rows enough for the step's caption at this width (at least two), so no caption
/// is cut short while a third of the screen allows, and a short one leaves the panes their rows.
enum TourGeometry {
    /// The step label at the strip's left.
    static func label(_ state: AppState, step: Int) -> String { " Step \(step + 1)/\(state.briefing.tour.count) " }

    /// Where the caption starts and how wide it wraps, in a strip `width` columns wide.
    static func caption(_ state: AppState, width: Int) -> (x: Int, width: Int) {
        // The widest label of the tour, so the caption column stays put.
        let x = DisplayWidth.of(label(state, step: max(0, state.briefing.tour.count - 1))) + 1
        return (x, max(1, width - x - 1))
    }

    /// Rows for the speaker notes above the caption, when shown.
    static let noteRows = 3

    /// The strip's height in a body of `bodyHeight` rows: the step's caption (at least two
    /// rows), the notes when shown, and never more than a third of the body.
    static func rows(_ state: AppState, step: Int, width: Int, bodyHeight: Int) -> Int {
        let lines = state.briefing.tour.indices.contains(step)
            ? TextLayout.lineCount(state.briefing.tour[step].caption, width: caption(state, width: width).width) : 1
        return min(bodyHeight / 3, max(2, lines) + (state.local.notesVisible ? noteRows : 0))
    }
}
