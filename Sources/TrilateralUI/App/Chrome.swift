import TrilateralModel

/// The title bar: the program and the briefing's title, and from 100 columns its author and
/// date at the right. With the tab row, what frames the panes.
struct TitleBar: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .titleBar)
        let b = state.briefing
        let right = " \(b.author) · \(b.published.display) "
        let rightWidth = rect.width >= 100 ? min(DisplayWidth.of(right), rect.width / 3) : 0
        canvas.text(" Trilateral │ \(b.title)", x: rect.x, y: rect.y, width: rect.width - rightWidth, role: .titleBar)
        if rightWidth > 0 { canvas.text(right, x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, role: .titleBar) }
    }
}

/// The tab row of the narrow layout: a tab a pane, the focused one marked (`TabGeometry`).
struct TabRow: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        var x = rect.x
        for pane in state.panes.indices {
            let active = pane == state.shared.panes.focus
            x = canvas.text(TabGeometry.label(state, pane: pane), x: x, y: rect.y, role: active ? .tabActive : .tabInactive, clip: rect)
        }
    }
}

/// The screen of a terminal smaller than the dashboard needs: the size it needs, the size it
/// has, and how to quit, centred.
struct TooSmallScreen: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        let min = Layout.minimum
        let lines = ["Trilateral needs \(min.width)×\(min.height)", "this terminal is \(state.size.width)×\(state.size.height)", "(q quits)"]
        let top = max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            canvas.text(line, x: rect.x + max(0, (rect.width - w) / 2), y: rect.y + top + i, role: i == 0 ? .warning : .text)
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
