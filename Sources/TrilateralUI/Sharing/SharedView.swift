import TrilateralModel

/// What a presenter shares with the people following along: the part of the view a room
/// should see — view, focus, selection, scroll, opened item, scenario, tour step, search.
/// Speaker notes, theme, help and terminal size stay with each terminal.
///
/// A follower applies it with `apply(to:)`, which checks every index against its own copy of
/// the briefing, so a stale or hostile message can only ever select something that exists.
public struct SharedView: Codable, Equatable, Sendable {
    public var focus: Int
    public var selection: [Int]
    public var scroll: [Int]
    /// The detail pane's item (`Item.code`).
    public var opened: String?
    public var zoomed: Bool
    public var timelineZoom: Int
    public var hindsight: Bool
    /// Factor id → option id, and the factors left open.
    public var scenario: [String: String]
    public var unsettled: [String]
    public var whatIf: Bool
    public var whatIfOutlooks: Bool
    public var whatIfRow: Int
    public var outlookRow: Int
    public var scorecard: Bool
    public var scorecardRow: Int
    public var tourStep: Int?
    public var search: String
    public var searchEditing: Bool
    public var searchCurrent: Int?
    public var lastPillar: Int?

    /// The shareable part of a presenter's state.
    public init(of state: AppState) {
        focus = state.focus
        selection = state.selection
        scroll = state.scroll
        opened = state.opened?.code
        zoomed = state.zoomed
        timelineZoom = state.timelineZoom
        hindsight = state.hindsightVisible
        scenario = state.scenario.choices
        unsettled = state.scenario.unsettled.sorted()
        whatIf = state.whatIfVisible
        whatIfOutlooks = state.whatIfColumn == .outlooks
        whatIfRow = state.whatIfRow
        outlookRow = state.outlookRow
        scorecard = state.scorecardVisible
        scorecardRow = state.scorecardRow
        tourStep = state.tourStep
        search = state.search.query
        searchEditing = state.search.editing
        searchCurrent = state.search.current
        lastPillar = state.lastPillar
    }

    /// Puts this view on a follower's state, at the follower's own size. Out-of-range values
    /// are clamped or dropped; unknown factors and options are ignored.
    public func apply(to state: inout AppState) {
        let panes = state.panes.indices
        func clamp(_ value: Int, _ count: Int) -> Int { count <= 0 ? 0 : max(0, min(value, count - 1)) }
        state.hindsightVisible = hindsight
        state.focus = clamp(focus, panes.count)
        state.lastPillar = lastPillar.flatMap { p -> Int? in
            guard panes.contains(p), case .pillar = state.panes[p] else { return nil }
            return p
        }
        state.opened = opened.flatMap { Item(code: $0, briefing: state.briefing) }
        state.zoomed = zoomed
        state.timelineZoom = max(1, min(64, timelineZoom))
        let b = state.briefing
        var choices = Scenario.baseline(of: b).choices
        for factor in b.factors {
            if let option = scenario[factor.id], factor.options.contains(where: { $0.id == option }) { choices[factor.id] = option }
        }
        let next = Scenario(choices: choices, unsettled: Set(unsettled.filter { choices[$0] != nil }))
        if next != state.scenario {
            state.scenario = next
            state.recomputeOutlooks()
        }
        state.whatIfVisible = whatIf
        state.whatIfColumn = whatIfOutlooks ? .outlooks : .choices
        state.whatIfRow = clamp(whatIfRow, b.factors.count + b.presets.count)
        state.outlookRow = clamp(outlookRow, b.targets.count)
        state.scorecardVisible = scorecard && !b.scorecard.isEmpty
        state.scorecardRow = clamp(scorecardRow, b.scorecard.count)
        state.tourStep = tourStep.flatMap { b.tour.indices.contains($0) ? $0 : nil }
        state.notesVisible = false
        var found = Search(query: String(search.prefix(200)), editing: searchEditing)
        found.matches = state.findMatches(found.query)
        found.current = searchCurrent.flatMap { found.matches.indices.contains($0) ? $0 : nil }
        state.search = found
        // Scroll as the presenter did, then select: at this follower's (maybe smaller) size the
        // selection is clamped and scrolled into sight, moving as little as possible.
        for pane in panes {
            let count = state.items(in: pane).count
            state.scroll[pane] = scroll.indices.contains(pane) ? clamp(scroll[pane], count) : 0
            Reducer.select(&state, pane: pane, to: selection.indices.contains(pane) ? max(0, selection[pane]) : 0)
        }
    }
}

extension Item {
    /// A stable text form of an item, for the shared view: `commitment:0:2`, `event:14`,
    /// `outlook:supply-chains`.
    public var code: String {
        switch self {
        case .commitment(let p, let i): "commitment:\(p):\(i)"
        case .driver(let i): "driver:\(i)"
        case .chart(let i): "chart:\(i)"
        case .event(let i): "event:\(i)"
        case .outlook(let id): "outlook:\(id)"
        }
    }

    /// The item a code names, if it exists in `briefing`.
    public init?(code: String, briefing b: Briefing) {
        let parts = code.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let numbers = parts.dropFirst().compactMap { Int($0) }
        switch (parts.first, numbers.count, parts.count) {
        case ("commitment", 2, 3) where b.pillars.indices.contains(numbers[0]) && b.pillars[numbers[0]].commitments.indices.contains(numbers[1]):
            self = .commitment(pillar: numbers[0], index: numbers[1])
        case ("driver", 1, 2) where b.drivers.indices.contains(numbers[0]): self = .driver(numbers[0])
        case ("chart", 1, 2) where b.series.indices.contains(numbers[0]): self = .chart(numbers[0])
        case ("event", 1, 2) where b.events.indices.contains(numbers[0]): self = .event(numbers[0])
        case ("outlook", _, 2) where b.targets.contains(where: { $0.id == parts[1] }): self = .outlook(parts[1])
        default: return nil
        }
    }
}
