import TrilateralModel

/// The panes of the dashboard, numbered 1… in this order: one per pillar, the timeline, the detail.
public enum PaneKind: Hashable, Sendable {
    case pillar(Int)
    case timeline
    case detail
}

/// An item a pane lists, and what the detail pane can show.
public enum Item: Hashable, Sendable {
    case commitment(pillar: Int, index: Int)
    case driver(Int)
    case chart(Int)
    case event(Int)
    /// A target's outlook and the rules behind it (the `e` explanation).
    case outlook(String)
}

/// Where the what-if panel's cursor is: the factor and preset list, or the outlook table.
public enum WhatIfColumn: Hashable, Sendable { case choices, outlooks }

/// The whole state of a session: what is focused, selected, open and shown. A value; only
/// `update` changes it, and `view` draws it.
public struct AppState: Sendable {
    public let briefing: Briefing
    public var size: Size
    public let panes: [PaneKind]
    public var focus: Int = 0
    /// Per pane: the selected item (the first visible line, for the detail pane).
    public var selection: [Int]
    /// Per pane: the first visible list row.
    public var scroll: [Int]
    /// The item shown in the detail pane.
    public var opened: Item?
    public var helpVisible = false
    /// How far the timeline is zoomed in: 1 shows the whole span, each step doubles.
    public var timelineZoom = 1
    public var zoomed = false
    public var quitRequested = false
    /// The names of the themes `T` cycles through, and the current one (shown in the status
    /// bar); the themes themselves live at the edge, which draws with `themeName`.
    public let themeNames: [String]
    public var themeName: String
    /// Themes in the cycle that failed to load, with their first error: `T` reports and skips them.
    public var themeProblems: [String: String] = [:]
    /// Where `T` is in `themeNames` (it moves past broken themes that `themeName` never takes).
    public var themeCursor = 0
    /// A short message in the status bar until the next key.
    public var flash: String?
    /// Draw with ASCII only (non-UTF-8 locale).
    public var ascii: Bool
    /// The what-if scenario the outlooks follow (the baseline to start with).
    public var scenario: Scenario
    /// Each target's outlook under `scenario`, recomputed whenever it changes.
    public private(set) var outlooks: [String: Outlook]
    /// Each target's outlook under the baseline, to show change against.
    public let baselineOutlooks: [String: Outlook]
    /// Earlier scenarios, for `u` (undo).
    public var scenarioHistory: [Scenario] = []
    /// The what-if panel: shown, which column has the cursor, and the row in each.
    public var whatIfVisible = false
    /// The guided tour: the current step (nil when not touring) and the presenter's notes strip.
    public var tourStep: Int?
    public var notesVisible = false
    /// The hindsight scorecard (`S`) and its selected row.
    public var scorecardVisible = false
    public var scorecardRow = 0
    /// Each target's best-to-worst range when the scenario leaves factors unsettled.
    public private(set) var outlookRanges: [String: ClosedRange<Int>] = [:]

    /// The full-body panel on screen, if any (the scorecard wins over the what-if panel).
    public enum Panel: Sendable { case whatIf, scorecard }
    public var openPanel: Panel? { scorecardVisible ? .scorecard : (whatIfVisible ? .whatIf : nil) }
    public var whatIfColumn = WhatIfColumn.choices
    public var whatIfRow = 0
    public var outlookRow = 0

    /// Set when this terminal follows a presenter (`trilateral follow`) instead of driving.
    public var following: Following?

    /// The pillar pane focused most recently (the one the two-column layout expands).
    public var lastPillar: Int?

    public init(briefing: Briefing, size: Size, themeNames: [String] = ["dark"], themeName: String = "dark", ascii: Bool = false) {
        self.themeNames = themeNames.contains(themeName) ? themeNames : themeNames + [themeName]
        self.themeCursor = self.themeNames.firstIndex(of: themeName) ?? 0
        self.briefing = briefing
        self.size = size
        let panes: [PaneKind] = briefing.pillars.indices.map { .pillar($0) } + [.timeline, .detail]
        self.panes = panes
        let lists = panes.map { AppState.listItems($0, briefing: briefing) }
        self.paneItems = lists
        let index = SearchIndex(briefing: briefing, lists: lists)
        self.searchIndex = index.panes
        self.timelines = [false, true].map { TimelineIndex(briefing: briefing, hindsight: $0, search: index) }
        self.timelineSpans = [false, true].map { TimeScale.span(of: briefing, hindsight: $0) }
        self.selection = Array(repeating: 0, count: panes.count)
        self.scroll = Array(repeating: 0, count: panes.count)
        self.themeName = themeName
        self.ascii = ascii
        let baseline = Scenario.baseline(of: briefing)
        self.scenario = baseline
        let list = OutlookEngine(briefing: briefing).outlooks(for: baseline)
        self.baselineOutlooks = Dictionary(uniqueKeysWithValues: list.map { ($0.target, $0) })
        self.outlooks = baselineOutlooks
    }

    /// Re-evaluates every outlook for the current scenario.
    public mutating func recomputeOutlooks() {
        let engine = OutlookEngine(briefing: briefing)
        let list = engine.outlooks(for: scenario)
        outlooks = Dictionary(uniqueKeysWithValues: list.map { ($0.target, $0) })
        outlookRanges = scenario.unsettled.isEmpty ? [:] : engine.ranges(for: scenario)
    }

    public func outlook(for target: String) -> Outlook? { outlooks[target] }

    public var focusedPane: PaneKind { panes[focus] }
    public var timelinePane: Int { panes.firstIndex(of: .timeline)! }
    public var detailPane: Int { panes.firstIndex(of: .detail)! }

    /// The items each list pane shows, in display order (fixed for a briefing, so computed once;
    /// the timeline's come from `timeline`).
    let paneItems: [[Item]]

    /// The timeline's whole date span for each layer choice (without and with the "as it
    /// happened" layer), computed once.
    let timelineSpans: [(start: Int, end: Int)]
    /// The timeline's date span for the layers shown.
    var timelineSpan: (start: Int, end: Int) { timelineSpans[hindsightVisible ? 1 : 0] }

    /// The timeline's events, without and with the "as it happened" layer.
    let timelines: [TimelineIndex]
    /// The "as it happened" layer (`H`): hindsight events and actual tenures on the timeline.
    public var hindsightVisible = false
    /// The timeline's index for the layers shown.
    var timeline: TimelineIndex { timelines[hindsightVisible ? 1 : 0] }

    /// The items a pane lists, in display order.
    public func items(in pane: Int) -> [Item] { pane == timelinePane ? timeline.items : paneItems[pane] }

    /// For each timeline lane (partners, then the shared lane): the positions of its events in
    /// the timeline's item list, in date order. Lets a frame draw per column, not per event.
    public var timelineLanes: [[Int]] { timeline.lanes }

    /// Per pane and item: the folded text a search matches against (built once).
    func searchTexts(_ pane: Int) -> [String] { pane == timelinePane ? timeline.search : searchIndex[pane] }
    let searchIndex: [[String]]
    /// The search of the whole briefing (`/`, `n`, `N`).
    public var search = Search()

    static func listItems(_ kind: PaneKind, briefing: Briefing) -> [Item] {
        switch kind {
        case .pillar(let p):
            let pillar = briefing.pillars[p]
            var items = pillar.commitments.indices.map { Item.commitment(pillar: p, index: $0) }
            // Drivers and charts are listed by the first foundations pane, or by the last
            // pillar when a briefing has no foundations, so they are always reachable.
            let host = briefing.pillars.firstIndex { $0.kind == .foundation } ?? briefing.pillars.count - 1
            if p == host {
                items += briefing.drivers.indices.map { Item.driver($0) }
                items += briefing.series.indices.map { Item.chart($0) }
            }
            return items
        case .timeline, .detail:
            return []
        }
    }

    /// The selected item of a list pane.
    public func selectedItem(in pane: Int) -> Item? {
        let list = items(in: pane)
        return list.indices.contains(selection[pane]) ? list[selection[pane]] : nil
    }
}
