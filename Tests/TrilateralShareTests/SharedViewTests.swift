import Foundation
import Testing
import TrilateralModel
import TrilateralShare
import TrilateralUI

@Suite("Shared view")
struct SharedViewTests {
    let briefing = BriefingLoader.builtIn()

    func presenter(_ keys: String, size: Size = Size(width: 200, height: 60)) -> AppState {
        var state = AppState(briefing: briefing, size: size)
        for input in try! KeyScript.parse(keys).get() { Reducer.handle(&state, input) }
        return state
    }

    func follower(size: Size) -> AppState {
        var state = AppState(briefing: briefing, size: size, themeNames: ["dark", "light"], themeName: "light")
        state.following = Following(session: "s", link: .live)
        return state
    }

    @Test("a follower at another size shows the presenter's pane, selection, tour step and scenario")
    func follows() throws {
        let state = presenter("bjj<Right><Right><Right>")
        var follower = follower(size: Size(width: 80, height: 24))
        let view = try JSONDecoder().decode(SharedView.self, from: JSONEncoder().encode(SharedView(of: state)))
        view.apply(to: &follower)
        #expect(follower.tourStep == state.tourStep)
        #expect(follower.focus == state.focus)
        #expect(follower.selectedItem(in: follower.focus) == state.selectedItem(in: state.focus))
        #expect(follower.scenario == state.scenario)
        #expect(follower.opened == state.opened)
        #expect(follower.themeName == "light")
        #expect(follower.notesVisible == false)
    }

    @Test("speaker notes and the theme are not shared")
    func privateParts() throws {
        var state = presenter("bs")
        state.themeName = "mono"
        let json = String(decoding: try JSONEncoder().encode(SharedView(of: state)), as: UTF8.self)
        #expect(!json.contains("notes"))
        #expect(!json.contains("mono"))
    }

    @Test("out-of-range indices and unknown names are clamped or dropped, never trusted")
    func hostile() {
        var view = SharedView(of: presenter(""))
        view.focus = 99
        view.selection = [Int.max, -5, 1_000_000]
        view.scroll = [-1]
        view.opened = "event:999999"
        view.scenario = ["no-such-factor": "x", "us-election": "no-such-option"]
        view.tourStep = 500
        view.whatIfRow = -3
        view.search = String(repeating: "é", count: 10_000)
        view.searchCurrent = 42
        var follower = follower(size: Size(width: 80, height: 24))
        view.apply(to: &follower)
        #expect(follower.panes.indices.contains(follower.focus))
        for pane in follower.panes.indices where follower.panes[pane] != .detail {
            let count = follower.items(in: pane).count
            #expect(follower.selection[pane] >= 0 && (count == 0 || follower.selection[pane] < count))
        }
        #expect(follower.opened == nil)
        #expect(follower.tourStep == nil)
        #expect(follower.scenario == Scenario.baseline(of: briefing))
        #expect(follower.whatIfRow == 0)
        _ = Dashboard.render(follower)
    }

    @Test("item codes round-trip and reject what the briefing lacks")
    func itemCodes() {
        let items: [Item] = [.commitment(pillar: 0, index: 1), .driver(0), .chart(0), .event(3), .outlook(briefing.targets[0].id)]
        for item in items { #expect(Item(code: item.code, briefing: briefing) == item) }
        for bad in ["", "event", "event:", "event:x", "commitment:0", "commitment:99:0", "outlook:nope", "driver:-1", "event:1:2"] {
            #expect(Item(code: bad, briefing: briefing) == nil, "\(bad)")
        }
    }

    @Test("a follower's keys: q, T and ? work; anything else leaves the view alone and says why")
    func followerKeys() {
        var follower = follower(size: Size(width: 120, height: 40))
        let before = SharedView(of: follower)
        for input in try! KeyScript.parse("jj<Tab>wb/x<Enter>1<click:10,10>").get() { Reducer.handle(&follower, input) }
        #expect(SharedView(of: follower) == before)
        Reducer.handle(&follower, .key(.char("j")))
        #expect(follower.flash?.contains("only q, T and ?") == true)
        Reducer.handle(&follower, .key(.char("T")))
        #expect(follower.themeName == "dark")
        Reducer.handle(&follower, .key(.char("?")))
        #expect(follower.helpVisible)
        Reducer.handle(&follower, .key(.char("x")))
        #expect(!follower.helpVisible)
        Reducer.handle(&follower, .key(.char("q")))
        #expect(follower.quitRequested)
    }
}
