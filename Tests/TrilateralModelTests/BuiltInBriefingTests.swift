import BuiltInBriefings
import Testing
@testable import TrilateralModel

@Suite("The built-in briefing")
struct BuiltInBriefingTests {
    let b = BuiltInBriefings.standard

    @Test func loadsWithoutWarnings() throws {
        let text = try #require(BuiltInBriefings.text(named: BuiltInBriefings.defaultName))
        guard case .success(let loaded) = BriefingLoader.load(text: text, file: "built-in") else {
            Issue.record("built-in briefing failed to load"); return
        }
        #expect(loaded.warnings.isEmpty)
    }

    /// What the build compiled into the binary is what the loader makes of the YAML today.
    @Test(arguments: BuiltInBriefings.names)
    func compiledEqualsLoaded(_ name: String) throws {
        let text = try #require(BuiltInBriefings.text(named: name))
        let loaded = try BriefingLoader.load(text: text, file: name).get().briefing
        let compiled = try #require(BuiltInBriefings.briefing(named: name))
        #expect(compiled == loaded)
        #expect(compiled.events.count == loaded.events.count && !compiled.events.isEmpty)
    }

    @Test func hasTheArticlesPillars() {
        #expect(b.pillars.map(\.id) == ["supply-chains", "technology", "coercion", "foundations"])
        #expect(b.pillars.last?.kind == .foundation)
    }

    @Test(arguments: ["critical-minerals", "early-warning", "semiconductor-alliance", "clean-energy-tech",
                      "export-controls", "investment-screening", "collective-response"])
    func listsCommitment(_ id: String) {
        #expect(b.allCommitments.contains { $0.commitment.id == id })
    }

    @Test(arguments: [("talks-2021", "2021"), ("esp-act", "2022-05-11"), ("camp-david", "2023-08-18"),
                      ("ldp-runoff", "2024-09-27"), ("ishiba-pm", "2024-10-01"), ("article", "2024-10-09"),
                      ("us-election", "2024-11"), ("us-inauguration", "2025-01"), ("korea-2027", "2027")])
    func listsEvent(_ id: String, _ date: String) {
        #expect(b.event(id)?.date.description == date)
    }

    @Test func everyItemIsCited() {
        let cites = b.allCommitments.map(\.commitment.cite) + b.events.map(\.cite) + b.leaders.map(\.cite)
            + b.drivers.map(\.cite) + b.rules.map(\.because) + b.factors.map(\.cite) + b.pillars.map(\.cite)
            + b.series.flatMap { $0.lines.flatMap { $0.points.map(\.cite) } }
        for cite in cites { #expect(cite.paragraph != nil || cite.url != nil || cite.source != nil) }
        for cite in cites { if let p = cite.paragraph { #expect((1...11).contains(p)) } }
    }

    @Test func leadersWithNativeNames() {
        #expect(b.leader("kishida")?.native == "岸田文雄")
        #expect(b.leader("ishiba")?.native == "石破茂")
        #expect(b.leader("yoon")?.native == "윤석열")
        #expect(b.leader("ishiba")?.endStatus == .open)
    }

    @Test func exportSharesMarkDerivedPoints() throws {
        let series = try #require(b.series.first { $0.id == "export-shares" })
        #expect(series.lines.count == 4)
        let kr2024 = series.lines.first { $0.id == "kr-china" }?.points.last
        #expect(kr2024?.confidence == .medium)
    }

    @Test func eventsAreInDateOrder() {
        let ordinals = b.events.map(\.date.startOrdinal)
        #expect(ordinals == ordinals.sorted())
    }

    @Test func exampleBriefingLoads() throws {
        let text = try #require(BuiltInBriefings.text(named: "example-harbour-pact.yaml"))
        guard case .success(let loaded) = BriefingLoader.load(text: text, file: "example") else {
            Issue.record("example failed"); return
        }
        #expect(loaded.briefing.countries.count == 4)
        #expect(loaded.briefing.factors.count == 2)
        #expect(BriefingText.dump(loaded.briefing).contains("The pact is signed"))
    }
}
