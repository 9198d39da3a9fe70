import TrilateralModel

/// A full-screen panel over the panes, one at a time by construction: the shared state holds
/// one optional panel (`SharedState.panel`), as TCA's `@Presents` destination does, so opening
/// one closes any other without each feature having to know the rest. Each panel's feature
/// declares it (`extension Panel { static let … }`); `Dashboard.panels` draws it.
public struct Panel: Sendable, Hashable, CustomStringConvertible {
    /// Its name on the wire ("what-if", "scorecard").
    public let rawValue: String
    /// Its name in the status bar ("What if").
    let title: String
    /// How the presenter view says what the room sees ("the what-if panel").
    let spoken: String
    /// Whether a briefing has anything for it to show (a briefing without a scorecard has no
    /// scorecard panel, even when a presenter's view asks for one).
    let shows: @Sendable (Briefing) -> Bool

    init(_ rawValue: String, title: String, spoken: String, shows: @escaping @Sendable (Briefing) -> Bool = { _ in true }) {
        self.rawValue = rawValue; self.title = title; self.spoken = spoken; self.shows = shows
    }

    /// The panel of that wire name, if this version has it (an unknown one from a newer
    /// presenter is no panel).
    static func named(_ rawValue: String) -> Panel? { Dashboard.panels.first { $0.panel.rawValue == rawValue }?.panel }

    public var description: String { rawValue }
    public static func == (a: Panel, b: Panel) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension SharedState {
    enum CodingKeys: String, CodingKey { case panes, detail, timeline, whatIf, scorecard, tour, search, panel, poll }
    /// The flag each panel's state carried before the panel slot (wire protocol 4 as first
    /// released): still read from an older presenter's view and still written for an older follower.
    enum LegacyKeys: String, CodingKey { case visible }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        panes = try c.decode(PanesState.self, forKey: .panes)
        detail = try c.decodeIfPresent(DetailState.self, forKey: .detail) ?? DetailState()
        timeline = try c.decodeIfPresent(TimelineState.self, forKey: .timeline) ?? TimelineState()
        whatIf = try c.decode(WhatIfState.self, forKey: .whatIf)
        scorecard = try c.decodeIfPresent(ScorecardState.self, forKey: .scorecard) ?? ScorecardState()
        tour = try c.decodeIfPresent(TourState.self, forKey: .tour) ?? TourState()
        search = try c.decodeIfPresent(SearchState.self, forKey: .search) ?? SearchState()
        poll = try c.decodeIfPresent(PollState.self, forKey: .poll)
        if c.contains(.panel) {
            panel = try c.decodeIfPresent(String.self, forKey: .panel).flatMap(Panel.named)
        } else {
            // An older presenter: two flags, and the scorecard won when both were set.
            func flag(_ key: CodingKeys) -> Bool {
                (try? c.nestedContainer(keyedBy: LegacyKeys.self, forKey: key).decodeIfPresent(Bool.self, forKey: .visible)) == true
            }
            panel = flag(.scorecard) ? .scorecard : (flag(.whatIf) ? .whatIf : nil)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(panes, forKey: .panes)
        try c.encode(detail, forKey: .detail)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(tour, forKey: .tour)
        try c.encode(search, forKey: .search)
        try c.encodeIfPresent(panel?.rawValue, forKey: .panel)
        try c.encodeIfPresent(poll, forKey: .poll)
        try c.encode(LegacyFlag(state: whatIf, visible: panel == .whatIf), forKey: .whatIf)
        try c.encode(LegacyFlag(state: scorecard, visible: panel == .scorecard), forKey: .scorecard)
    }

    /// A panel's state with its old `visible` flag beside its own keys.
    struct LegacyFlag<State: Encodable>: Encodable {
        let state: State
        let visible: Bool
        func encode(to encoder: any Encoder) throws {
            try state.encode(to: encoder)
            var c = encoder.container(keyedBy: LegacyKeys.self)
            try c.encode(visible, forKey: .visible)
        }
    }
}
