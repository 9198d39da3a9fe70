/// How a feature's reducer runs: on its own slice of the state, with the whole state to read.
/// A feature never holds the `AppState` it could write; what it wants of the others (open an
/// item, focus a pane, set the scenario, flash a message) it returns as actions — its
/// consequences — and `AppReducer` applies them after it, in order, each by the feature that
/// owns what it changes (as TCA's `Scope` and delegate actions do).
extension AppState {
    /// Runs `reduce` on the slice at `slice`, with this state as read-only context, and
    /// returns its consequences. The slice is written back before any consequence runs.
    mutating func scope<Slice>(_ slice: WritableKeyPath<AppState, Slice>,
                               _ reduce: (inout Slice, AppState) -> [Action]) -> [Action] {
        var own = self[keyPath: slice]
        let consequences = reduce(&own, self)
        self[keyPath: slice] = own
        return consequences
    }

    /// This state with one slice as a feature has changed it so far: what the feature's
    /// geometry reads in the middle of a reduction (a list's scroll after its new selection).
    func with<Slice>(_ slice: WritableKeyPath<AppState, Slice>, _ value: Slice) -> AppState {
        var state = self
        state[keyPath: slice] = value
        return state
    }

    /// The tour's own state: its step (shared) and the speaker notes strip (this terminal's).
    var tourSlice: TourSlice {
        get { TourSlice(tour: shared.tour, notesVisible: local.notesVisible) }
        set { shared.tour = newValue.tour; local.notesVisible = newValue.notesVisible }
    }

    /// The help overlay's own state: whether it is open, and its first line on screen.
    var helpSlice: HelpSlice {
        get { HelpSlice(visible: local.helpVisible, top: local.helpTop) }
        set { local.helpVisible = newValue.visible; local.helpTop = newValue.top }
    }

    /// The clock's own state: the tour clock, the time at the last tick and the wall clock.
    var clockSlice: ClockSlice {
        get { ClockSlice(clock: local.clock, now: local.now, wallClock: local.wallClock) }
        set { local.clock = newValue.clock; local.now = newValue.now; local.wallClock = newValue.wallClock }
    }
}

extension Action {
    /// A message for the status bar until the next key (nil clears it).
    static func flash(_ text: String?) -> Action { .app(.flash(text)) }
}
