import TrilateralModel

/// Where the guided tour is (nil when not touring): shared, so the room follows the steps.
/// The speaker notes strip is each presenter's own (`LocalState.notesVisible`).
public struct TourState: Codable, Equatable, Sendable {
    public var step: Int?
}

/// The tour's own state: the shared step and this terminal's speaker notes strip
/// (`LocalState.notesVisible`), which `AppState.tourSlice` reads and writes together.
struct TourSlice {
    var tour: TourState
    var notesVisible: Bool
}
