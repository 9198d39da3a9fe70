import TrilateralModel

/// Opening the scorecard, moving through it, and reading on.
public enum ScorecardAction: Equatable, Sendable {
    case toggle
    case move(Int)
    /// Scrolls the account by pages (positive: down).
    case page(Int)
    /// Scrolls the account to a line, within what it holds at this size.
    case scroll(to: Int)
    /// A presenter's scorecard: its expectation (clamped to this briefing) and its scroll
    /// (bounded at this size).
    case adopt(ScorecardState)
}

extension Panel {
    /// The scorecard, full screen.
    public static let scorecard = Panel("scorecard", title: "Scorecard", spoken: "the scorecard") { !$0.scorecard.isEmpty }
}

extension Mode {
    /// The hindsight scorecard.
    public static let scorecard = Mode("scorecard", title: "scorecard") { $0.shared.panel == .scorecard }
}

/// The hindsight scorecard (`S`): the article's expectations against the record.
enum Scorecard {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "S", "the hindsight scorecard: expectations against the record", on: [.char("S")], .scorecard(.toggle)),
    ]
    static let inScorecard: [Binding] = [
        .vertical(.scorecard, "select an expectation", hint: Hint(keys: "↑↓", text: "select an expectation"),
                  up: .scorecard(.move(-1)), down: .scorecard(.move(1))),
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

    static func reduce(_ card: inout ScorecardState, _ action: ScorecardAction, in state: AppState) -> [Action] {
        switch action {
        case .toggle:
            if state.shared.panel == .scorecard { return [.app(.panel(nil))] }
            if state.briefing.scorecard.isEmpty { return [.flash("this briefing has no scorecard")] }
            return [.app(.panel(.scorecard))]
        case .move(let step):
            card.row = max(0, min(state.briefing.scorecard.count - 1, card.row + step))
            card.top = 0
        case .page(let pages):
            scroll(&card, to: card.top + pages * ScorecardGeometry.page(state), in: state)
        case .scroll(let top):
            scroll(&card, to: top, in: state)
        case .adopt(let view):
            card = ScorecardState(row: AppState.clamp(view.row, state.briefing.scorecard.count))
            scroll(&card, to: view.top, in: state)
        }
        return []
    }

    /// Scrolls the account, within what it holds at the current size.
    static func scroll(_ card: inout ScorecardState, to top: Int, in state: AppState) {
        card.top = max(0, min(top, ScorecardGeometry.maximumTop(state.with(\.shared.scorecard, card))))
    }
}
