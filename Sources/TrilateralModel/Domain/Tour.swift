/// A guided tour through a briefing: ordered steps, each naming what to show, with a caption
/// for everyone and speaker notes for the presenter.
public struct TourStep: Sendable, Hashable {
    /// What a step puts on screen.
    public enum Show: Sendable, Hashable {
        /// A pillar pane, optionally with one of its commitments opened.
        case pillar(String, item: String?)
        /// The full-screen timeline at an event.
        case timeline(event: String)
        /// The what-if panel with a preset applied.
        case whatIf(preset: String)
        /// The explanation of a target's outlook under a preset.
        case explain(target: String, preset: String)
        /// Baseline against a preset for every target.
        case compare(preset: String)
        /// The hindsight scorecard.
        case scorecard
    }

    public var show: Show
    public var caption: String
    public var notes: String

    public init(show: Show, caption: String, notes: String) { self.show = show; self.caption = caption; self.notes = notes }
}
