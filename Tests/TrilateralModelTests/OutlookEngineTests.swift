import BuiltInBriefings
import Foundation
import TestSupport
import Testing
@testable import TrilateralModel

@Suite("What-if engine")
struct OutlookEngineTests {
    let b = BuiltInBriefings.standard

    func outlook(_ spec: String, _ target: String) throws -> Outlook {
        let scenario = try Scenario.parse(spec, in: b).get()
        return try #require(OutlookEngine(briefing: b).outlooks(for: scenario).first { $0.target == target })
    }

    @Test func tariffsOnAlliesMakeTheEconomicDimensionFalter() throws {
        let base = try outlook("baseline", "supply-chains")
        let hit = try outlook("trump-tariffs-allies", "supply-chains")
        #expect(hit.score < base.score)
        #expect(hit.trace.contains { $0.rule == "tariffs-on-allies" })
        #expect(try outlook("trump-tariffs-allies", "coercion").level <= .strained)
        // ¶9 names the economic-security dimension, not the whole or the bilateral legs.
        #expect(try outlook("trump-tariffs-allies", "trilateral").trace.allSatisfy { $0.rule != "tariffs-on-allies" })
    }

    @Test func downwardSpiralHitsJapanKorea() throws {
        #expect(try outlook("downward-spiral", "japan-korea").level == .strained)
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

@Suite("What-if rules of the built-in briefing")
struct BuiltInRuleTests {
    let b = BuiltInBriefings.standard

    /// A scenario in which `rule` fires: its `all` terms, plus the first `any` term.
    func scenario(firing rule: Rule) -> Scenario {
        var s = Scenario.baseline(of: b).applying(rule.all)
        if let first = rule.any.first { s = s.applying([first]) }
        // A Trump-only factor needs Trump.
        if rule.all.contains(where: { b.factor($0.factor)?.appliesWhen.isEmpty == false }) {
            s = s.applying([Condition(factor: "us-election", option: "trump")])
        }
        return s
    }

    @Test(arguments: BuiltInBriefings.standard.rules.map(\.id))
    func ruleFiresWithItsEffects(_ id: String) throws {
        let rule = try #require(b.rule(id))
        let engine = OutlookEngine(briefing: b)
        let s = scenario(firing: rule)
        #expect(engine.fires(rule, in: s))
        let outlooks = engine.outlooks(for: s)
        for (target, weight) in rule.effects {
            let o = try #require(outlooks.first { $0.target == target })
            #expect(o.trace.contains(.init(rule: id, weight: weight)))
        }
        #expect(rule.because.quote != nil, "every judgement quotes the article")
    }

    @Test func presetsProduceTheirOutcomes() throws {
        let engine = OutlookEngine(briefing: b)
        func level(_ preset: String, _ target: String) throws -> Outlook.Level {
            let s = try Scenario.parse(preset, in: b).get()
            return try #require(engine.outlooks(for: s).first { $0.target == target }).level
        }
        #expect(try level("baseline", "trilateral") == .strong)
        #expect(try level("trump-not-a-repeat", "trilateral") == .steady)
        #expect(try level("trump-tariffs-allies", "supply-chains") <= .steady)
        #expect(try level("trump-tariffs-allies", "trilateral") == .steady)
        #expect(try level("trump-tariffs-allies", "coercion") == .strained)
        #expect(try level("downward-spiral", "japan-korea") == .strained)
        #expect(try Scenario.parse("baseline", in: b).get() == Scenario.baseline(of: b))
    }

    /// `dump --scenario` output for two presets, compared with `Snapshots/`
    /// (re-record with RECORD_SNAPSHOTS=1).
    @Test(arguments: ["downward-spiral", "trump-tariffs-allies"])
    func dumpSnapshot(_ preset: String) throws {
        let text = BriefingText.outlooks(b, scenario: try Scenario.parse(preset, in: b).get())
        SnapshotFile.expect(text, named: "outlooks-\(preset)", in: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Snapshots"))
    }

    @Test func dumpPrintsTheTrace() throws {
        let text = BriefingText.outlooks(b, scenario: try Scenario.parse("downward-spiral", in: b).get())
        #expect(text.contains("- Japan-Korea: Strained (−1); ▼ −2 (down 2 from the baseline)"))
        #expect(text.contains("−2 downward-spiral"))
        #expect(text.contains("(¶10)"))
        let trump = BriefingText.outlooks(b, scenario: try Scenario.parse("trump-tariffs-allies", in: b).get())
        #expect(trump.contains("tariffs-on-allies"))
        #expect(trump.contains("could falter"))
    }
}
