import Testing
import TrilateralModel
import TrilateralUI
import TrilateralWebRoom

/// Where on the handout the presenter is, and — what the live script depends on — that every
/// place it names for the built-in briefing is on the live page: the section, the anchor
/// inside it, and the n-th element of the list under the anchor. A place that is not on the
/// page is a room whose browsers mark nothing.
@Suite("The presenter's place")
struct PresenterPlaceTests {
    static let b = Room.briefing
    static let page = PageText(html: Room.page.html)

    static func place(_ state: AppState) -> PresenterPlace { PresenterPlace(view: state.shared, briefing: b) }

    /// The page the room serves for a view: its scenario, and its layers (with hindsight and the
    /// scorecard when the presenter shows them).
    static func page(for view: SharedState) -> PageText {
        PageText(html: LivePage(briefing: b, scenario: view.whatIf.scenario, hindsight: PresenterPlace.showsHindsight(view)).html)
    }

    /// The start view with one change.
    static func view(_ change: (inout SharedState) -> Void) -> SharedState {
        var view = Room.fresh().shared
        change(&view)
        return view
    }

    @Test func theFocusedPillarIsItsArticle() {
        for (p, pillar) in Self.b.pillars.enumerated() {
            let place = PresenterPlace(view: Self.view { $0.panes.focus = p }, briefing: Self.b)
            #expect(place == PresenterPlace(section: pillar.kind == .cooperation ? "pillars" : "foundations", anchor: "pillar-\(pillar.id)"))
        }
        #expect(Self.b.pillars.contains { $0.kind == .foundation }, "the built-in briefing has both kinds")
        #expect(Self.place(Room.fresh()) == PresenterPlace(section: "pillars", anchor: "pillar-\(Self.b.pillars[0].id)"))
    }

    @Test func theTimelineAndDetailPanesAreTheirSections() {
        #expect(PresenterPlace(view: Self.view { $0.panes.focus = Self.b.pillars.count }, briefing: Self.b) == PresenterPlace(section: "timeline"))
        #expect(PresenterPlace(view: Self.view { $0.panes.focus = Self.b.pillars.count + 1 }, briefing: Self.b) == PresenterPlace(section: "key-points"))
    }

    @Test func theWhatIfPanelIsTheWhatIfSection() {
        let state = Room.run("w")
        #expect(state.shared.panel?.rawValue == "what-if")
        #expect(Self.place(state) == PresenterPlace(section: "what-if"))
    }

    @Test func anOpenedCommitmentIsItsListItem() {
        let first = Room.run("<Enter>")
        #expect(first.shared.detail.opened == .commitment(pillar: 0, index: 0))
        let anchor = "pillar-\(Self.b.pillars[0].id)"
        #expect(Self.place(first) == PresenterPlace(section: "pillars", anchor: anchor, list: ".commitments > li", n: 0))
        let second = Room.run("j<Enter>")
        #expect(second.shared.detail.opened == .commitment(pillar: 0, index: 1))
        #expect(Self.place(second) == PresenterPlace(section: "pillars", anchor: anchor, list: ".commitments > li", n: 1))
        // A panel wins over the opened item.
        #expect(Self.place(Room.run("<Enter>w")).section == "what-if")
    }

    /// Every place the presenter's panes, items and outlooks lead to, with what leads there.
    static var everyPlace: [(String, PresenterPlace)] {
        var out: [(String, PresenterPlace)] = []
        func add(_ what: String, _ change: (inout SharedState) -> Void) { out.append((what, PresenterPlace(view: view(change), briefing: b))) }
        for p in b.pillars.indices.map({ $0 }) + [b.pillars.count, b.pillars.count + 1] { add("focus on pane \(p)") { $0.panes.focus = p } }
        for (p, pillar) in b.pillars.enumerated() {
            for i in pillar.commitments.indices { add("commitment \(i) of \(pillar.id)") { $0.detail.opened = .commitment(pillar: p, index: i) } }
        }
        for i in b.drivers.indices { add("driver \(i)") { $0.detail.opened = .driver(i) } }
        for i in b.series.indices { add("chart \(i)") { $0.detail.opened = .chart(i) } }
        for (i, event) in b.events.enumerated() { add("event \(i) (\(event.id), \(event.layer))") { $0.detail.opened = .event(i) } }
        for target in b.targets { add("outlook of \(target.id)") { $0.detail.opened = .outlook(target.id) } }
        out.append(("the what-if panel", place(Room.run("w"))))
        return out
    }

    @Test func everyPlaceIsOnTheLivePage() {
        let places = Self.everyPlace
        #expect(places.count > 100, "the walk reaches every item of the built-in briefing")
        #expect(places.contains { $0.1.list == ".commitments > li" } && places.contains { $0.1.list == ".drivers > li" }
                && places.contains { $0.1.list == "figure" } && places.contains { $0.1.list?.contains("tbody") == true })
        for (what, place) in places {
            #expect(Self.page.problem(with: place) == nil, "\(what) → \(place)")
        }
    }

    /// The page reader the walk relies on refuses places the page lacks: one past the last
    /// item of each list, an unknown id, an anchor outside its section.
    @Test func thePageReaderRefusesWhatIsNotThere() throws {
        let b = Self.b
        let p = try #require(b.pillars.firstIndex { $0.kind == .cooperation && !$0.commitments.isEmpty })
        let anchor = "pillar-\(b.pillars[p].id)"
        let briefingEvents = b.events.filter { $0.layer == .briefing }.count
        for bad in [
            PresenterPlace(section: "pillars", anchor: anchor, list: ".commitments > li", n: b.pillars[p].commitments.count),
            PresenterPlace(section: "foundations", anchor: "foundations", list: ".drivers > li", n: b.drivers.count),
            PresenterPlace(section: "data", anchor: "data", list: "figure", n: b.series.count),
            PresenterPlace(section: "timeline", anchor: "timeline", list: "div.scroll:last-of-type tbody > tr", n: briefingEvents),
            PresenterPlace(section: "pillars", anchor: "pillar-no-such-pillar"),
            PresenterPlace(section: "foundations", anchor: anchor),
            PresenterPlace(section: "no-such-section"),
            PresenterPlace(section: "pillars", anchor: anchor, list: ".no-such-list > li", n: 0),
        ] {
            #expect(Self.page.problem(with: bad) != nil, "\(bad) is not on the page")
        }
        let last = PresenterPlace(section: "timeline", anchor: "timeline", list: "div.scroll:last-of-type tbody > tr", n: briefingEvents - 1)
        #expect(Self.page.problem(with: last) == nil)
    }

    /// Rows of the events table follow the briefing's own events, so the n-th row is the event.
    @Test func anEventsRowIsThatEvent() throws {
        let html = Self.page.html
        let timeline = try #require(Self.page.element(id: "timeline"))
        let table = try #require(PageText.last("<div class=\"scroll\"", in: timeline))
        let rows = table.split(separator: "<tr>").dropFirst(2)   // before the first row, the head's row
        for (i, event) in Self.b.events.enumerated() where event.layer == .briefing {
            let place = PresenterPlace(view: Self.view { $0.detail.opened = .event(i) }, briefing: Self.b)
            let n = try #require(place.n)
            try #require(rows.indices.contains(rows.startIndex + n), "row \(n) of \(rows.count)")
            #expect(rows[rows.startIndex + n].contains(Room.escaped(event.title)), "event \(event.id) is row \(n)")
        }
        #expect(!html.isEmpty)
    }

    /// The scorecard panel (`S`), which the built-in briefing has and its tour's last step
    /// opens, is a place too, on the page the room builds for it.
    @Test func theScorecardPanelIsOnTheLivePage() {
        let state = Room.run("S")
        #expect(state.shared.panel?.rawValue == "scorecard")
        let place = Self.place(state)
        #expect(PresenterPlace.showsHindsight(state.shared), "the scorecard is hindsight")
        #expect(Self.page(for: state.shared).problem(with: place) == nil, "the scorecard panel → \(place)")
    }

    /// Every step of the built-in tour lands on a place the live page has.
    @Test func everyTourStepIsOnTheLivePage() {
        var state = Room.run("b")
        for k in Self.b.tour.indices {
            #expect(state.shared.tour.step == k)
            let place = Self.place(state)
            #expect(Self.page(for: state.shared).problem(with: place) == nil, "tour step \(k + 1) (\(Self.b.tour[k].show)) → \(place)")
            Room.press(&state, "<Space>")
        }
    }
}
