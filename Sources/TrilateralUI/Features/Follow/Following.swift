import TrilateralModel

/// A follower's link to a presenter (`trilateral follow`): which session it follows and whether
/// the presenter is there. Local to the follower.
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
}

/// What happens to a follower: its link to the presenter changes, a view arrives, or the
/// presenter's briefing replaces the one on screen.
public enum FollowAction: Sendable {
    /// Start following a session (`trilateral follow NAME`).
    case start(session: String)
    case link(Following.Link)
    /// The presenter's view: applied whole, every index checked against this briefing.
    case received(SharedState)
    /// The presenter's briefing, when it is not the one on screen.
    case rebase(Briefing)
    /// A key only the presenter has was pressed.
    case onlyFollowerKeys
}
