/// Opening and closing the help overlay (each terminal's own).
public enum HelpAction: Equatable, Sendable {
    case toggle
}

/// The help overlay (`?`): every key of the mode on screen, made from the key table, and the
/// meaning of every glyph.
enum Help {
    static let bindings: [Binding] = [
        Binding(.dashboard, "?", "this help (any key closes it)", hint: Hint(keys: "?", text: "help", placement: .first), hintIn: [.dashboard, .timeline],
                followers: true, on: [.char("?")], .help(.toggle)),
        Binding(.help, "any key", "close the help (q quits)", hint: Hint(keys: "any key", text: "close help")) { key, _ in
            switch key {
            case .char("q"), .ctrl("c"): .app(.quit)
            default: .help(.toggle)
            }
        },
    ]

    static func reduce(_ state: inout AppState, _ action: HelpAction) {
        switch action {
        case .toggle: state.local.helpVisible.toggle()
        }
    }
}
