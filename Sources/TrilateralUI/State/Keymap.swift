/// The keymap (see `guide/KEYS.md`): turns input into actions for the current mode.
public enum Keymap {
    /// One line of the help overlay.
    public struct Binding: Sendable {
        public let keys: String
        public let does: String
    }

    /// Every key of the dashboard, as the help overlay lists it.
    public static let dashboard: [Binding] = [
        .init(keys: "q  Ctrl-C", does: "quit (Ctrl-Z suspends)"),
        .init(keys: "?", does: "this help (any key closes it)"),
        .init(keys: "Tab S-Tab 1-9", does: "next / previous pane, pane N"),
        .init(keys: "arrows h j k l", does: "move (timeline: ←→ event in time, ↑↓ lane)"),
        .init(keys: "PgUp PgDn Home End", does: "page, first, last"),
        .init(keys: "Enter", does: "open the selection in the detail pane"),
        .init(keys: "/  n N", does: "search the briefing; next / previous match"),
        .init(keys: "z", does: "zoom the focused pane to the whole screen and back"),
        .init(keys: "t  + -  .", does: "timeline full screen; zoom dates; jump to as-of"),
        .init(keys: "w", does: "what-if panel: flip the article's conditions"),
        .init(keys: "c  e", does: "compare with the baseline; explain an outlook"),
        .init(keys: "H  S", does: "\"as it happened\" on the timeline; hindsight scorecard"),
        .init(keys: "b  Space ←  s", does: "guided tour: start/leave, next, back; speaker notes"),
        .init(keys: "T", does: "next colour theme"),
        .init(keys: "Esc", does: "clear the search, close help or zoom"),
        .init(keys: "mouse", does: "click focuses and selects; wheel scrolls"),
    ]

    /// Keys inside the what-if panel.
    public static let whatIf: [Binding] = [
        .init(keys: "1-6", does: "cycle factor N to its next option"),
        .init(keys: "↑ ↓  j k", does: "move within the column"),
        .init(keys: "← →  h l  Tab", does: "factors and presets / outlooks"),
        .init(keys: "Space Enter", does: "cycle the factor / apply the preset"),
        .init(keys: "Enter  e", does: "on an outlook: explain it"),
        .init(keys: "r  u", does: "reset to the baseline / undo the last change"),
        .init(keys: "w  Esc", does: "close the panel"),
    ]

    /// The action for an input in the current state, or nil for none.
    public static func action(for input: Input, in state: AppState) -> Action? {
        switch input {
        case .resize(let size): return .resize(size)
        case .mouse where state.following != nil:
            return nil
        case .mouse(let m):
            switch m.kind {
            case .press: return .click(x: m.x, y: m.y)
            case .wheelUp: return .scroll(x: m.x, y: m.y, by: -3)
            case .wheelDown: return .scroll(x: m.x, y: m.y, by: 3)
            }
        case .key(let key) where state.following != nil:
            return followerAction(for: key, in: state)
        case .key(let key):
            if state.helpVisible {
                switch key {
                case .char("q"), .ctrl("c"): return .quit
                default: return .toggleHelp
                }
            }
            if state.search.editing { return searchAction(for: key) }
            if state.tourStep != nil, let action = tourAction(for: key) { return action }
            if state.scorecardVisible, let action = scorecardAction(for: key) { return action }
            if state.whatIfVisible, let action = whatIfAction(for: key) { return action }
            if state.focusedPane == .timeline, let action = timelineAction(for: key) { return action }
            return action(for: key)
        }
    }

    /// A follower's keys: quit, theme, help; anything else says who drives.
    static func followerAction(for key: Key, in state: AppState) -> Action {
        switch key {
        case .char("q"), .ctrl("c"): return .quit
        case _ where state.helpVisible: return .toggleHelp
        case .char("?"): return .toggleHelp
        case .char("T"): return .cycleTheme
        default: return .followerHint
        }
    }

    /// Keys while the search prompt is open: everything typed goes into the query.
    static func searchAction(for key: Key) -> Action? {
        switch key {
        case .char(let c): .searchInput(c)
        case .backspace, .delete: .searchBackspace
        case .enter: .searchCommit
        case .escape, .ctrl("c"), .ctrl("g"): .searchCancel
        default: nil
        }
    }

    /// Keys during the tour; everything else still browses (the presenter can wander off).
    static func tourAction(for key: Key) -> Action? {
        switch key {
        case .char(" "), .right, .pageDown: .tourStep(1)
        case .left, .backspace, .pageUp: .tourStep(-1)
        case .char("s"): .toggleNotes
        case .char("b"): .toggleTour
        default: nil
        }
    }

    static func scorecardAction(for key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .scorecardMove(-1)
        case .down, .char("j"): .scorecardMove(1)
        case .char("S"), .escape: .toggleScorecard
        default: nil
        }
    }

    static func whatIfAction(for key: Key) -> Action? {
        switch key {
        case .char(let c) where c.isASCII && (1...9).contains(c.wholeNumberValue ?? 0): .cycleFactor(c.wholeNumberValue! - 1)
        case .up, .char("k"): .whatIfMove(-1)
        case .down, .char("j"): .whatIfMove(1)
        case .left, .right, .char("h"), .char("l"), .tab, .backTab: .whatIfSwitchColumn
        case .char(" "), .enter: .whatIfActivate
        case .char("e"): .explain
        case .char("r"): .resetScenario
        case .char("u"): .undoScenario
        case .char("w"), .escape: .toggleWhatIf
        default: nil
        }
    }

    static func timelineAction(for key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .changeLane(-1)
        case .down, .char("j"): .changeLane(1)
        case .char("+"), .char("="): .zoomTimeline(1)
        case .char("-"): .zoomTimeline(-1)
        case .char("."): .jumpToAsOf
        default: nil
        }
    }

    static func action(for key: Key) -> Action? {
        switch key {
        case .char("q"), .ctrl("c"): return .quit
        case .char("?"): return .toggleHelp
        case .tab: return .focusNext
        case .backTab: return .focusPrevious
        case .char(let c) where c.isASCII && (1...9).contains(c.wholeNumberValue ?? 0): return .focusPane(c.wholeNumberValue! - 1)
        case .down, .char("j"), .right, .char("l"): return .move(1)
        case .up, .char("k"), .left, .char("h"): return .move(-1)
        case .pageDown: return .page(1)
        case .pageUp: return .page(-1)
        case .home: return .first
        case .end: return .last
        case .enter: return .open
        case .char("z"): return .zoom
        case .char("t"): return .showTimeline
        case .char("T"): return .cycleTheme
        case .char("H"): return .toggleHindsight
        case .char("S"): return .toggleScorecard
        case .char("b"): return .toggleTour
        case .char("w"): return .toggleWhatIf
        case .char("c"): return .compare
        case .char("e"): return .explain
        case .char("r"): return .resetScenario
        case .char("u"): return .undoScenario
        case .char("/"): return .searchStart
        case .char("n"): return .searchNext
        case .char("N"): return .searchPrevious
        case .escape: return .closeOverlay
        case .char(let c): return .unbound(String(c))
        default: return nil
        }
    }
}
