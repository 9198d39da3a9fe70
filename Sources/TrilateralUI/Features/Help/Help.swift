/// Opening, scrolling and closing the help overlay (each terminal's own).
public enum HelpAction: Equatable, Sendable {
    case toggle
    /// Moves the lines by this many (positive: on).
    case scroll(Int)
    /// Closes it, if open (a tour step, Esc).
    case close
}

extension Mode {
    /// The help overlay: any key closes it (a long one scrolls first).
    public static let help = Mode("help", title: "help overlay", below: .nothing) { $0.local.helpVisible }
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
            if let step = key.verticalStep { return .help(.scroll(step)) }
            switch key {
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

    static func reduce(_ help: inout HelpSlice, _ action: HelpAction, in state: AppState) -> [Action] {
        switch action {
        case .toggle:
            help.visible.toggle()
            help.top = 0
        case .scroll(let lines):
            help.top = max(0, min(help.top + lines, HelpGeometry.maximumTop(state)))
        case .close:
            help.visible = false
        }
        return []
    }
}

/// The help overlay's own state, kept on each terminal (`LocalState.helpVisible`, `helpTop`).
struct HelpSlice {
    var visible: Bool
    var top: Int
}
