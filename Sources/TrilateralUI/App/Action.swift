import TrilateralModel

/// Everything a user, a replayed script or a presenter can do, routed to the feature that owns
/// it: `AppReducer.reduce` only looks at the case and hands the rest to that feature's `reduce`.
public enum Action: Equatable, Sendable {
    case app(AppAction)
    case panes(PanesAction)
    case search(SearchAction)
    case timeline(TimelineAction)
    case whatIf(WhatIfAction)
    case scorecard(ScorecardAction)
    case tour(TourAction)
    case help(HelpAction)
    case theme(ThemeAction)
    case follow(FollowAction)
    case reload(ReloadAction)
    case clock(ClockAction)
    case detail(DetailAction)
    case poll(PollAction)
}

/// What concerns the whole dashboard rather than one feature.
public enum AppAction: Equatable, Sendable {
    case quit
    /// Ctrl-Z: the terminal restored and the process stopped (`fg` brings it back).
    case suspend
    case resize(Size)
    /// Esc: clears the search, or closes help, or leaves a zoom — the first that applies.
    case escape
    /// A key with no meaning here: a hint instead of silence.
    case unbound(String)
    /// A message for the status bar until the next key (the command line's, e.g. how to
    /// follow a presenter, or a feature's); nil clears it.
    case flash(String?)
    /// How many follow this presenter, and how many of them browse on their own.
    case audience(Audience)
    /// How the room joins (`present --ssh`, `--web`): shown beside the audience count.
    case doors([String])
    /// The full-screen panel slot: a panel, or none.
    case panel(Panel?)
    /// An effect for the event loop, asked for by a feature (a new theme, a presenter view's key).
    case perform(Effect)
    /// A presenter's view, put on this follower's screen at its own size (`AppState.adopt`).
    indirect case adopt(SharedState)
    /// Another briefing in this one's place, the view carried over by ids (`AppState.carried`).
    indirect case replaceBriefing(Briefing)
}

/// What the event loop must do for the reducer, which itself only changes state: the reducer
/// returns these and the loop performs them (quit, suspend, repaint in a new theme).
public enum Effect: Equatable, Sendable {
    case quit
    case suspend
    /// The theme changed: every cell is drawn again in the new colours.
    case themeChanged
    /// A presenter view's key, for the presenter to perform on its tour.
    case toPresenter(PresenterCommand)
}
