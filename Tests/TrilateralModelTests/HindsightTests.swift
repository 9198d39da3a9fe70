import BuiltInBriefings
import Testing
@testable import TrilateralModel

@Suite("Hindsight: what happened after the article")
struct HindsightTests {
    let b = BuiltInBriefings.standard

    @Test func everyHindsightTenureIsSourced() {
        for l in b.leaders where l.layer == .hindsight { #expect(l.cite.url != nil, "\(l.id)") }
        for l in b.leaders where l.actualEnd != nil { #expect(l.actualEndCite?.url != nil, "\(l.id)") }
    }

    @Test(arguments: ["h-trump-elected", "h-lima", "h-secretariat", "h-martial-law", "h-yoon-impeached", "h-yoon-removed",
                      "h-lee-elected", "h-lee-inaugurated", "h-liberation-day", "h-us-japan-deal", "h-us-korea-deal",
                      "h-ishiba-resigns", "h-takaichi-ldp", "h-takaichi-pm", "h-japan-election", "h-trump-inaugurated",
                      // October 2025 to June 2026
                      "h-gyeongju-fm", "h-lee-takaichi-first", "h-taiwan-remark", "h-seafood-ban", "h-dual-use-ban",
                      "h-rare-earths", "h-pax-silica", "h-nara-summit", "h-sec232-chips", "h-japan-election-2026",
                      "h-takaichi-reelected", "h-ieepa-ruling", "h-sec122", "h-sec301-probes", "h-korea-act-passed",
                      "h-japan-first-tranche", "h-korea-local-elections",
                      // rows added in Dec 2026 (fidelity review 3)
                      "h-han-impeached", "h-waltz-rubio", "h-hegseth-5pct", "h-vice-fms-tokyo", "h-lee-ishiba-tokyo",
                      "h-lee-trump", "h-freedom-edge", "h-lee-ishiba-busan", "h-busan-truce", "h-hanwha-suspended",
                      "h-glass-coercion", "h-trump-takaichi-call", "h-wsj-trump-restraint", "h-nara-briefing", "h-iran-war",
                      "h-trump-xi-beijing"])
    func coversTheRecord(_ id: String) {
        #expect(b.event(id)?.layer == .hindsight)
    }

    @Test func leadersFollowReality() throws {
        #expect(b.leader("trump")?.start == Day(year: 2025, month: 1, day: 20))
        #expect(b.leader("ishiba")?.actualEnd == Day(year: 2025, month: 10, day: 21))
        #expect(b.leader("takaichi")?.native == "高市早苗")
        #expect(b.leader("yoon")?.actualEnd == Day(year: 2025, month: 4, day: 4))
        #expect(b.leader("yoon")?.note?.contains("14 Dec 2024") == true)
        #expect(b.leader("lee")?.start == Day(year: 2025, month: 6, day: 4))
    }

    @Test func scorecardCoversEveryConditionalRule() {
        let covered = Set(b.scorecard.flatMap(\.rules))
        for rule in b.rules { #expect(covered.contains(rule.id), "rule \(rule.id) is not on the scorecard") }
    }

    @Test func asItHappenedSettlesWhatItCanAndRangesTheRest() throws {
        let preset = try #require(b.preset("as-it-happened"))
        #expect(preset.evidence(for: Condition(factor: "us-election", option: "trump"))?.events == ["h-trump-elected"])
        #expect(preset.evidence(for: Condition(factor: "us-tariffs", option: "allies-too"))?.events.first == "h-liberation-day")
        #expect(preset.evidence(for: Condition(factor: "korea-2027", option: "continuity"))?.events.contains("h-nara-summit") == true)
        #expect(preset.evidence(for: Condition(factor: "japan-course", option: "kishida-line"))?.events.contains("h-lee-ishiba-tokyo") == true,
                "Ishiba-era evidence for Kishida's course, not only Takaichi's")
        #expect(preset.unsettled.first { $0.factor == "china-pressure" }?.why.contains("does not measure") == true,
                "the record does not answer the value-chain question, so it is not settled by other evidence")
        #expect(Set(preset.unsettled.map(\.factor)) == ["us-team", "china-pressure"])
        for choice in preset.choices { #expect(preset.evidence(for: choice) != nil, "\(choice) needs its evidence") }
        let scenario = try Scenario.parse("as-it-happened", in: b).get()
        let ranges = OutlookEngine(briefing: b).ranges(for: scenario)
        #expect(ranges["us-japan"] == -2 ... 0, "spans the two kinds of Trump team")
        #expect(ranges["japan-korea"] == 1...1, "no spiral: both courses settled on continuity")
        #expect(ranges["trilateral"] == -1 ... 1, "spans Trump's team and China's pull")
        #expect(BriefingText.outlooks(b, scenario: scenario).contains("US-Japan: Strained to Steady (−2 to 0) over the unsettled factors"))
    }

    /// In ¶10 the LDP's hawkish turn is a response to a Moon-line Korea: without it, it means nothing.
    @Test func theHawkishTurnFollowsTheMoonLine() throws {
        let factor = try #require(b.factor("ldp-response"))
        #expect(factor.appliesWhen == [Condition(factor: "korea-2027", option: "moon-line")])
        let engine = OutlookEngine(briefing: b)
        var hawksAlone = Scenario.baseline(of: b)
        hawksAlone.choices["ldp-response"] = "hawks-gain"
        #expect(engine.outlooks(for: hawksAlone) == engine.outlooks(for: .baseline(of: b)))
        let spiral = try Scenario.parse("downward-spiral", in: b).get()
        #expect(engine.outlooks(for: spiral).first { $0.target == "japan-korea" }?.level == .strained)
        let baseline = try #require(b.preset("baseline"))
        #expect(baseline.text.contains("not a forecast"))
    }

    @Test func dumpLayers() {
        #expect(!BriefingText.dump(b).contains("Takaichi elected Prime Minister"))
        let hindsight = BriefingText.dump(b, hindsight: true)
        #expect(hindsight.contains("Takaichi elected Prime Minister"))
        #expect(hindsight.contains("HINDSIGHT SCORECARD"))
        #expect(hindsight.contains("- us-tariffs=allies-too\n    ← 2 Apr 2025"))
        #expect(hindsight.contains("us-team=unsettled"))
    }
}
