import TrilateralModel

/// A follower's screen while no presenter is there: what it waits for and why, over the whole
/// screen.
struct WaitingScreen: View {
    let state: AppState
    let following: Following
    /// Why there is no presenter yet, and what to do about it.
    let reason: String

    func draw(in rect: Rect, canvas: inout Canvas) {
        // The reason can be long (a path and what to do): it wraps rather than losing its end.
        let reasonLines = TextLayout.wrap(reason, width: max(1, rect.width - 4), limit: 4)
        let keys = following.presenterView
            ? Keymap.bindings(in: .presenterView).compactMap { $0.keys.split(separator: " ").first }.joined(separator: " and ")
                + " step the presenter's tour once it is here; q leaves"
            : Keymap.followerKeys + " work here"
        let lines: [(String, StyleRole)] = [("Waiting for the presenter of '\(following.session)'", .heading), ("", .muted)]
            + reasonLines.map { ($0, .warning) }
            + [("", .muted), ("This screen follows along by itself as soon as the presenter starts.", .muted), (keys, .muted)]
        let top = max(0, (rect.height - lines.count) / 2)
        for (i, (line, role)) in lines.enumerated() where top + i < rect.height {
            let shown = TextLayout.truncate(VisibleCharacters(line), to: max(1, rect.width - 2))
            let x = max(0, (rect.width - DisplayWidth.of(shown)) / 2)
            canvas.text(shown, x: rect.x + x, y: rect.y + top + i, role: role)
        }
        if rect.height >= 3 {
            canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .titleBar)
            canvas.text(" Trilateral │ following '\(following.session)'", x: rect.x, y: rect.y, width: rect.width, role: .titleBar)
            StatusBar(state: state).draw(in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), canvas: &canvas)
        }
    }
}
