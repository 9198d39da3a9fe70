import TrilateralModel

/// What a watched briefing file (`--watch`) did when it last changed.
public enum ReloadAction: Equatable, Sendable {
    /// It loads: the new briefing replaces the old, the view carried over by ids.
    indirect case replaced(Briefing)
    /// It does not load: the located problem (`file:line:col: field: message`); the last good
    /// briefing stays on screen until the file is fixed.
    case failed(String)
}

/// Live reload: a new version of the briefing file takes the old one's place without losing
/// the reader's place. Pane, selection, opened item, scenario, timeline, panels, tour step and
/// search are kept wherever the ids they point at still exist (items are indices, which a
/// changed file moves; ids do not): the app applies that (`AppState.carried`).
enum Reload {
    static func reduce(_ problem: inout String?, _ action: ReloadAction) -> [Action] {
        switch action {
        case .replaced(let briefing):
            let fixed = problem != nil
            problem = nil
            return [.app(.replaceBriefing(briefing)), .flash(fixed ? "briefing fixed and reloaded" : "briefing reloaded")]
        case .failed(let located):
            problem = located
            return []
        }
    }
}
