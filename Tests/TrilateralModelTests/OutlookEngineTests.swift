import Testing
@testable import TrilateralModel

@Suite("What-if engine")
struct OutlookEngineTests {
    let b = BriefingLoader.builtIn()

    func outlook(_ spec: String, _ target: String) throws -> Outlook {
        let scenario = try Scenario.parse(spec, in: b).get()
        return try #require(OutlookEngine(briefing: b).outlooks(for: scenario).first { $0.target == target })
    }

    @Test func tariffsOnAlliesMakeTheEconomicDimensionFalter() throws {
        let base = try outlook("baseline", "supply-chains")
        let hit = try outlook("trump-tariffs-allies", "supply-chains")
        #expect(hit.score < base.score)
        #expect(hit.trace.contains { $0.rule == "tariffs-on-allies" })
        #expect(try outlook("trump-tariffs-allies", "trilateral").level <= .strained)
    }

    @Test func downwardSpiralHitsJapanKorea() throws {
        #expect(try outlook("downward-spiral", "japan-korea").level == .faltering)
        #expect(try outlook("baseline", "japan-korea").level >= .steady)
    }

    @Test func nonApplicableFactorIsNotUsed() throws {
        // us-tariffs=allies-too means nothing under Harris.
        let a = try outlook("us-election=harris,us-tariffs=allies-too", "supply-chains")
        let b0 = try outlook("us-election=harris", "supply-chains")
        #expect(a == b0)
    }

    @Test func ruleOrderDoesNotMatter() throws {
        var shuffled = b
        shuffled.rules.reverse()
        let scenario = try Scenario.parse("trump-tariffs-allies", in: b).get()
        #expect(OutlookEngine(briefing: b).outlooks(for: scenario) == OutlookEngine(briefing: shuffled).outlooks(for: scenario))
    }

    @Test func unknownFactorOrOptionListsValidOnes() {
        guard case .failure(let e) = Scenario.parse("us-election=kennedy", in: b) else { Issue.record("accepted"); return }
        #expect(e.description.contains("harris, trump"))
        guard case .failure(let e2) = Scenario.parse("mars=red", in: b) else { Issue.record("accepted"); return }
        #expect(e2.description.contains("us-election"))
    }
}
