import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralShare
@testable import TrilateralUI

/// A follower puts the presenter's shared state on its own screen, through its reducer.
@Suite("Following a presenter")
struct FollowTests {
    let briefing = BuiltInBriefings.standard

    func presenter(_ keys: String, size: Size = Size(width: 200, height: 60)) -> AppState {
        var state = AppState(briefing: briefing, size: size)
        for input in try! KeyScript.parse(keys).get() { AppReducer.handle(&state, input) }
        return state
    }

    func follower(size: Size) -> AppState {
        var state = AppState(briefing: briefing, size: size, theme: ThemeState(names: ["dark", "light"], current: "light"))
        AppReducer.reduce(&state, .follow(.start(session: "s")))
        AppReducer.reduce(&state, .follow(.link(.live)))
        return state
    }

    /// The shared state as it crosses the wire: encoded, framed, read back.
    func overTheWire(_ state: SharedState) throws -> SharedState {
        var reader = FrameReader()
        guard case .view(let view)? = try reader.feed(Data(Wire.preamble) + Wire.frame(state)).first else { throw ProbeError("no view") }
        return view
    }

    @Test("a follower at another size shows the presenter's pane, selection, tour step and scenario")
    func follows() throws {
        let state = presenter("bjj<Right><Right><Right>")
        var follower = follower(size: Size(width: 80, height: 24))
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(state.shared))))
        #expect(follower.shared.tour.step == state.shared.tour.step)
        #expect(follower.shared.panes.focus == state.shared.panes.focus)
        #expect(follower.selectedItem(in: follower.shared.panes.focus) == state.selectedItem(in: state.shared.panes.focus))
        #expect(follower.shared.whatIf.scenario == state.shared.whatIf.scenario)
        #expect(follower.shared.whatIf.outlooks == state.shared.whatIf.outlooks, "outlooks are recomputed, not sent")
        #expect(follower.shared.detail.opened == state.shared.detail.opened)
        #expect(follower.local.theme.current == "light")
        #expect(follower.local.notesVisible == false)
    }

    @Test("speaker notes, the theme and the undo history are not shared")
    func privateParts() throws {
        let state = presenter("w12bsT")
        #expect(state.local.notesVisible && state.local.theme.current != "dark" || state.local.notesVisible)
        let json = String(decoding: try JSONEncoder().encode(state.shared), as: UTF8.self)
        #expect(!json.contains("notes"))
        #expect(!json.contains("history"))
        #expect(!json.contains("outlooks"))
        #expect(!json.contains("light"))
    }

    @Test("out-of-range indices and unknown names are clamped or dropped, never trusted")
    func hostile() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(presenter("").shared)) as! [String: Any]
        json["panes"] = ["focus": 99, "selection": [Int.max, -5, 1_000_000], "scroll": [-1], "zoomed": false]
        json["detail"] = ["opened": ["event": ["_0": 999_999]], "top": -7]
        json["tour"] = ["step": 500]
        json["search"] = ["query": String(repeating: "é", count: 10_000), "editing": false, "current": 42]
        var whatIf = json["whatIf"] as! [String: Any]
        whatIf["row"] = -3
        whatIf["scenario"] = ["choices": ["no-such-factor": "x", "us-election": "no-such-option"], "unsettled": ["nope"]]
        json["whatIf"] = whatIf
        let view = try JSONDecoder().decode(SharedState.self, from: JSONSerialization.data(withJSONObject: json))
        var follower = follower(size: Size(width: 80, height: 24))
        AppReducer.reduce(&follower, .follow(.received(view)))
        #expect(follower.panes.indices.contains(follower.shared.panes.focus))
        for pane in follower.panes.indices where follower.panes[pane] != .detail {
            let count = follower.items(in: pane).count
            #expect(follower.shared.panes.selection[pane] >= 0 && (count == 0 || follower.shared.panes.selection[pane] < count))
        }
        #expect(follower.shared.detail.opened == nil)
        #expect(follower.shared.detail.top == 0)
        #expect(follower.shared.tour.step == nil)
        #expect(follower.shared.whatIf.scenario == Scenario.baseline(of: briefing))
        #expect(follower.shared.whatIf.row == 0)
        #expect(follower.shared.search.query.count == Limits.searchLength)
        #expect(follower.shared.search.current == nil)
        #expect(FrameInvariantsLite.ok(Dashboard.render(follower)))
        // An outlook is named by id: one this briefing lacks is dropped too.
        json["detail"] = ["opened": ["outlook": ["_0": "no-such-target"]], "top": 0]
        let unknown = try JSONDecoder().decode(SharedState.self, from: JSONSerialization.data(withJSONObject: json))
        AppReducer.reduce(&follower, .follow(.received(unknown)))
        #expect(follower.shared.detail.opened == nil)
    }

    @Test("a follower's keys: q, T and ? work; anything else leaves the view alone and says why")
    func followerKeys() {
        var follower = follower(size: Size(width: 120, height: 40))
        let before = follower.shared
        for input in try! KeyScript.parse("jj<Tab>wb/x<Enter>1<click:10,10>").get() { AppReducer.handle(&follower, input) }
        #expect(follower.shared == before)
        AppReducer.handle(&follower, .key(.char("j")))
        #expect(follower.local.flash?.contains("f to browse on your own (following, only q, ?, T, f and F work)") == true)
        AppReducer.handle(&follower, .key(.char("T")))
        #expect(follower.local.theme.current == "dark")
        AppReducer.handle(&follower, .key(.char("?")))
        #expect(follower.local.helpVisible)
        AppReducer.handle(&follower, .key(.char("x")))
        #expect(!follower.local.helpVisible)
        #expect(AppReducer.handle(&follower, .key(.char("q"))) == [.quit])
    }

    @Test("f: browsing on your own, every key works here, the presenter's views wait; f again snaps to the newest")
    func browsingOnYourOwn() throws {
        var follower = follower(size: Size(width: 120, height: 40))
        let first = presenter("2")
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(first.shared))))
        AppReducer.handle(&follower, .key(.char("f")))
        #expect(follower.local.following?.browsing == true)
        // Keys work locally: another pane, an item opened, a factor flipped.
        for input in try! KeyScript.parse("3j<Enter>w1").get() { AppReducer.handle(&follower, input) }
        #expect(follower.shared.panes.focus == 2)
        #expect(follower.shared.whatIf.scenario != first.shared.whatIf.scenario)
        // The presenter moves on; the view waits, and the status bar says where the presenter is.
        let later = presenter("b<Space><Space><Space>")
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(later.shared))))
        #expect(follower.shared.tour.step == nil)
        #expect(CanvasText.plain(Dashboard.render(follower)).contains("step 4/13"))
        // f: back with the presenter at once, at its newest view.
        AppReducer.handle(&follower, .key(.char("f")))
        #expect(follower.local.following?.browsing == false)
        #expect(follower.shared.tour.step == later.shared.tour.step)
        #expect(follower.shared.whatIf.scenario == later.shared.whatIf.scenario)
    }

    @Test("F: browse until the presenter's next tour step, then follow again by itself")
    func browseUntilNextStep() throws {
        var follower = follower(size: Size(width: 120, height: 40))
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(presenter("b").shared))))
        AppReducer.handle(&follower, .key(.char("F")))
        AppReducer.handle(&follower, .key(.char("z")))
        // A view with the same step (the presenter opened notes) does not end it.
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(presenter("bs").shared))))
        #expect(follower.local.following?.browsing == true)
        AppReducer.reduce(&follower, .follow(.received(try overTheWire(presenter("b<Space>").shared))))
        #expect(follower.local.following?.browsing == false)
        #expect(follower.shared.tour.step == 1)
    }

    @Test("f does nothing for someone who is not following")
    func fIsAFollowerKey() {
        var state = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        AppReducer.handle(&state, .key(.char("f")))
        #expect(state.local.flash?.contains("does nothing here") == true)
    }
}

/// The frame checks the share tests need (the UI tests have the full set).
enum FrameInvariantsLite {
    static func ok(_ canvas: Canvas) -> Bool {
        canvas.cells.count == canvas.size.width * canvas.size.height
            && !canvas.cells.contains { $0.grapheme.unicodeScalars.contains(where: String.isUnsafeForTerminal) }
    }

}

/// When a follower tries to join again.
@Suite("Waiting for a presenter")
struct WaitingTests {
    @Test("an absent presenter is waited for through the watch, not a timer, after the tries that follow a wake-up")
    func absentPresenterIsWaitedForByWatch() {
        #expect(Subscriber.plan(absent: true, watched: true, triesAfterWake: 0, delay: 0.4) == .onWake)
        #expect(Subscriber.plan(absent: true, watched: true, triesAfterWake: 2, delay: 0.4) == .after(0.4), "bound but not yet listening")
        #expect(Subscriber.plan(absent: true, watched: false, triesAfterWake: 0, delay: 1) == .after(1), "no folder to watch yet")
        #expect(Subscriber.plan(absent: false, watched: true, triesAfterWake: 0, delay: 1) == .after(1), "there, but busy or refusing")
    }
}
