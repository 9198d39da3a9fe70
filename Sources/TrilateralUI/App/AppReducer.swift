import TrilateralModel

/// The top of the one-way flow: routes each action to the feature that owns it, runs that
/// feature on its own slice (`AppState.scope`), applies the consequences it returns, and
/// collects the effects the event loop should perform. The only writer of `AppState`.
public enum AppReducer {
    /// Applies one action and, depth first, every consequence it has. Pure: the same state
    /// and action give the same state and effects.
    @discardableResult
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects: [Effect] = []
        apply(action, to: &state, effects: &effects, depth: 0)
        return effects
    }

    /// Raw input through the key bindings (`Keymap`), then `reduce`. Any input clears the
    /// status-bar message (other actions — a resize, a follower's view, the audience count —
    /// leave it, so a notice stays until the user has seen it and pressed something).
    @discardableResult
    public static func handle(_ state: inout AppState, _ input: Input) -> [Effect] {
        state.local.flash = nil
        guard let action = Keymap.action(for: input, in: state) else { return [] }
        return reduce(&state, action)
    }

    /// The deepest chain of consequences a reduction may have: features ask each other for a
    /// few steps at most (a tour step focuses a pane, which scrolls the detail pane), so a
    /// deeper one is a loop between features, stopped here rather than overflowing the stack.
    static let maximumDepth = 8

    private static func apply(_ action: Action, to state: inout AppState, effects: inout [Effect], depth: Int) {
        if case .app(.perform(let effect)) = action { effects.append(effect); return }
        guard depth < maximumDepth else {
            assertionFailure("consequences loop: \(action)")
            return
        }
        for consequence in route(action, &state) {
            apply(consequence, to: &state, effects: &effects, depth: depth + 1)
        }
    }

    /// Runs the feature that owns `action` on its slice; returns its consequences.
    private static func route(_ action: Action, _ state: inout AppState) -> [Action] {
        switch action {
        case .app(let a): reduce(&state, a)
        case .panes(let a): state.scope(\.shared.panes) { Panes.reduce(&$0, a, in: $1) }
        case .detail(let a): state.scope(\.shared.detail) { Detail.reduce(&$0, a, in: $1) }
        case .search(let a): state.scope(\.shared.search) { Search.reduce(&$0, a, in: $1) }
        case .timeline(let a): state.scope(\.shared.timeline) { Timeline.reduce(&$0, a, in: $1) }
        case .whatIf(let a): state.scope(\.shared.whatIf) { WhatIf.reduce(&$0, a, in: $1) }
        case .scorecard(let a): state.scope(\.shared.scorecard) { Scorecard.reduce(&$0, a, in: $1) }
        case .tour(let a): state.scope(\.tourSlice) { Tour.reduce(&$0, a, in: $1) }
        case .help(let a): state.scope(\.helpSlice) { Help.reduce(&$0, a, in: $1) }
        case .theme(let a): state.scope(\.local.theme) { theme, _ in ThemeCycle.reduce(&theme, a) }
        case .follow(let a): state.scope(\.local.following) { Follow.reduce(&$0, a, in: $1) }
        case .clock(let a): state.scope(\.clockSlice) { Clock.reduce(&$0, a, in: $1) }
        case .reload(let a): state.scope(\.local.reloadProblem) { problem, _ in Reload.reduce(&problem, a) }
        case .poll(let a): state.scope(\.pollSlice) { Poll.reduce(&$0, a, in: $1) }
        }
    }

    /// What belongs to the whole dashboard: its size, the status-bar message, the audience,
    /// the panel slot, and putting another view or briefing in place of this one.
    static func reduce(_ state: inout AppState, _ action: AppAction) -> [Action] {
        switch action {
        case .quit:
            return [.app(.perform(.quit))]
        case .suspend:
            return [.app(.perform(.suspend))]
        case .resize(let size):
            state.local.size = size
            return [.panes(.keepSelectionsVisible)]
        case .escape:
            if state.shared.search.isActive && !state.local.helpVisible { return [.search(.cancel)] }
            if state.local.helpVisible { return [.help(.close)] }
            if state.shared.detail.reading { return [.detail(.back)] }
            if state.shared.panes.zoomed { return [.panes(.setZoom(false))] }
        case .unbound(let key):
            state.local.flash = "'\(key.escapingControls)' does nothing here — \(Keymap.key(for: .help(.toggle), in: state)) lists the keys"
        case .flash(let text):
            state.local.flash = text
        case .doors(let doors):
            state.local.doors = doors
            return []
        case .audience(let audience):
            state.local.audience = audience
            if let count = audience.poll { return [.poll(.tallied(count))] }
        case .panel(let panel):
            state.shared.panel = panel
        case .perform:
            break   // taken by `apply` before it routes
        case .adopt(let view):
            state.adopt(view)
        case .replaceBriefing(let briefing):
            state = state.carried(to: briefing)
        }
        return []
    }
}
