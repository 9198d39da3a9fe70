import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// Polls: the presenter asks about the factor under the what-if cursor, followers answer and
/// change their answers, the tally comes from the publisher's count, closing shows it to all
/// and keeps the record, Enter applies the majority, and a tie changes nothing.
@Suite("Polls")
struct PollReducerTests: DashboardTesting {
    /// A presenter with a poll open on the Korean succession (factor 5).
    func asking(blind: Bool = false) -> AppState {
        var s = fresh()
        if blind { AppReducer.reduce(&s, .poll(.blind(true))) }
        AppReducer.reduce(&s, .app(.audience(Audience(watching: 3, browsing: 0))))
        press(&s, "wjjjjP")
        return s
    }

    /// The publisher's count for poll `n`.
    func tally(_ s: inout AppState, _ counts: [Int], poll n: Int = 1, notAnswered: Int = 0) {
        AppReducer.reduce(&s, .app(.audience(Audience(watching: counts.reduce(0, +) + notAnswered, browsing: 0,
                                                      poll: PollCount(poll: n, counts: counts, notAnswered: notAnswered)))))
    }

    /// A follower that has the presenter's view `view`, watching or browsing.
    func follower(of view: SharedState, browsing: Bool = false) -> AppState {
        var s = fresh(80, 24)
        AppReducer.reduce(&s, .follow(.start(session: "talk")))
        AppReducer.reduce(&s, .follow(.link(.live)))
        if browsing { press(&s, "f") }
        AppReducer.reduce(&s, .follow(.received(view)))
        return s
    }

    @Test func pOpensAPollOnTheFactorUnderTheCursor() {
        let s = asking()
        #expect(s.shared.poll == PollState(number: 1, factor: "korea-2027", open: true, tally: [0, 0], notAnswered: 3))
        #expect(Keymap.modes(s).first == .pollOpen)
        #expect(CanvasText.plain(Dashboard.render(s)).contains("Poll 1 open"))
    }

    /// A presenter with its audience channel open (nobody has joined yet).
    func presenting() -> AppState {
        var s = fresh()
        AppReducer.reduce(&s, .app(.audience(Audience(watching: 0, browsing: 0))))
        return s
    }

    @Test func pAwayFromAFactorSaysWhereToPutTheCursor() {
        var s = presenting()
        press(&s, "wP")
        #expect(s.shared.poll != nil, "the first factor is under the cursor")
        var alone = fresh()
        press(&alone, "wP")
        #expect(alone.shared.poll == nil, "a dashboard that presents to nobody has no room to ask")
        #expect(!Keymap.hints(alone).contains { $0.keys == "P" })
        #expect(Keymap.hints(s).contains { $0.keys == "P" })
        var onPreset = presenting()
        press(&onPreset, "w")
        AppReducer.reduce(&onPreset, .whatIf(.move(20)))
        press(&onPreset, "P")
        #expect(onPreset.shared.poll == nil)
        #expect(onPreset.local.flash?.contains("put the what-if panel's cursor on one") == true)
        var outside = presenting()
        press(&outside, "P")
        #expect(outside.shared.poll == nil, "P is the what-if panel's key")
    }

    @Test func aFollowerAnswersChangesItsAnswerAndCannotPickANonOption() {
        var f = follower(of: asking().shared)
        #expect(f.poll?.open == true)
        #expect(Keymap.modes(f).first == .poll)
        press(&f, "2")
        #expect(f.pollAnswer == PollAnswer(poll: 1, option: 1))
        #expect(f.local.flash?.hasPrefix("you chose 2 Moon line") == true)
        press(&f, "1")
        #expect(f.pollAnswer == PollAnswer(poll: 1, option: 0))
        #expect(f.local.flash?.hasPrefix("changed to 1") == true)
        press(&f, "7")
        #expect(f.pollAnswer == PollAnswer(poll: 1, option: 0), "no option 7: the answer stays")
        #expect(CanvasText.plain(Dashboard.render(f)).contains("▸ 1 Continuity"))
    }

    @Test func aFollowerBrowsingOnItsOwnAnswersToo() {
        var f = follower(of: asking().shared, browsing: true)
        #expect(f.local.following?.browsing == true)
        press(&f, "2")
        #expect(f.pollAnswer == PollAnswer(poll: 1, option: 1))
        #expect(f.shared.panes.focus == 0, "the digit answered; it did not focus pane 2")
    }

    @Test func theTallyComesFromTheCountAndIsSharedUnlessBlind() {
        var s = asking()
        tally(&s, [1, 2], notAnswered: 0)
        #expect(s.shared.poll?.tally == [1, 2])
        tally(&s, [5, 5], poll: 7)
        #expect(s.shared.poll?.tally == [1, 2], "a count for another poll is not this one's")
        var blind = asking(blind: true)
        tally(&blind, [1, 2])
        #expect(blind.shared.poll?.tally == nil, "a blind poll's tally stays with the presenter until it closes")
        #expect(CanvasText.plain(Dashboard.render(blind)).contains("2 · 67%"), "the presenter sees it")
        press(&blind, "P")
        #expect(blind.shared.poll?.tally == [1, 2], "closed: everyone sees it")
    }

    @Test func aFollowerSeesTheTallyOnlyAfterAnswering() {
        var presenter = asking()
        tally(&presenter, [1, 2])
        var f = follower(of: presenter.shared)
        #expect(!CanvasText.plain(Dashboard.render(f)).contains("67%"))
        press(&f, "1")
        #expect(CanvasText.plain(Dashboard.render(f)).contains("67%"))
    }

    @Test func closingKeepsTheRecordAndEnterAppliesTheMajority() {
        var s = asking()
        AppReducer.reduce(&s, .clock(.tick(now: 1000, wallClock: "10:00")))
        tally(&s, [1, 2])
        press(&s, "P")
        #expect(s.shared.poll?.open == false)
        #expect(Keymap.modes(s).first == .pollResult)
        let record = s.local.pollDesk.record
        #expect(record.count == 1)
        #expect(record.first?.counts.map(\.count) == [1, 2])
        #expect(record.first?.question == "Which course does Yoon's successor take toward Japan?")
        press(&s, "<Enter>")
        #expect(s.shared.whatIf.scenario.choices["korea-2027"] == "moon-line")
        #expect(s.shared.poll == nil)
        #expect(s.local.pollDesk.record.first?.applied == "moon-line")
        #expect(s.local.pollDesk.record.first?.scenario == s.shared.whatIf.scenario.spec(in: s.briefing))
        press(&s, "u")
        #expect(s.shared.whatIf.scenario.choices["korea-2027"] == "continuity", "u undoes the room's choice like any change")
    }

    @Test func aTieOrNoAnswerChangesNothingAndSaysSo() {
        var tie = asking()
        tally(&tie, [2, 2])
        press(&tie, "P<Enter>")
        #expect(tie.shared.whatIf.scenario == fresh().shared.whatIf.scenario)
        #expect(tie.local.flash == "a tie: Continuity and Moon line, 2 each — the scenario is unchanged · P clears it")
        #expect(tie.shared.poll != nil, "the result stays until it is cleared")
        press(&tie, "P")
        #expect(tie.shared.poll == nil)
        var none = asking()
        press(&none, "P<Enter>")
        #expect(none.local.flash == "nobody answered poll 1: nothing to apply · P clears it")
    }

    @Test func aFollowerWhosePresenterIsGoneHasNoPollToAnswer() {
        var f = follower(of: asking().shared)
        press(&f, "2")
        AppReducer.reduce(&f, .follow(.link(.waiting("The presenter left."))))
        #expect(f.poll == nil)
        #expect(!Keymap.modes(f).contains(.poll))
        press(&f, "1")
        #expect(f.local.pollAnswer == PollAnswer(poll: 1, option: 1), "a digit on the waiting screen answers nothing")
        #expect(!Keymap.hints(f).contains { $0.text == "answer" })
    }

    @Test func anAnswerToAnotherPresentersPollOfTheSameNumberIsNotThisOnes() {
        var first = fresh()
        AppReducer.reduce(&first, .poll(.salt(7)))
        AppReducer.reduce(&first, .app(.audience(Audience(watching: 1, browsing: 0))))
        press(&first, "wjjjjP")
        var f = follower(of: first.shared)
        press(&f, "2")
        #expect(f.pollAnswer != nil)
        // The presenter restarts (a new salt) and asks its own poll 1 on another factor.
        var second = fresh()
        AppReducer.reduce(&second, .poll(.salt(8)))
        AppReducer.reduce(&second, .app(.audience(Audience(watching: 1, browsing: 0))))
        press(&second, "wP")
        #expect(second.shared.poll?.number == first.shared.poll?.number)
        AppReducer.reduce(&f, .follow(.received(second.shared)))
        #expect(f.pollAnswer == nil, "the old answer is not an answer to this poll")
        #expect(!CanvasText.plain(Dashboard.render(f)).contains("▸"))
    }

    @Test func aFactorWithMoreThanNineOptionsCannotBePolled() {
        var b = BuiltInBriefings.standard
        b.factors[0].options = (1...10).map { Factor.Option(id: "o\($0)", label: "Option \($0)") }
        b.factors[0].baseline = "o1"
        var s = AppState(briefing: b, size: Size(width: 120, height: 40))
        AppReducer.reduce(&s, .app(.audience(Audience(watching: 1, browsing: 0))))
        for input in try! KeyScript.parse("wP").get() { AppReducer.handle(&s, input) }
        #expect(s.shared.poll == nil)
        #expect(s.local.flash?.hasPrefix("a poll takes at most 9 options") == true)
    }

    @Test func aReloadThatChangesThePollsOptionsEndsThePoll() {
        let s = asking()
        var reordered = s.briefing
        let k = reordered.factors.firstIndex { $0.id == "korea-2027" }!
        reordered.factors[k].options.reverse()
        var same = s
        AppReducer.reduce(&same, .reload(.replaced(s.briefing)))
        #expect(same.shared.poll == s.shared.poll, "the same options: the poll goes on")
        var changed = s
        AppReducer.reduce(&changed, .reload(.replaced(reordered)))
        #expect(changed.shared.poll == nil, "answers are option indices: a reordered factor's poll cannot go on")
    }

    @Test func aHostilePollIsCheckedAgainstTheFollowersBriefing() {
        var view = asking().shared
        view.poll = PollState(number: 3, factor: "no-such-factor", open: true)
        #expect(follower(of: view).poll == nil)
        view.poll = PollState(number: 3, factor: "korea-2027", open: true, tally: [1, 2, 3, -1])
        let f = follower(of: view)
        #expect(f.poll?.tally == nil, "a tally that does not fit the options is dropped")
        view.poll = PollState(number: 0, factor: "korea-2027", open: true)
        #expect(follower(of: view).poll == nil)
    }

    @Test func aPresenterWithoutPollsStillDecodesAndANewOneIsReadByAnOldFollower() throws {
        let s = asking()
        let data = try JSONEncoder().encode(s.shared)
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["poll"] != nil)
        json.removeValue(forKey: "poll")
        let old = try JSONDecoder().decode(SharedState.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(old.poll == nil)
        #expect(old.panes == s.shared.panes)
    }

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Snapshots")

    /// The strip as the presenter and as a follower who answered see it, at 80×24 and 120×40,
    /// and a browsing follower's at the size where the options share one row.
    @Test func theStripOnEachScreen() {
        var presenter = asking()
        tally(&presenter, [1, 2])
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(presenter)), named: "poll-presenter-120x40", in: Self.snapshots)
        var follower = follower(of: presenter.shared)
        press(&follower, "2")
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(follower)), named: "poll-follower-80x24", in: Self.snapshots)
        var small = follower
        AppReducer.reduce(&small, .app(.resize(Size(width: 60, height: 14))))
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(small)), named: "poll-follower-60x14", in: Self.snapshots)
        press(&presenter, "P")
        let closed = self.follower(of: presenter.shared, browsing: true)
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(closed)), named: "poll-closed-browsing-80x24", in: Self.snapshots)
    }
}
