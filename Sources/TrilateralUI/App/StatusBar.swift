import TrilateralModel

/// The status bar: the search prompt while typing one; otherwise the hints of the mode on top
/// (from the key table) at the left, and at the right where things stand — a message, the
/// search position, the tour step, the pane or the presenter followed, and the theme.
struct StatusBar: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
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
        // What leads the right side, when there is no message: zoomed, the search position, the
        // tour step and its clock.
        var lead = ""
        if flash == nil, let n = state.shared.tour.step {
            // The presenter's clock while the tour runs (a follower's is the presenter's business).
            let clock = state.local.following == nil ? state.local.clock : TourClock()
            let times = clock.tourStarted.map { started in
                [ClockText.duration(state.local.now - started), ClockText.left(clock, now: state.local.now) ?? ""].joinedNonEmpty(" · ") + " · "
            } ?? ""
            lead = "step \(n + 1)/\(state.briefing.tour.count) · \(times)" + lead
        }
        if flash == nil, search.isActive, let n = search.current {
            lead = "/\(search.query.escapingControls) \(n + 1)/\(search.matches.count) (n N, Esc) · " + lead
        }
        if state.shared.panes.zoomed { lead = "zoomed · " + lead }
        // A follower cannot move between panes, so it shows whom it follows instead of "1/6";
        // browsing on its own, where the presenter is now; a presenter, who is watching.
        let place: String
        if let following = state.local.following {
            place = following.browsing ? "browsing · f follow · \(Self.presenterPlace(following, state))" : "following \(following.session)"
        } else if !state.local.doors.isEmpty {
            place = Self.roomPlace(state, width: rect.width - Self.roomHintRoom - DisplayWidth.of(lead))
        } else {
            place = ([state.local.audience?.summary ?? "", "\(state.shared.panes.focus + 1)/\(state.panes.count)"]).joinedNonEmpty(" · ")
        }
        // A presenter's audience stays in sight beside a message.
        let right = flash.map { [state.local.audience?.summary ?? "", $0].joinedNonEmpty(" · ") }
            ?? lead + (state.local.following?.browsing == true || !state.local.doors.isEmpty ? place : "\(place) · \(state.local.theme.current)")
        // A browsing follower's place (where the presenter is) matters more than the hints.
        let share = !state.local.doors.isEmpty ? rect.width - Self.roomHintRoom
            : state.local.following?.browsing == true ? rect.width * 2 / 3 : rect.width / 2
        let rightWidth = min(DisplayWidth.of(right) + 2, share)
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

    /// The columns a presenter with doors keeps for hints ("? help").
    static let roomHintRoom = 10

    /// A presenter's place while the room's doors are open: how to join first (each door and
    /// the code, which the room reads off the screen), then who is watching, the pane and the
    /// theme; what does not fit in `width` goes from the end (the audience's details before its
    /// count), never the way in.
    static func roomPlace(_ state: AppState, width: Int) -> String {
        let audience = (state.local.audience?.summary ?? "").split(separator: " · ").map(String.init)
        var parts = state.local.doors + audience + ["\(state.shared.panes.focus + 1)/\(state.panes.count)", state.local.theme.current]
        while parts.count > state.local.doors.count, DisplayWidth.of(parts.joinedNonEmpty(" · ")) + 2 > width { parts.removeLast() }
        return parts.joinedNonEmpty(" · ")
    }

    /// Where a browsing follower's presenter is: its pane and tour step ("presenter: Technology,
    /// step 4/13"), from the newest view it sent.
    static func presenterPlace(_ following: Following, _ state: AppState) -> String {
        guard let view = following.latest else { return "presenter: waiting for a view" }
        let b = state.briefing
        let pane: String = state.panes.indices.contains(view.panes.focus) ? {
            switch state.panes[view.panes.focus] {
            case .pillar(let p): return b.pillars[p].short
            case .timeline: return "Timeline"
            case .detail: return "Detail"
            }
        }() : "?"
        let panel = view.panel?.title ?? pane
        let step = view.tour.step.map { ", step \($0 + 1)/\(b.tour.count)" } ?? ""
        return "presenter: \(panel)\(step)"
    }
}
