import TrilateralModel
import TrilateralUI

/// Where on the handout the presenter's screen is: the section (a handout section id), and the
/// item inside it if one is open — an element found by id (`anchor`), then the `n`th element
/// matching a fixed selector of the page's own (`list`) under it. Ids come from the briefing,
/// so the page looks them up with `getElementById`, never as a selector.
public struct PresenterPlace: Equatable, Sendable {
    public var section: String
    public var anchor: String?
    public var list: String?
    public var n: Int?

    public init(section: String, anchor: String? = nil, list: String? = nil, n: Int? = nil) {
        self.section = section; self.anchor = anchor; self.list = list; self.n = n
    }

    /// The place a view shows: a panel first (what-if, scorecard), else the item the detail
    /// pane has open, else the focused pane.
    public init(view: SharedState, briefing: Briefing) {
        if view.panel == .whatIf { self.init(section: "what-if"); return }
        if view.panel == .scorecard { self.init(section: "scorecard"); return }
        if let item = view.detail.opened, let place = Self.place(of: item, in: briefing, hindsight: Self.showsHindsight(view)) { self = place; return }
        let focus = view.panes.focus
        if briefing.pillars.indices.contains(focus) { self = Self.pillar(focus, in: briefing); return }
        self.init(section: focus == briefing.pillars.count ? "timeline" : "key-points")
    }

    /// Whether the page for a view shows what happened after the briefing (the hindsight
    /// layer, and with it the scorecard): when the presenter's timeline shows it, or the
    /// presenter has the scorecard open. The page is built to match (`LivePage`).
    public static func showsHindsight(_ view: SharedState) -> Bool {
        view.timeline.hindsight || view.panel == .scorecard
    }

    static func pillar(_ p: Int, in briefing: Briefing) -> PresenterPlace {
        let pillar = briefing.pillars[p]
        return PresenterPlace(section: pillar.kind == .cooperation ? "pillars" : "foundations", anchor: "pillar-" + pillar.id)
    }

    /// The handout's element for an item (see `HandoutHTML`: commitments are the `li` of a
    /// pillar's list, drivers the `li` of the drivers list, charts the section's figures, events
    /// the rows of the second timeline table, which hold the hindsight layer's only on a page that
    /// shows it).
    static func place(of item: Item, in briefing: Briefing, hindsight: Bool) -> PresenterPlace? {
        switch item {
        case .commitment(let p, let i):
            guard briefing.pillars.indices.contains(p), briefing.pillars[p].commitments.indices.contains(i) else { return nil }
            var place = pillar(p, in: briefing)
            place.list = ".commitments > li"
            place.n = i
            return place
        case .driver(let i):
            guard briefing.drivers.indices.contains(i) else { return nil }
            return PresenterPlace(section: "foundations", anchor: "foundations", list: ".drivers > li", n: i)
        case .chart(let i):
            guard briefing.series.indices.contains(i) else { return nil }
            return PresenterPlace(section: "data", anchor: "data", list: "figure", n: i)
        case .event(let i):
            guard briefing.events.indices.contains(i), hindsight || briefing.events[i].layer == .briefing else { return PresenterPlace(section: "timeline") }
            let row = briefing.events[..<i].filter { hindsight || $0.layer == .briefing }.count
            return PresenterPlace(section: "timeline", anchor: "timeline", list: "div.scroll:last-of-type tbody > tr", n: row)
        case .outlook(let target):
            if let p = briefing.pillars.firstIndex(where: { $0.id == target }) { return pillar(p, in: briefing) }
            return PresenterPlace(section: "what-if")
        }
    }
}
