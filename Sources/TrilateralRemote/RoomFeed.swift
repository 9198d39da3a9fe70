import TrilateralModel
import TrilateralUI

/// What a room's viewers are shown, kept for the next one to arrive: the presenter's briefing
/// (numbered: its `generation`, which the frame cache keys on) and newest view, as the state a
/// new viewer starts from. A value; its owner serialises it.
public struct RoomFeed: Sendable {
    /// The state a viewer arriving now starts from (nil before the presenter's hello).
    public private(set) var start: AppState?
    public private(set) var generation = 0
    private let session: String
    private let theme: ThemeState

    /// A room following the presenter's session `session`, its viewers in `theme`.
    public init(session: String, theme: ThemeState) {
        self.session = session
        self.theme = theme
    }

    /// The presenter's briefing, at first or after a reload: the next generation.
    public mutating func hello(_ briefing: Briefing) {
        generation += 1
        if var state = start {
            AppReducer.reduce(&state, .follow(.rebase(briefing)))
            start = state
            return
        }
        var state = AppState(briefing: briefing, size: Size(width: 80, height: 24), theme: theme)
        AppReducer.reduce(&state, .follow(.start(session: session)))
        AppReducer.reduce(&state, .follow(.link(.live)))
        start = state
    }

    /// The presenter's newest view.
    public mutating func view(_ view: SharedState) {
        guard var state = start else { return }
        AppReducer.reduce(&state, .follow(.received(view)))
        start = state
    }
}
