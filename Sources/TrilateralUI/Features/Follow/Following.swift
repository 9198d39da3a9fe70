import TrilateralModel

/// A follower's link to a presenter (`trilateral follow`): which session it follows, whether
/// the presenter is there, and whether this viewer follows along or browses on its own (`f`).
/// Local to the follower.
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
    /// Browsing on its own: keys work here, and the presenter's views wait in `latest`.
    public var browsing = false
    /// Browsing until the presenter's next tour step (`F`), then following again.
    public var rejoinAtNextStep = false
    /// The presenter's newest view, applied at once when following, or when `f` comes back.
    public var latest: SharedState?
    /// The presenter's own second screen: notes, next step and clock, and keys that step the
    /// presenter's tour (never browsing on its own).
    public var presenterView = false

    public init(session: String, link: Link = .waiting("connecting…"), presenterView: Bool = false) {
        self.session = session
        self.link = link
        self.presenterView = presenterView
    }

    public var isLive: Bool { link == .live }
    /// Watching the presenter (not browsing): only follower keys work.
    public var isWatching: Bool { !browsing }
}

/// What happens to a follower: its link to the presenter changes, a view arrives, or the
/// presenter's briefing replaces the one on screen.
public enum FollowAction: Equatable, Sendable {
    /// Start following a session (`trilateral follow NAME`), or being its presenter view.
    case start(session: String, presenterView: Bool = false)
    /// The presenter's tour clock (presenter view only).
    case cue(TourClock)
    /// A presenter view's key for the presenter's tour.
    case command(PresenterCommand)
    case link(Following.Link)
    /// The presenter's view: applied whole, every index checked against this briefing.
    indirect case received(SharedState)
    /// The presenter's briefing, when it is not the one on screen.
    indirect case rebase(Briefing)
    /// A key only the presenter has was pressed.
    case onlyFollowerKeys
    /// `f`: browse on your own, or follow the presenter again (at its newest view).
    case toggleBrowsing
    /// `F`: browse on your own until the presenter's next tour step.
    case browseUntilNextStep
}
