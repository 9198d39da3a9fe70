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
        for (i, (keys, does)) in lines.dropFirst(top).prefix(rows).enumerated() {
            let y = inner.y + i
            canvas.text(" " + (state.ascii ? keys.replacingArrows : keys), x: inner.x, y: y, width: keyWidth, role: does.isEmpty ? .heading : .statusKey)
            canvas.text(does, x: inner.x + keyWidth + 1, y: y, width: inner.width - keyWidth - 2, role: .overlay)
        }
        guard rows < lines.count else { return }
        ScrollIndicator.draw(x: inner.maxX - 1, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows),
                             top: top, total: lines.count, ascii: state.ascii, canvas: &canvas)
        let more = top + rows < lines.count ? "↓ more: j PgDn" : "↑ back: k PgUp"
        canvas.text(" \(state.ascii ? more.replacingArrows : more) · any other key closes", x: inner.x, y: inner.maxY - 1, width: inner.width, role: .muted)
    }
}
