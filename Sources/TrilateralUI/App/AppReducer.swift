import TrilateralModel

/// The top of the one-way flow: routes each action to the feature that owns it and returns the
/// effects the event loop should perform. The only writer of `AppState`.
public enum AppReducer {
    /// Applies one action. Pure: the same state and action give the same state and effects.
    @discardableResult
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .app(let a): return reduce(&state, a)
        case .panes(let a): Panes.reduce(&state, a)
        case .search(let a): Search.reduce(&state, a)
        case .timeline(let a): Timeline.reduce(&state, a)
        case .whatIf(let a): WhatIf.reduce(&state, a)
        case .scorecard(let a): Scorecard.reduce(&state, a)
        case .tour(let a): Tour.reduce(&state, a)
        case .help(let a): Help.reduce(&state, a)
        case .theme(let a): return ThemeCycle.reduce(&state, a)
        case .follow(let a): return Follow.reduce(&state, a)
        case .clock(let a): Clock.reduce(&state, a)
        case .reload(let a): Reload.reduce(&state, a)
        case .detail(let a): Detail.reduce(&state, a)
        }
        return []
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

    static func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .suspend:
            return [.suspend]
        case .resize(let size):
            state.local.size = size
            Panes.keepSelectionsVisible(&state)
        case .escape:
            if state.shared.search.isActive && !state.local.helpVisible { state.shared.search = SearchState() }
            else if state.local.helpVisible { state.local.helpVisible = false }
            else if state.shared.detail.reading { Detail.back(&state) }
            else if state.shared.panes.zoomed { state.shared.panes.zoomed = false }
        case .unbound(let key):
            state.local.flash = "'\(key.escapingControls)' does nothing here — ? lists the keys"
        case .notice(let text):
            state.local.flash = text
        case .audience(let audience):
            state.local.audience = audience
        }
        return []
    }
}
