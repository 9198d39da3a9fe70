import TrilateralModel

/// The status bar: the search prompt while typing one; otherwise the hints of the mode on top
/// (from the key table) at the left, and at the right where things stand — a message, the
/// search position, the tour step, the pane or the presenter followed, and the theme.
enum StatusBar {
    static func draw(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .statusBar)
        let search = state.shared.search
        if search.editing {
            let count = search.matches.count
            let right = search.isActive ? "\(count) match\(count == 1 ? "" : "es") · Enter go · Esc cancel" : "type to search · Esc cancel"
            let x = canvas.text(" /" + search.query, x: rect.x, y: rect.y, width: rect.width - DisplayWidth.of(right) - 3, role: .statusKey)
            canvas.put("▏", x: x, y: rect.y, role: .statusKey)
            canvas.text(right, x: rect.maxX - DisplayWidth.of(right) - 1, y: rect.y, role: .statusBar)
            return
        }
        let flash = state.local.flash
        // A follower cannot move between panes, so it shows whom it follows instead of "1/6".
        let place = state.local.following.map { "following \($0.session)" } ?? "\(state.shared.panes.focus + 1)/\(state.panes.count)"
        var right = flash ?? "\(place) · \(state.local.theme.current)"
        if flash == nil, let n = state.shared.tour.step { right = "step \(n + 1)/\(state.briefing.tour.count) · " + right }
        if flash == nil, search.isActive, let n = search.current {
            right = "/\(search.query.escapingControls) \(n + 1)/\(search.matches.count) (n N, Esc) · " + right
        }
        if state.shared.panes.zoomed { right = "zoomed · " + right }
        let rightWidth = min(DisplayWidth.of(right) + 2, rect.width / 2)
        var x = rect.x + 1
        let limit = rect.maxX - rightWidth
        for hint in Keymap.hints(state) {
            let need = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.text) + 3
            if x + need > limit { break }
            x = canvas.text(state.ascii ? hint.keys.replacingArrows : hint.keys, x: x, y: rect.y, role: .statusKey)
            x = canvas.text(" \(hint.text)  ", x: x, y: rect.y, role: .statusBar)
        }
        canvas.text(right, x: rect.maxX - rightWidth + 1, y: rect.y, width: rightWidth - 1, role: flash == nil ? .statusBar : .statusKey)
    }
}
