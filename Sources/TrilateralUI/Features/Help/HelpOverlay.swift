import TrilateralModel

/// The help overlay: the keys of the mode on screen (from the key table) and every glyph.
enum HelpOverlay {
    static func draw(_ state: AppState, canvas: inout Canvas) {
        var lines = KeyDocs.overlay(state)
        let statuses = Commitment.Status.allCases.map { "\(Glyphs.status($0)) \($0.rawValue)" }.joined(separator: " ")
        let glyphs: [(String, String)] = [
            ("  commitments", statuses),
            ("  ● ○", "event: happened / still expected at the as-of date"),
            ("  ◇", "open question: the what-if scenario decides"),
            ("  †", "a caveat: not from the article, or a label unverified"),
            ("  ▶", "the focused pane (heavy border too)"),
        ]
        // The glyphs in full when there is room, else on one line.
        if lines.count + glyphs.count + 2 <= state.size.height - 4 {
            lines += [("", ""), ("Glyphs", "")] + glyphs
        } else {
            lines.append(("Glyphs", "\(statuses) · † caveat · ◇ open question"))
        }
        let keyWidth = 19
        let width = min(state.size.width - 2, 80)
        let height = min(state.size.height - 2, lines.count + 2)
        let rect = Rect(x: (state.size.width - width) / 2, y: (state.size.height - height) / 2, width: width, height: height)
        canvas.fill(rect, role: .overlay)
        canvas.box(rect, title: "Help — keys and glyphs", focused: false, role: .overlayBorder)
        let inner = rect.inset(1)
        for (i, (keys, does)) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + i
            canvas.text(" " + (state.ascii ? keys.replacingArrows : keys), x: inner.x, y: y, width: keyWidth, role: does.isEmpty ? .heading : .statusKey)
            canvas.text(does, x: inner.x + keyWidth + 1, y: y, width: inner.width - keyWidth - 2, role: .overlay)
        }
        if lines.count > inner.height {
            canvas.fill(Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: .overlay)
            canvas.text(" …more: enlarge the terminal", x: inner.x, y: inner.maxY - 1, width: inner.width, role: .muted)
        }
    }
}
