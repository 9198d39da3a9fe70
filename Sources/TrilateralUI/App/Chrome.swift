import TrilateralModel

/// The title bar, the tab row and the "too small" screen: what frames the panes.
enum Chrome {
    static func titleBar(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .titleBar)
        let b = state.briefing
        let right = " \(b.author) · \(b.published.display) "
        let rightWidth = rect.width >= 100 ? min(DisplayWidth.of(right), rect.width / 3) : 0
        canvas.text(" Trilateral │ \(b.title)", x: rect.x, y: rect.y, width: rect.width - rightWidth, role: .titleBar)
        if rightWidth > 0 { canvas.text(right, x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, role: .titleBar) }
    }

    static func tabRow(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        var x = rect.x
        for pane in state.panes.indices {
            let active = pane == state.shared.panes.focus
            x = canvas.text(TabGeometry.label(state, pane: pane), x: x, y: rect.y, role: active ? .tabActive : .tabInactive, clip: rect)
        }
    }

    static func tooSmall(_ state: AppState, canvas: inout Canvas) {
        let min = Layout.minimum
        let lines = ["Trilateral needs \(min.width)×\(min.height)", "this terminal is \(state.size.width)×\(state.size.height)", "(q quits)"]
        let top = max(0, (state.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            canvas.text(line, x: max(0, (state.size.width - w) / 2), y: top + i, role: i == 0 ? .warning : .text)
        }
    }
}

extension String {
    /// Arrow glyphs spelled out for ASCII terminals.
    var replacingArrows: String {
        replacing("↑↓", with: "Up/Dn").replacing("←→", with: "Lt/Rt")
            .replacing("→", with: "Rt").replacing("←", with: "Lt")
    }
}
