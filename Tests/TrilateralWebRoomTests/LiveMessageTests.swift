import Foundation
import Testing
import TrilateralExport
import TrilateralModel
import TrilateralUI
import TrilateralWebRoom

/// The JSON messages over `/live`: `view` says where the presenter is and the tour caption;
/// `scenario` carries every cooperation pillar's figures, the same a fresh page would show;
/// the scenario key changes exactly when the scenario does; `reload` and `end` are small.
@Suite("Live messages")
struct LiveMessageTests {
    @Test func theStartViewNamesTheFirstPillar() throws {
        let state = Room.fresh()
        let m = try Room.json(LiveMessage.view(state.shared, briefing: Room.briefing))
        let first = Room.briefing.pillars[0]
        #expect(first.kind == .cooperation)
        #expect(m["t"] as? String == "view")
        #expect(m["section"] as? String == "pillars")
        #expect(m["anchor"] as? String == "pillar-\(first.id)")
        #expect(m["list"] == nil && m["n"] == nil, "nothing opened")
        #expect(m["step"] == nil && m["caption"] == nil, "not touring")
        #expect(m["scenario"] as? String == LiveMessage.scenarioKey(Room.baseline))
    }

    @Test func aTourStepCarriesItsNumberAndCaption() throws {
        let state = Room.run("b<Space>")
        #expect(state.shared.tour.step == 1)
        let m = try Room.json(LiveMessage.view(state.shared, briefing: Room.briefing))
        #expect(m["step"] as? String == "Step 2/\(Room.briefing.tour.count)")
        #expect(m["caption"] as? String == Room.briefing.tour[1].caption)
        #expect(m["section"] as? String == PresenterPlace(view: state.shared, briefing: Room.briefing).section)
        // Leaving the tour drops the caption.
        let left = try Room.json(LiveMessage.view(Room.run("b<Space>b").shared, briefing: Room.briefing))
        #expect(left["step"] == nil && left["caption"] == nil)
    }

    /// The figures a `scenario` message puts in place are the ones a reload would show: for
    /// every cooperation pillar, in order, the gauge, level and change of the page built for
    /// that scenario, in the colour the page gives them.
    @Test(arguments: [nil, "downward-spiral", "as-it-happened", "trump-tariffs-allies"] as [String?])
    func theScenarioMessageMatchesAFreshPage(_ preset: String?) throws {
        let b = Room.briefing
        let scenario = try preset.map { Scenario.preset(try #require(b.preset($0)), in: b) } ?? Room.baseline
        let m = try Room.json(LiveMessage.scenario(scenario, briefing: b))
        #expect(m["t"] as? String == "scenario")
        let outlooks = try #require(m["outlooks"] as? [[String]])
        let cooperation = b.pillars.filter { $0.kind == .cooperation }
        #expect(outlooks.map { $0.first } == cooperation.map(\.id), "every cooperation pillar, in the briefing's order")
        let page = PageText(html: LivePage(briefing: b, scenario: scenario).html)
        for o in outlooks {
            try #require(o.count == 5, "id, level, change, colour, gauge: \(o)")
            let article = try #require(page.element(id: "pillar-\(o[0])"))
            let figures = "<span class=\"gauge\" style=\"color: var(--\(o[3]))\">\(Room.escaped(o[4]))</span> "
                + "<strong style=\"color: var(--\(o[3]))\">\(Room.escaped(o[1]))</strong> <span class=\"change\">\(Room.escaped(o[2]))</span>"
            #expect(article.contains(figures), "pillar \(o[0]): \(o) is not what the page for the scenario shows")
        }
        let name = try #require(m["name"] as? String)
        #expect(page.html.contains("<p class=\"scenario\">Scenario: <strong>\(Room.escaped(name))</strong>"))
        #expect(name == Handout(briefing: b, scenario: scenario, hindsight: false).scenarioName)
    }

    /// Tariffs on allies move the cooperation outlooks (a downward spiral moves only the
    /// legs and the whole): the figures sent move with them.
    @Test func theScenarioMessageChangesWithTheScenario() throws {
        let b = Room.briefing
        let tariffs = Scenario.preset(try #require(b.preset("trump-tariffs-allies")), in: b)
        let before = try #require(try Room.json(LiveMessage.scenario(Room.baseline, briefing: b))["outlooks"] as? [[String]])
        let after = try #require(try Room.json(LiveMessage.scenario(tariffs, briefing: b))["outlooks"] as? [[String]])
        #expect(before != after, "tariffs on allies move some cooperation outlook")
        #expect(before.map { $0[0] } == after.map { $0[0] })
    }

    @Test func theScenarioKeyIsEqualForEqualScenariosAndDiffersAfterAChange() {
        let key = LiveMessage.scenarioKey
        #expect(key(Room.fresh().shared.whatIf.scenario) == key(Room.baseline))
        #expect(key(Room.fresh().shared.whatIf.scenario) == key(Room.fresh().shared.whatIf.scenario))
        let changed = Room.run("w1").shared.whatIf.scenario
        #expect(changed != Room.baseline, "w then 1 cycles the first factor")
        #expect(key(changed) != key(Room.baseline))
        #expect(key(Room.run("w1").shared.whatIf.scenario) == key(changed))
        #expect(key(Room.run("w1u").shared.whatIf.scenario) == key(Room.baseline), "undone, the figures are the baseline's again")
    }

    /// A scenario that leaves factors unsettled (the record's own, `as-it-happened`, leaves two)
    /// has one key, however its set of unsettled factors was built: the door compares keys to
    /// decide whether to rebuild the page and resend the figures, for every view it relays.
    @Test func theScenarioKeyOfAnUnsettledScenarioIsStable() throws {
        let b = Room.briefing
        let preset = try #require(b.preset("as-it-happened"))
        let reference = Scenario.preset(preset, in: b)
        try #require(reference.unsettled.count >= 2)
        var keys = Set<String>()
        var kept: [Scenario] = []   // alive, so each set has its own storage
        for n in 0..<64 {
            var s = Scenario.preset(preset, in: b)
            if n % 2 == 1 {
                // The same scenario as a follower decodes it from the wire.
                s = try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(s))
            }
            #expect(s == reference)
            kept.append(s)
            keys.insert(LiveMessage.scenarioKey(s))
        }
        #expect(keys.count == 1, "equal scenarios, \(keys.count) different keys")
    }

    @Test func reloadAndEndAreSmall() throws {
        #expect(try Room.json(LiveMessage.reload) as NSDictionary == ["t": "reload"] as NSDictionary)
        #expect(try Room.json(LiveMessage.end("the presenter has ended the briefing")) as NSDictionary
                == ["t": "end", "caption": "the presenter has ended the briefing"] as NSDictionary)
        #expect(LiveMessage.reload.utf8.count < 32)
    }
}
