import Foundation
import TrilateralModel

/// The title bar, status bar, tab row and the "too small" screen: everything around the panes.
enum Chrome {
    static func titleBar(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .titleBar)
        let b = state.briefing
        let right = " \(b.author) · \(b.published.display) "
        let rightWidth = rect.width >= 100 ? DisplayWidth.of(right) : 0
        canvas.text(" Trilateral │ \(b.title)", x: rect.x, y: rect.y, width: rect.width - rightWidth, role: .titleBar)
        if rightWidth > 0 { canvas.text(right, x: rect.maxX - rightWidth, y: rect.y, role: .titleBar) }
    }

    static func statusBar(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .statusBar)
        if state.search.editing {
            let count = state.search.matches.count
            let right = state.search.isActive ? "\(count) match\(count == 1 ? "" : "es") · Enter go · Esc cancel" : "type to search · Esc cancel"
            let x = canvas.text(" /" + state.search.query, x: rect.x, y: rect.y, width: rect.width - DisplayWidth.of(right) - 3, role: .statusKey)
            canvas.put(state.ascii ? "_" : "▏", x: x, y: rect.y, role: .statusKey)
            canvas.text(right, x: rect.maxX - DisplayWidth.of(right) - 1, y: rect.y, role: .statusBar)
            return
        }
        let hints: [(String, String)] = state.helpVisible
            ? [("any key", "close help"), ("q", "quit")]
            : state.following != nil
            ? [("q", "quit"), ("T", "theme"), ("?", "help")]
            : state.tourStep != nil
            ? [("Space →", "next"), ("←", "back"), ("s", "notes"), ("b", "leave tour"), ("q", "quit")]
            : state.scorecardVisible
            ? [("↑↓", "select an expectation"), ("S", "close"), ("q", "quit")]
            : state.whatIfVisible
            ? [("1-6", "cycle"), ("↑↓", "move"), ("Enter", "apply"), ("e", "explain"), ("r", "reset"), ("u", "undo"), ("w", "close")]
            : state.focusedPane == .timeline
            ? [("?", "help"), ("←→", "event"), ("↑↓", "lane"), ("+-", "zoom"), (".", "as of"), ("Enter", "open"), ("q", "quit")]
            : [("?", "help"), ("Tab", "pane"), ("↑↓", "select"), ("Enter", "open"), ("z", "zoom"), ("t", "timeline"), ("q", "quit")]
        // A follower cannot move between panes, so it shows whom it follows instead of "1/6".
        let place = state.following.map { "following \($0.session)" } ?? "\(state.focus + 1)/\(state.panes.count)"
        var right = state.flash ?? "\(place) · \(state.themeName)"
        if state.flash == nil, let n = state.tourStep { right = "step \(n + 1)/\(state.briefing.tour.count) · " + right }
        if state.flash == nil, state.search.isActive, let n = state.search.current {
            right = "/\(state.search.query.escapingControls) \(n + 1)/\(state.search.matches.count) (n N, Esc) · " + right
        }
        if state.zoomed { right = "zoomed · " + right }
        let rightWidth = min(DisplayWidth.of(right) + 2, rect.width / 2)
        var x = rect.x + 1
        let limit = rect.maxX - rightWidth
        for (key, does) in hints {
            let need = DisplayWidth.of(key) + DisplayWidth.of(does) + 3
            if x + need > limit { break }
            x = canvas.text(state.ascii ? key.replacingArrows : key, x: x, y: rect.y, role: .statusKey)
            x = canvas.text(" \(does)  ", x: x, y: rect.y, role: .statusBar)
        }
        canvas.text(right, x: rect.maxX - rightWidth + 1, y: rect.y, width: rightWidth - 1, role: state.flash == nil ? .statusBar : .statusKey)
    }

    static func tabRow(_ state: AppState, rect: Rect, canvas: inout Canvas) {
        var x = rect.x
        for pane in state.panes.indices {
            let label = " \(pane + 1) \(paneShortName(state, pane)) "
            let active = pane == state.focus
            let marker = active ? (state.ascii ? ">" : "▶") : ""
            x = canvas.text(marker + label, x: x, y: rect.y, role: active ? .tabActive : .tabInactive,
                            clip: rect)
        }
    }

    static func paneShortName(_ state: AppState, _ pane: Int) -> String {
        switch state.panes[pane] {
        case .pillar(let p): state.briefing.pillars[p].short
        case .timeline: "Timeline"
        case .detail: "Detail"
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
        replacingOccurrences(of: "↑↓", with: "Up/Dn").replacingOccurrences(of: "←→", with: "Lt/Rt")
    }
}

/// The help overlay: every key of the current mode and the meaning of every glyph.
enum HelpOverlay {
    static func draw(_ state: AppState, canvas: inout Canvas) {
        let a = state.ascii
        let keys = state.following != nil ? Following.keys : state.whatIfVisible ? Keymap.whatIf : Keymap.dashboard
        var lines: [(String, String)] = keys.map { ($0.keys, $0.does) }
        lines.append(("", ""))
        lines.append(("Glyphs", ""))
        lines.append(("  commitments", Commitment.Status.allCases.map { "\(Glyphs.status($0, ascii: a)) \($0.rawValue)" }.joined(separator: " ")))
        lines.append(("  \(a ? "*" : "●") \(a ? "o" : "○")", "event: happened / still expected at the as-of date"))
        lines.append(("  \(a ? "<" : "◇")", "open question: the what-if scenario decides"))
        lines.append(("  \(a ? "+" : "†")", "a caveat: not from the article, or a label unverified"))
        lines.append(("  \(a ? ">" : "▶")", "the focused pane (heavy border too)"))
        let keyWidth = 19
        let width = min(state.size.width - 2, 80)
        let height = min(state.size.height - 2, lines.count + 2)
        let rect = Rect(x: (state.size.width - width) / 2, y: (state.size.height - height) / 2, width: width, height: height)
        canvas.fill(rect, role: .overlay)
        canvas.box(rect, title: "Help — keys and glyphs", focused: false, role: .overlayBorder)
        let inner = rect.inset(1)
        for (i, (keys, does)) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + i
            canvas.text(" " + keys, x: inner.x, y: y, width: keyWidth, role: does.isEmpty ? .heading : .statusKey)
            canvas.text(does, x: inner.x + keyWidth + 1, y: y, width: inner.width - keyWidth - 2, role: .overlay)
        }
        if lines.count > inner.height {
            canvas.fill(Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: .overlay)
            canvas.text(" …more: enlarge the terminal", x: inner.x, y: inner.maxY - 1, width: inner.width, role: .muted)
        }
    }
}

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
            "q quits · T changes the theme",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let wrapped = TextLayout.truncate(line, to: max(1, size.width - 2))
            let x = max(0, (size.width - DisplayWidth.of(wrapped)) / 2)
            canvas.text(wrapped, x: x, y: top + i, role: i == 0 ? .heading : (i == 2 ? .warning : .muted))
        }
        if size.height >= 3 {
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: 1), role: .titleBar)
            canvas.text(" Trilateral │ following '\(following.session)'", x: 0, y: 0, width: size.width, role: .titleBar)
            Chrome.statusBar(state, rect: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), canvas: &canvas)
        }
    }
}
