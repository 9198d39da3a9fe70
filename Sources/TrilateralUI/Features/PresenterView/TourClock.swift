import TrilateralModel

/// The tour's clock: when the tour and its current step began (seconds since 1970, by the
/// presenter's clock) and, with `present --duration`, how long the talk should take. The
/// presenter keeps it (`LocalState.clock`) and sends it to its presenter view as a cue. Time
/// enters only through `ClockAction.tick`, so the reducers stay pure.
public struct TourClock: Codable, Equatable, Sendable {
    public var tourStarted: Double?
    public var stepStarted: Double?
    /// The step `stepStarted` belongs to.
    public var step: Int?
    /// The planned length of the talk, in seconds.
    public var duration: Double?

    public init(tourStarted: Double? = nil, stepStarted: Double? = nil, step: Int? = nil, duration: Double? = nil) {
        self.tourStarted = tourStarted; self.stepStarted = stepStarted; self.step = step; self.duration = duration
    }

    /// Whether a tour is running, so the clock needs a tick each second.
    public var running: Bool { tourStarted != nil }
}

/// What the presenter view asks of the presenter: the tour's next or previous step.
public enum PresenterCommand: String, Codable, Sendable {
    case next, previous
}

/// Time passing: the event loop's tick (the time now, and the wall clock as this terminal
/// shows it), and the talk's planned length.
public enum ClockAction: Equatable, Sendable {
    case tick(now: Double, wallClock: String)
    case plan(seconds: Double)
    /// The presenter's clock, on its presenter view.
    case cue(TourClock)
}

/// Keeps the presenter's clock: a tour that starts, a step that changes and a tour that ends
/// are stamped at the next tick (the loop ticks after every action, and each second while a
/// tour runs). A follower's clock is its presenter's, from the cue (`FollowAction.cue`).
enum Clock {
    static func reduce(_ slice: inout ClockSlice, _ action: ClockAction, in state: AppState) -> [Action] {
        switch action {
        case .plan(let seconds):
            slice.clock.duration = seconds > 0 ? seconds : nil
        case .cue(let clock):
            slice.clock = clock
        case .tick(let now, let wallClock):
            slice.now = now
            slice.wallClock = wallClock
            guard state.local.following == nil else { return [] }
            guard let step = state.shared.tour.step else {
                slice.clock = TourClock(duration: slice.clock.duration)
                return []
            }
            if slice.clock.tourStarted == nil { slice.clock.tourStarted = now }
            if slice.clock.step != step {
                slice.clock.step = step
                slice.clock.stepStarted = now
            }
        }
        return []
    }
}

/// The clock's own state, kept on each terminal (`LocalState.clock`, `now`, `wallClock`).
struct ClockSlice {
    var clock: TourClock
    var now: Double
    var wallClock: String
}
