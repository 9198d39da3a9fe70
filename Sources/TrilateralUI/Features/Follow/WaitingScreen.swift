import TrilateralModel

/// A follower's screen while no presenter is there: what it waits for and why.
enum WaitingScreen {
    static func draw(_ state: AppState, following: Following, reason: String, canvas: inout Canvas) {
        let size = state.size
        let lines = [
            "Waiting for the presenter of '\(following.session)'",
            "",
            reason,
            "",
            "This screen follows along by itself as soon as the presenter starts.",
            Keymap.followerKeys + " work here",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let shown = TextLayout.truncate(VisibleCharacters(line), to: max(1, size.width - 2))
            let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
            canvas.text(shown, x: x, y: top + i, role: i == 0 ? .heading : (i == 2 ? .warning : .muted))
        }
        if size.height >= 3 {
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), role: .titleBar)
            canvas.text(" Trilateral │ following '\(following.session)'", x: 0, y: 0, width: size.width, role: .titleBar)
            StatusBar.draw(state, rect: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), canvas: &canvas)
        }
    }
}
