import TrilateralModel

/// Opening the scorecard, moving through it, and reading on.
public enum ScorecardAction: Equatable, Sendable {
    case toggle
    case move(Int)
    /// Scrolls the account by pages (positive: down).
    case page(Int)
}

/// The hindsight scorecard (`S`): the article's expectations against the record.
enum Scorecard {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "S", "the hindsight scorecard: expectations against the record", on: [.char("S")], .scorecard(.toggle)),
    ]
    static let inScorecard: [Binding] = [
        Binding(.scorecard, "↑↓ j k", "select an expectation", hint: Hint(keys: "↑↓", text: "select an expectation")) { key, _ in
            switch key {
            case .up, .char("k"): .scorecard(.move(-1))
            case .down, .char("j"): .scorecard(.move(1))
            default: nil
            }
        },
        Binding(.scorecard, "PgUp PgDn", "read the account of the expectation: what happened, the events, their sources",
                hint: Hint(keys: "PgDn", text: "read on")) { key, _ in
            switch key {
            case .pageUp: .scorecard(.page(-1))
            case .pageDown: .scorecard(.page(1))
            default: nil
            }
        },
        Binding(.scorecard, "S  Esc", "close the scorecard", hint: Hint(keys: "S", text: "close"), on: [.char("S"), .escape], .scorecard(.toggle)),
    ]

    static func reduce(_ state: inout AppState, _ action: ScorecardAction) {
        switch action {
        case .toggle:
            if state.shared.panel == .scorecard { state.shared.panel = nil }
            else if state.briefing.scorecard.isEmpty { state.local.flash = "this briefing has no scorecard" }
            else { state.shared.panel = .scorecard }
        case .move(let step):
            state.shared.scorecard.row = max(0, min(state.briefing.scorecard.count - 1, state.shared.scorecard.row + step))
            state.shared.scorecard.top = 0
        case .page(let pages):
            scroll(&state, to: state.shared.scorecard.top + pages * ScorecardGeometry.page(state))
        }
    }

    /// Scrolls the account, within what it holds at the current size.
    static func scroll(_ state: inout AppState, to top: Int) {
        state.shared.scorecard.top = max(0, min(top, ScorecardGeometry.maximumTop(state)))
    }
}
