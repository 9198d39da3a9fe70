import TrilateralModel

/// Putting a shared view that was made on another briefing, or another copy of it, onto this
/// state: a presenter's view on a follower, or the view before a reload on the new file. What
/// it points at by position is clamped to what this briefing has; factors and options it does
/// not know fall back to the baseline.
extension AppState {
    /// `value` within `0..<count` (0 when there is nothing).
    static func clamp(_ value: Int, _ count: Int) -> Int { count <= 0 ? 0 : max(0, min(value, count - 1)) }

    /// Takes the panels of `view`: the what-if panel, its rows and scenario (outlooks
    /// recomputed once), the scorecard (its scroll bounded at this size) and the tour step.
    mutating func takePanels(from view: SharedState) {
        let b = briefing
        shared.panel = view.panel == .scorecard && b.scorecard.isEmpty ? nil : view.panel
        shared.whatIf.column = view.whatIf.column
        shared.whatIf.row = Self.clamp(view.whatIf.row, b.factors.count + b.presets.count)
        shared.whatIf.outlookRow = Self.clamp(view.whatIf.outlookRow, b.targets.count)
        shared.scorecard = ScorecardState(row: Self.clamp(view.scorecard.row, b.scorecard.count))
        shared.tour.step = view.tour.step.flatMap { b.tour.indices.contains($0) ? $0 : nil }
        let scenario = view.whatIf.scenario.mapped(onto: b)
        if scenario != shared.whatIf.scenario { shared.whatIf.set(scenario, briefing: b) }
        // Last: how far the account scrolls depends on the expectation and the outlooks.
        Scorecard.scroll(&self, to: view.scorecard.top)
    }
}
