import TrilateralModel

/// Whether the hindsight scorecard is open and which expectation is selected: shared.
public struct ScorecardState: Codable, Equatable, Sendable {
    public var visible = false
    public var row = 0
}

/// Opening the scorecard and moving through it.
public enum ScorecardAction: Equatable, Sendable {
    case toggle
    case move(Int)
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
        Binding(.scorecard, "S  Esc", "close the scorecard", hint: Hint(keys: "S", text: "close"), on: [.char("S"), .escape], .scorecard(.toggle)),
    ]

    static func reduce(_ state: inout AppState, _ action: ScorecardAction) {
        switch action {
        case .toggle:
            state.shared.scorecard.visible.toggle()
            if state.shared.scorecard.visible && state.briefing.scorecard.isEmpty {
                state.shared.scorecard.visible = false
                state.local.flash = "this briefing has no scorecard"
            }
        case .move(let step):
            state.shared.scorecard.row = max(0, min(state.briefing.scorecard.count - 1, state.shared.scorecard.row + step))
        }
    }
}
