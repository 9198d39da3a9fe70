/// Everything a user (or a replayed session) can do; `update` gives each its meaning.
public enum Action: Hashable, Sendable {
    case quit
    case toggleHelp
    case closeOverlay
    case focusNext, focusPrevious
    case focusPane(Int)
    case move(Int)
    case page(Int)
    case first, last
    case open
    case zoom
    case showTimeline
    /// The "as it happened" layer on the timeline.
    case toggleHindsight
    /// The hindsight scorecard: the article's expectations against what happened.
    case toggleScorecard
    /// The guided tour: start or leave it, step by ±1, show the speaker notes.
    case toggleTour
    case tourStep(Int)
    case toggleNotes
    case scorecardMove(Int)
    /// Timeline: zoom the date axis in (+1) or out (-1).
    case zoomTimeline(Int)
    /// Timeline: select the event nearest the briefing's "as of" date.
    case jumpToAsOf
    /// Timeline: move to the nearest event on the lane above (-1) or below (+1).
    case changeLane(Int)
    case cycleTheme
    case resize(Size)
    case click(x: Int, y: Int)
    case scroll(x: Int, y: Int, by: Int)
    /// The what-if panel (`w`), and the comparison (`c`: the panel with the outlook table focused).
    case toggleWhatIf
    case compare
    /// Cycle factor N (0-based) to its next option.
    case cycleFactor(Int)
    /// What-if panel: move the cursor within its column, or switch column.
    case whatIfMove(Int)
    case whatIfSwitchColumn
    /// What-if panel: cycle the factor or apply the preset under the cursor; on an outlook, explain it.
    case whatIfActivate
    case applyPreset(Int)
    case resetScenario
    case undoScenario
    /// Explain an outlook: the focused pillar's, or the one under the what-if cursor.
    case explain
    /// Search: open the prompt, type, delete, run it, cancel it; step through matches; clear.
    case searchStart
    case searchInput(Character)
    case searchBackspace
    case searchCommit
    case searchCancel
    case searchNext
    case searchPrevious
    /// A follower pressed a key only the presenter has: say so.
    case followerHint
    /// A key with no meaning here: shows a hint instead of doing nothing silently.
    case unbound(String)
}
