import TrilateralModel

/// Where the guided tour is (nil when not touring): shared, so the room follows the steps.
/// The speaker notes strip is each presenter's own (`LocalState.notesVisible`).
public struct TourState: Codable, Equatable, Sendable {
    public var step: Int?
}
