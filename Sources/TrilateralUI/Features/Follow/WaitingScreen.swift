import TrilateralModel

/// A follower's screen while no presenter is there: what it waits for and why.
enum WaitingScreen {
    static func draw(_ state: AppState, following: Following, reason: String, canvas: inout Canvas) {
        let size = state.size
        // The reason can be long (a path and what to do): it wraps rather than losing its end.
        let reasonLines = TextLayout.wrap(reason, width: max(1, size.width - 4), limit: 4)
        let keys = following.presenterView
            ? Keymap.bindings(in: .presenterView).compactMap { $0.keys.split(separator: " ").first }.joined(separator: " and ")
                + " step the presenter's tour once it is here; q leaves"
            : Keymap.followerKeys + " work here"
        let lines: [(String, StyleRole)] = [("Waiting for the presenter of '\(following.session)'", .heading), ("", .muted)]
            + reasonLines.map { ($0, .warning) }
            + [("", .muted), ("This screen follows along by itself as soon as the presenter starts.", .muted), (keys, .muted)]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, (line, role)) in lines.enumerated() where top + i < size.height {
            let shown = TextLayout.truncate(VisibleCharacters(line), to: max(1, size.width - 2))
            let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
            canvas.text(shown, x: x, y: top + i, role: role)
        }
        if size.height >= 3 {
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), role: .titleBar)
            canvas.text(" Trilateral │ following '\(following.session)'", x: 0, y: 0, width: size.width, role: .titleBar)
            StatusBar.draw(state, rect: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), canvas: &canvas)
        }
    }
}
