/// Opening, scrolling and closing the help overlay (each terminal's own).
public enum HelpAction: Equatable, Sendable {
    case toggle
    /// Moves the lines by this many (positive: on).
    case scroll(Int)
}

/// The help overlay (`?`): every key of the mode on screen, made from the key table, and the
/// meaning of every glyph.
enum Help {
    static let bindings: [Binding] = [
        Binding(.dashboard, "?", "this help (any key closes it; ↑↓ PgDn scroll a long one)", hint: Hint(keys: "?", text: "help", placement: .first), hintIn: [.dashboard, .timeline, .presenterView],
                followers: true, on: [.char("?")], .help(.toggle)),
        // Only while the help is longer than the screen; otherwise these keys close it too.
        Binding(.help, "↑↓ j k PgUp PgDn", "scroll the help, when it is longer than the screen") { key, state in
            guard HelpGeometry.maximumTop(state) > 0 else { return nil }
            let page = HelpGeometry.page(state)
            switch key {
            case .up, .char("k"): return .help(.scroll(-1))
            case .down, .char("j"): return .help(.scroll(1))
            case .pageUp: return .help(.scroll(-page))
            case .pageDown: return .help(.scroll(page))
            default: return nil
            }
        },
        Binding(.help, "any key", "close the help (q quits)", hint: Hint(keys: "any key", text: "close help")) { key, _ in
            switch key {
            case .char("q"), .ctrl("c"): .app(.quit)
            default: .help(.toggle)
            }
        },
    ]

    static func reduce(_ state: inout AppState, _ action: HelpAction) {
        switch action {
        case .toggle:
            state.local.helpVisible.toggle()
            state.local.helpTop = 0
        case .scroll(let lines):
            state.local.helpTop = max(0, min(state.local.helpTop + lines, HelpGeometry.maximumTop(state)))
        }
    }
}
