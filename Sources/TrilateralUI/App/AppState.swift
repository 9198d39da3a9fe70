import Synchronization
import TrilateralModel

/// The panes of the dashboard, numbered 1… in this order: one per pillar, the timeline, the detail.
public enum PaneKind: Hashable, Sendable {
    case pillar(Int)
    case timeline
    case detail
}

/// An item a pane lists, and what the detail pane can show.
public enum Item: Hashable, Sendable, Codable {
    case commitment(pillar: Int, index: Int)
    case driver(Int)
    case chart(Int)
    case event(Int)
    /// A target's outlook and the rules behind it (the `e` explanation).
    case outlook(String)
}

/// What a presenter shares with the people following along: the view a room should see —
/// panes, selection, opened item, timeline, scenario, panels, tour step, search. A follower
/// receives it whole and applies it with `Follow.reduce` (every index checked against its own
/// briefing). Values derived from it (outlooks, search matches) are not sent.
public struct SharedState: Codable, Equatable, Sendable {
    public var panes: PanesState
    public var detail = DetailState()
    public var timeline = TimelineState()
    public var whatIf: WhatIfState
    public var scorecard = ScorecardState()
    public var tour = TourState()
    public var search = SearchState()
    /// The full-screen panel on screen, if any: one slot, so one panel at a time.
    public var panel: Panel?
    /// The poll the room is asked, if any.
    public var poll: PollState?
}

/// What stays on each terminal: its size and glyphs, its theme, the help overlay, the speaker
/// notes, the status-bar message, and its link to a presenter when it follows one.
public struct LocalState: Equatable, Sendable {
    public var size: Size
    /// Draw with ASCII only (non-UTF-8 locale).
    public var ascii: Bool
    public var theme: ThemeState
    public var helpVisible = false
    /// The first line of the help overlay on screen (it scrolls when longer than the screen).
    public var helpTop = 0
    /// The tour's speaker notes strip (the presenter's own).
    public var notesVisible = false
    /// A short message in the status bar until the next key.
    public var flash: String?
    /// Set when this terminal follows a presenter (`trilateral follow`).
    public var following: Following?
    /// Why the watched briefing file's latest version does not load (`--watch`), shown until
    /// a version that loads replaces it.
    public var reloadProblem: String?
    /// A presenter's audience, once anyone has joined.
    public var audience: Audience?
    /// How a room joins this presenter beyond `trilateral follow` (`ssh -p 2222 host`,
    /// `http://host:8080/`, `code 482193`), for the status bar.
    public var doors: [String] = []
    /// The tour's clock: the presenter's own, or on a presenter view the presenter's cue.
    public var clock = TourClock()
    /// The time at the last tick (seconds since 1970), and the wall clock as this terminal
    /// shows it ("14:05"); both come from the event loop, through `ClockAction.tick`.
    public var now: Double = 0
    public var wallClock = ""
    /// The presenter's polls: blind or not, the live tally, the session's record.
    public var pollDesk = PollDesk()
    /// A follower's answer to the poll on screen.
    public var pollAnswer: PollAnswer?
}

/// The state of one dashboard: the briefing and what is derived from it once (`context`), what
/// a presenter shares (`shared`) and what stays on this terminal (`local`). A value; only the
/// reducer (`AppReducer.reduce`) changes it, and `Dashboard.render` draws it.
public struct AppState: Sendable {
    public let context: BriefingContext
    public internal(set) var shared: SharedState
    public internal(set) var local: LocalState

    /// A fresh dashboard on a briefing, at the baseline scenario.
    public init(briefing: Briefing, size: Size, theme: ThemeState = ThemeState(), ascii: Bool = false) {
        let context = BriefingContext.of(briefing)
        self.context = context
        shared = SharedState(panes: PanesState(paneCount: context.panes.count), whatIf: WhatIfState(context: context))
        local = LocalState(size: size, ascii: ascii, theme: theme)
    }

    /// The same terminal on another briefing (a follower whose presenter changed briefing):
    /// everything local carries over; the shared view starts afresh.
    init(briefing: Briefing, keeping local: LocalState) {
        self.init(briefing: briefing, size: local.size, theme: local.theme, ascii: local.ascii)
        self.local = local
    }

    public var briefing: Briefing { context.briefing }
    /// A country's colour role (plain text for an id the briefing does not name).
    func role(forCountry id: String?) -> StyleRole { id.flatMap { context.countryRoles[$0] } ?? .text }
    public var panes: [PaneKind] { context.panes }
    public var size: Size { local.size }
    public var ascii: Bool { local.ascii }
    public var focusedPane: PaneKind { panes[shared.panes.focus] }
    public var timelinePane: Int { context.timelinePane }
    public var detailPane: Int { context.detailPane }

    /// The items a pane lists, in display order (the timeline's follow the layers shown).
    public func items(in pane: Int) -> [Item] {
        pane == timelinePane ? timeline.items : context.paneItems[pane]
    }

    /// The timeline's index for the layers shown.
    var timeline: TimelineIndex { context.timelines[shared.timeline.hindsight ? 1 : 0] }

    /// The timeline's whole date span for the layers shown.
    var timelineSpan: (start: Int, end: Int) { context.timelineSpans[shared.timeline.hindsight ? 1 : 0] }

    /// For each timeline lane: the positions of its events in the timeline's item list.
    public var timelineLanes: [[Int]] { timeline.lanes }

    /// The selected item of a list pane.
    public func selectedItem(in pane: Int) -> Item? {
        let list = items(in: pane)
        let n = shared.panes.selection[pane]
        return list.indices.contains(n) ? list[n] : nil
    }

    /// Each target's outlook under the current scenario, and under the baseline.
    public func outlook(for target: String) -> Outlook? { shared.whatIf.outlooks[target] }
    public var baselineOutlooks: [String: Outlook] { context.baselineOutlooks }

}

/// What a briefing gives the dashboard once, and never changes: the panes and their items, the
/// timeline's indices and spans, the search index, and the outlooks at the baseline.
public struct BriefingContext: Sendable {
    public let briefing: Briefing
    public let panes: [PaneKind]
    let paneItems: [[Item]]
    let timelinePane: Int
    let detailPane: Int
    /// The timeline without and with the "as it happened" layer.
    let timelines: [TimelineIndex]
    let timelineSpans: [(start: Int, end: Int)]
    /// The folded texts search matches against: built on the first search.
    var search: SearchIndex { searchIndex.value }
    private let searchIndex: Memo<SearchIndex>
    /// The timeline's search texts without and with the hindsight layer, likewise.
    let timelineSearch: [Memo<[String]>]
    public let baselineOutlooks: [String: Outlook]
    /// Each country's colour role (`Glyphs.countryRoles`).
    let countryRoles: [String: StyleRole]

    /// The context of `briefing`: the last one made, when it was for an equal briefing (a
    /// door's hundreds of viewers, rebased on one reload, share one), else a new one.
    static func of(_ briefing: Briefing) -> BriefingContext {
        if let last = last.withLock({ $0 }), last.briefing == briefing { return last }
        let made = BriefingContext(briefing: briefing)
        last.withLock { $0 = made }
        return made
    }
    private static let last = Mutex<BriefingContext?>(nil)

    init(briefing: Briefing) {
        self.briefing = briefing
        let panes: [PaneKind] = briefing.pillars.indices.map { .pillar($0) } + [.timeline, .detail]
        self.panes = panes
        timelinePane = panes.count - 2
        detailPane = panes.count - 1
        let lists = panes.map { BriefingContext.listItems($0, briefing: briefing) }
        paneItems = lists
        let index = Memo { SearchIndex(briefing: briefing, lists: lists) }
        searchIndex = index
        let timelines = [false, true].map { TimelineIndex(briefing: briefing, hindsight: $0) }
        self.timelines = timelines
        timelineSearch = timelines.map { timeline in Memo { timeline.searchTexts(in: index.value) } }
        timelineSpans = [false, true].map { TimeScale.span(of: briefing, hindsight: $0) }
        let list = OutlookEngine(briefing: briefing).outlooks(for: Scenario.baseline(of: briefing))
        baselineOutlooks = Dictionary(uniqueKeysWithValues: list.map { ($0.target, $0) })
        countryRoles = Glyphs.countryRoles(briefing.countries)
    }

    static func listItems(_ kind: PaneKind, briefing: Briefing) -> [Item] {
        guard case .pillar(let p) = kind else { return [] }
        var items = briefing.pillars[p].commitments.indices.map { Item.commitment(pillar: p, index: $0) }
        // Drivers and charts are listed by the first foundations pane, or by the last pillar
        // when a briefing has no foundations, so they are always reachable.
        let host = briefing.pillars.firstIndex { $0.kind == .foundation } ?? briefing.pillars.count - 1
        if p == host {
            items += briefing.drivers.indices.map { Item.driver($0) }
            items += briefing.series.indices.map { Item.chart($0) }
        }
        return items
    }
}

/// Who is watching a presenter: followers following along, and followers browsing on their own.
/// Counts only; nothing about who they are or what they look at.
public struct Audience: Sendable, Equatable {
    public var watching: Int
    public var browsing: Int
    /// The room's answers to the open poll, when one is open.
    public var poll: PollCount?
    /// Of all of them, how many came by each route other than this host's own terminals.
    public var routes: [Route: Int]
    public init(watching: Int, browsing: Int, poll: PollCount? = nil, routes: [Route: Int] = [:]) {
        self.watching = watching; self.browsing = browsing; self.poll = poll; self.routes = routes.filter { $0.value > 0 }
    }

    /// How a viewer reached the presenter, besides `trilateral follow` on this host.
    public enum Route: String, Sendable, CaseIterable, Comparable {
        /// Through `present --ssh`'s own SSH server.
        case ssh
        /// In a browser, through `present --web`.
        case web

        /// "over ssh", "in a browser".
        var phrase: String { self == .ssh ? "over ssh" : "in a browser" }
        public static func < (a: Route, b: Route) -> Bool { a.rawValue < b.rawValue }
    }

    /// "3 watching · 1 browsing", "12 watching · 10 over ssh", "no one watching".
    public var summary: String {
        if watching + browsing == 0 { return "no one watching" }
        let routed = routes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.phrase)" }
        return (["\(watching) watching", browsing > 0 ? "\(browsing) browsing" : ""] + routed).joinedNonEmpty(" · ")
    }
}
