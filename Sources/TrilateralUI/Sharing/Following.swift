import TrilateralModel

/// A follower's link to a presenter (`trilateral follow`): which session it follows and whether
/// the presenter is there. A follower's keys are limited to q, T and ?; the presenter drives.
public struct Following: Sendable, Equatable {
    /// Where the link stands.
    public enum Link: Sendable, Equatable {
        /// No presenter yet, or it went away: the reason, shown on the waiting screen.
        case waiting(String)
        /// Connected and showing the presenter's view.
        case live
    }

    public var session: String
    public var link: Link

    public init(session: String, link: Link = .waiting("connecting…")) {
        self.session = session
        self.link = link
    }

    public var isLive: Bool { link == .live }

    /// The keys a follower has, as the help overlay lists them.
    public static let keys: [Keymap.Binding] = [
        .init(keys: "q  Ctrl-C", does: "stop following (the presenter carries on)"),
        .init(keys: "T", does: "next colour theme (yours only)"),
        .init(keys: "?", does: "this help (any key closes it)"),
        .init(keys: "", does: "the presenter drives everything else"),
    ]
}

extension AppState {
    /// The same terminal's state on another briefing (a follower whose presenter changed
    /// briefing): its theme, help and link carry over; everything else starts afresh.
    public func rebased(on briefing: Briefing) -> AppState {
        var next = AppState(briefing: briefing, size: size, themeNames: themeNames, themeName: themeName, ascii: ascii)
        next.themeProblems = themeProblems
        next.themeCursor = themeCursor
        next.helpVisible = helpVisible
        next.following = following
        return next
    }
}
