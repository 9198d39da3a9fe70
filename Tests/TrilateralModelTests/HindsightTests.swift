import Testing
@testable import TrilateralModel

@Suite("Hindsight: what happened after the article")
struct HindsightTests {
    let b = BriefingLoader.builtIn()

    @Test func everyHindsightItemHasADateAndASourceURL() {
        let events = b.events.filter { $0.layer == .hindsight }
        #expect(events.count >= 30)
        for e in events {
            #expect(e.date.precision == .day, "\(e.id)")
            #expect(e.cite.url?.hasPrefix("http") == true, "\(e.id) needs a source URL")
            #expect(e.date.startOrdinal > b.asOf.startOrdinal || e.id.hasPrefix("h-ldp") || e.id.hasPrefix("h-ishiba-cabinet"))
        }
        for l in b.leaders where l.layer == .hindsight { #expect(l.cite.url != nil, "\(l.id)") }
        for l in b.leaders where l.actualEnd != nil { #expect(l.actualEndCite?.url != nil, "\(l.id)") }
    }

    @Test(arguments: ["h-trump-elected", "h-lima", "h-secretariat", "h-martial-law", "h-yoon-impeached", "h-yoon-removed",
                      "h-lee-elected", "h-lee-inaugurated", "h-liberation-day", "h-us-japan-deal", "h-us-korea-deal",
                      "h-ishiba-resigns", "h-takaichi-ldp", "h-takaichi-pm", "h-japan-election", "h-trump-inaugurated"])
    func coversTheRecord(_ id: String) {
        #expect(b.event(id)?.layer == .hindsight)
    }

    @Test func leadersFollowReality() throws {
        #expect(b.leader("trump")?.start == Day(year: 2025, month: 1, day: 20))
        #expect(b.leader("ishiba")?.actualEnd == Day(year: 2025, month: 10, day: 21))
        #expect(b.leader("takaichi")?.native == "高市早苗")
        #expect(b.leader("yoon")?.actualEnd == Day(year: 2025, month: 4, day: 4))
        #expect(b.leader("lee")?.start == Day(year: 2025, month: 6, day: 4))
    }

    @Test func scorecardCoversEveryConditionalRule() {
        let covered = Set(b.scorecard.flatMap(\.rules))
        for rule in b.rules { #expect(covered.contains(rule.id), "rule \(rule.id) is not on the scorecard") }
        for item in b.scorecard { #expect(!item.events.isEmpty || item.verdict == .open, "\(item.id) needs evidence") }
    }

    @Test func asItHappenedSettlesWhatItCanAndRangesTheRest() throws {
        let preset = try #require(b.preset("as-it-happened"))
        #expect(preset.evidence[Condition(factor: "us-election", option: "trump")] == "h-trump-elected")
        #expect(preset.evidence[Condition(factor: "us-tariffs", option: "allies-too")] == "h-liberation-day")
        #expect(Set(preset.unsettled.map(\.factor)) == ["japan-course", "korea-2027"])
        let scenario = try Scenario.parse("as-it-happened", in: b).get()
        let ranges = OutlookEngine(briefing: b).ranges(for: scenario)
        #expect(ranges["japan-korea"] == -5...1, "Japan-Korea spans from the downward spiral to continuity")
        #expect(ranges["us-japan"] == -3 ... -3, "settled by the US factors alone")
        #expect(ranges["trilateral"]!.upperBound < 0)
        #expect(BriefingText.outlooks(b, scenario: scenario).contains("Japan-Korea: Faltering to Steady (scores -5 to 1"))
    }

    @Test func dumpLayers() {
        #expect(!BriefingText.dump(b).contains("Takaichi elected Prime Minister"))
        let hindsight = BriefingText.dump(b, hindsight: true)
        #expect(hindsight.contains("Takaichi elected Prime Minister"))
        #expect(hindsight.contains("HINDSIGHT SCORECARD"))
        #expect(hindsight.contains("us-tariffs=allies-too ← 2 Apr 2025"))
    }
}
