import TrilateralModel

/// The help overlay: the keys of the mode on screen (from the key table) and every glyph,
/// scrolled (↑↓ PgUp PgDn) when longer than the screen; drawn in `box`, centred on the screen.
struct HelpOverlay: View {
    let state: AppState
    let lines: [(keys: String, does: String)]

    init(state: AppState) {
        self.state = state
        lines = Self.lines(state)
    }

    /// Its lines: key and what it does, or a heading (empty `does`).
    static func lines(_ state: AppState) -> [(keys: String, does: String)] {
        let statuses = Commitment.Status.allCases.map { "\(Glyphs.status($0)) \($0.rawValue)" }.joined(separator: " ")
        let glyphs: [(String, String)] = [
            ("  commitments", statuses),
            ("  ● ○", "event: happened / still expected at the as-of date"),
            ("  ◇", "open question: the what-if scenario decides"),
            ("  ◈ ═", "as it happened: events and tenures after the briefing (H)"),
            ("  †", "a caveat: not from the article, or a label unverified"),
            ("  reported:", "medium confidence: shown as reported, not as fact"),
            ("  ▶", "the focused pane (heavy border too)"),
        ]
        return KeyDocs.overlay(state) + [("", ""), ("Glyphs", "")] + glyphs
    }

    /// Where it goes on the screen.
    var box: Rect { HelpGeometry.rect(state, lineCount: lines.count) }

    func draw(in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .overlay)
        canvas.box(rect, title: "Help — keys and glyphs", focused: false, role: .overlayBorder)
        let inner = rect.inset(1)
        let rows = HelpGeometry.visibleRows(state, lineCount: lines.count)
        let top = min(state.local.helpTop, max(0, lines.count - rows))
        let keyWidth = HelpGeometry.keyWidth
        // The scroll bar in the box's last column inside.
        SelectableList(count: lines.count, scroll: .from(top), selected: nil, ascii: state.ascii) { row, canvas in
            let (keys, does) = lines[row.index]
            canvas.text(" " + (state.ascii ? keys.replacingArrows : keys), x: inner.x, y: row.y, width: keyWidth, role: does.isEmpty ? .heading : .statusKey)
            canvas.text(does, x: inner.x + keyWidth + 1, y: row.y, width: inner.width - keyWidth - 2, role: .overlay)
        }.draw(in: Rect(x: inner.x, y: inner.y, width: inner.width - 1, height: rows), canvas: &canvas)
        guard rows < lines.count else { return }
        let more = top + rows < lines.count ? "↓ more: j PgDn" : "↑ back: k PgUp"
        canvas.text(" \(state.ascii ? more.replacingArrows : more) · any other key closes", x: inner.x, y: inner.maxY - 1, width: inner.width, role: .muted)
    }
}
