import TrilateralModel

/// The key table, assembled from the bindings each feature declares, and the dispatch that
/// turns input into actions for the modes on screen.
public enum Keymap {
    /// Every binding, mode by mode, in the order the help overlay and the README list them.
    public static let table: [Binding] =
        AppBindings.quitting + Help.bindings + Panes.navigation + Search.dashboard + Panes.zooming
        + Detail.bindings + Timeline.dashboard + WhatIf.dashboard + Scorecard.dashboard + Tour.dashboard + ThemeCycle.bindings
        + Follow.bindings + AppBindings.escaping + Panes.mouse
        + Timeline.inTimeline + WhatIf.inPanel + Poll.inWhatIf + Tour.inTour + Scorecard.inScorecard + Search.typing + Poll.answering + Poll.open + Poll.result
        + PresenterView.bindings

    /// Every mode, the first to take keys first: each feature declares its own (`Mode`), and
    /// this is the one line a new mode adds here.
    public static let allModes: [Mode] = [.help, .presenterView, .search, .poll, .pollOpen, .pollResult, .tour, .scorecard, .whatIf, .timeline, .dashboard]

    /// The modes taking keys now, the first one first. A follower watching its presenter has only
    /// the bindings marked for followers (and help).
    public static func modes(_ state: AppState) -> [Mode] {
        var on: [Mode] = []
        for mode in allModes where mode.isOn(state) {
            on.append(mode)
            switch mode.below {
            case .everything: continue
            case .dashboard: return mode == .dashboard ? on : on + [.dashboard]
            case .nothing: return on
            }
        }
        return on
    }

    /// Whether this terminal is watching a presenter (so only follower keys work); a follower
    /// browsing on its own has every key.
    static func watching(_ state: AppState) -> Bool { state.local.following?.isWatching == true }

    /// The action for an input in the current state, or nil for none.
    public static func action(for input: Input, in state: AppState) -> Action? {
        switch input {
        case .resize(let size):
            return .app(.resize(size))
        case .mouse(let m):
            guard !watching(state) else { return nil }
            switch m.kind {
            case .press: return .panes(.click(x: m.x, y: m.y))
            case .wheelUp: return .panes(.wheel(x: m.x, y: m.y, by: -3))
            case .wheelDown: return .panes(.wheel(x: m.x, y: m.y, by: 3))
            }
        case .key(let key):
            let modes = modes(state)
            let watching = watching(state)
            for binding in table where binding.everywhere {
                if let action = binding.action(for: key, in: state) { return action }
            }
            for mode in modes {
                for binding in table where binding.mode == mode && (!watching || binding.followers || mode == .help || mode == .presenterView) {
                    if let action = binding.action(for: key, in: state) { return action }
                }
            }
            if watching { return .follow(.onlyFollowerKeys) }
            if case .char(let c) = key { return .app(.unbound(String(c))) }
            return nil
        }
    }

    /// The bindings of a mode, in table order.
    public static func bindings(in mode: Mode) -> [Binding] { table.filter { $0.mode == mode } }

    /// The keys a follower has (for its help and its hint).
    public static var followerBindings: [Binding] { table.filter(\.followers) }

    /// The follower's keys for a sentence: "q, ? and T" (those that always work: not a poll's digits).
    public static var followerKeys: String {
        let keys = followerBindings.filter { !$0.everywhere && $0.mode == .dashboard }.map { $0.keys.split(separator: " ").first.map(String.init) ?? $0.keys }
        return keys.count > 1 ? keys.dropLast().joined(separator: ", ") + " and " + keys.last! : keys.joined()
    }

    /// The status-bar hints for the mode on top, in table order, with `1-N` made real.
    public static func hints(_ state: AppState) -> [Hint] {
        let presenterView = state.local.following?.presenterView == true
        let on = modes(state)
        let top: Mode? = watching(state) && !state.local.helpVisible && !presenterView ? nil : on.first
        // A follower watching sees its own keys, those of a mode only while it is on (a poll).
        let shown = top.map { mode in table.filter { $0.hintModes.contains(mode) } }
            ?? followerBindings.filter { $0.hint != nil && ($0.mode == .dashboard || on.contains($0.mode)) }
        // Help first, the mode's own keys, the dashboard's keys it shows too, quit last.
        func rank(_ b: Binding) -> Int {
            let placement = b.hint?.placement ?? .inOrder
            return placement == .inOrder ? (b.mode == top || (top == nil && b.mode != .dashboard) ? 1 : 2) : placement.rawValue
        }
        let bindings = shown.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return bindings.compactMap { binding in
            guard let hint = binding.hint, binding.available(state) else { return nil }
            guard hint.keys.contains("1-N") else { return hint }
            let count = switch binding.mode {
            case .whatIf: state.briefing.factors.count
            case .poll: state.poll.flatMap { p in state.briefing.factors.first { $0.id == p.factor } }?.options.count ?? 0
            default: state.panes.count
            }
            guard count > 0 else { return nil }
            return Hint(keys: hint.keys.replacing("1-N", with: count == 1 ? "1" : "1-\(min(9, count))"), text: hint.text)
        }
    }

}

/// The keys of the dashboard as a whole: quitting, suspending, and Esc.
enum AppBindings {
    static let quitting: [Binding] = [
        Binding(.dashboard, "q  Ctrl-C", "quit (a follower stops following)", hint: Hint(keys: "q", text: "quit", placement: .last),
                hintIn: [.dashboard, .timeline, .tour, .scorecard, .help, .presenterView], followers: true, on: [.char("q"), .ctrl("c")], .app(.quit)),
        Binding(.dashboard, "Ctrl-Z", "suspend (fg resumes)", followers: true, everywhere: true,
                on: [.ctrl("z")], .app(.suspend)),
    ]
    static let escaping: [Binding] = [
        Binding(.dashboard, "Esc", "clear the search, close help, the paragraphs (p) or zoom", on: [.escape], .app(.escape)),
    ]
}

extension Keymap {
    /// The key that does `action`, as the key table names it ("?", "w", "Enter"): how a
    /// message names a key, so it says what the table does. The key that does it now comes
    /// first; else (a message about what to press once this mode is over, e.g. after the search
    /// prompt) the key its binding takes in another mode. Bindings are tried in table order,
    /// each key in the order its binding lists them (so "w  Esc" gives "w").
    static func key(for action: Action, in state: AppState) -> String {
        for dispatched in [true, false] {
            for binding in table {
                for word in binding.keys.split(separator: " ") {
                    guard let key = Key.named(String(word)) else { continue }
                    let does = dispatched ? self.action(for: .key(key), in: state) : binding.action(for: key, in: state)
                    if does == action { return key.name }
                }
            }
        }
        assertionFailure("no key does \(action) here")
        return "?"
    }
}
