import BuiltInBriefings
import Foundation
import Testing
import TrilateralModel
@testable import TrilateralUI

/// One panel slot (`SharedState.panel`): one full-screen panel at a time by construction, and
/// views from before the slot, with a `visible` flag per panel, read both ways.
@Suite("The panel slot")
struct PanelSlotTests {
    static func state() -> AppState { AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40)) }

    @Test func openingOnePanelClosesTheOther() {
        var s = Self.state()
        AppReducer.handle(&s, .key(.char("w")))
        #expect(s.shared.panel == .whatIf)
        AppReducer.handle(&s, .key(.char("S")))
        #expect(s.shared.panel == .scorecard)
        AppReducer.handle(&s, .key(.char("S")))
        #expect(s.shared.panel == nil)
        AppReducer.handle(&s, .key(.char("S")))
        AppReducer.handle(&s, .key(.char("b")))
        #expect(s.shared.panel == nil, "a tour step puts its own view on screen")
    }

    /// What an older follower reads: each panel's `visible` flag, beside the new slot.
    @Test func aViewStillCarriesTheOldFlags() throws {
        var s = Self.state()
        AppReducer.handle(&s, .key(.char("S")))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(s.shared)) as! [String: Any]
        #expect(json["panel"] as? String == "scorecard")
        #expect((json["scorecard"] as? [String: Any])?["visible"] as? Bool == true)
        #expect((json["whatIf"] as? [String: Any])?["visible"] as? Bool == false)
        #expect(try JSONDecoder().decode(SharedState.self, from: JSONEncoder().encode(s.shared)) == s.shared)
    }

    /// What an older presenter sends: flags and no slot; the scorecard won when both were set.
    @Test(arguments: [(false, false, nil), (true, false, Panel.whatIf), (false, true, .scorecard), (true, true, .scorecard)] as [(Bool, Bool, Panel?)])
    func anOlderPresentersViewDecodes(_ whatIf: Bool, _ scorecard: Bool, _ expected: Panel?) throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.state().shared)) as! [String: Any]
        json["panel"] = nil
        var w = json["whatIf"] as! [String: Any]; w["visible"] = whatIf; json["whatIf"] = w
        var c = json["scorecard"] as! [String: Any]; c["visible"] = scorecard; json["scorecard"] = c
        let decoded = try JSONDecoder().decode(SharedState.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.panel == expected)
    }

    /// A newer presenter's panel this version does not have is no panel, not a broken view.
    @Test func aPanelThisVersionDoesNotKnowIsNoPanel() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.state().shared)) as! [String: Any]
        json["panel"] = "a-panel-from-the-future"
        let decoded = try JSONDecoder().decode(SharedState.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.panel == nil)
        #expect(Panel.named("what-if") == .whatIf && Panel.named("scorecard") == .scorecard)
    }
}
