import Foundation
import Testing
import TrilateralModel
import TrilateralUI
import TrilateralWebRoom

/// A briefing whose text carries markup (a title, a pillar's name, a commitment, a tour caption
/// and a preset's name that try to open a script, break out of an attribute or close the
/// page's own script): the live page shows it as text and keeps its one script, and the JSON
/// messages carry it exactly, for the script to set by `textContent`.
@Suite("Hostile briefing text")
struct HostileTextTests {
    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(1)>"
    static let closer = "</script><script>alert(2)</script>"

    static let title = "\(script) \(image) \(closer)"
    static let pillarName = "\(image) pillar"
    static let commitment = "\(closer) commitment"
    static let caption = "\(closer) \(image) & it's <b>bold</b>"
    static let presetName = "\(image)</strong>"

    /// YAML single quotes: the payloads have no `'` of their own except the caption's.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static let briefing: Briefing = {
        let folder = Room.root.appending(path: "Sources/BuiltInBriefings").path
        var yaml = try! String(contentsOfFile: folder + "/example-harbour-pact.yaml", encoding: .utf8)
        for (from, to) in [
            ("title: The Harbour Pact and the tides of coastal trade", "title: \(quoted(title))"),
            ("    name: Shared harbour data", "    name: \(quoted(pillarName))"),
            ("        title: A common arrivals feed", "        title: \(quoted(commitment))"),
            ("    caption: The pact pools harbour data in one feed.", "    caption: \(quoted(caption))"),
            ("name: Stormy politics,", "name: \(quoted(presetName)),"),
        ] {
            precondition(yaml.contains(from), "the example briefing changed: \(from)")
            yaml = yaml.replacingOccurrences(of: from, with: to)
        }
        switch BriefingLoader.load(text: yaml, file: "hostile.yaml", folder: folder) {
        case .success(let loaded): return loaded.briefing
        case .failure(let error): fatalError("the hostile briefing does not load: \(error)")
        }
    }()

    @Test func theBriefingCarriesThePayloads() {
        let b = Self.briefing
        #expect(b.title == Self.title)
        #expect(b.pillars[0].name == Self.pillarName)
        #expect(b.pillars[0].commitments[0].title == Self.commitment)
        #expect(b.tour[0].caption == Self.caption)
        #expect(b.preset("storm")?.name == Self.presetName)
    }

    @Test(arguments: [nil, "storm"] as [String?])
    func theLivePageShowsMarkupAsText(_ preset: String?) throws {
        let b = Self.briefing
        let scenario = try preset.map { Scenario.preset(try #require(b.preset($0)), in: b) } ?? .baseline(of: b)
        let page = LivePage(briefing: b, scenario: scenario)
        let html = page.html
        for raw in ["<img", "<script>alert", "alert(1)</script>", "alert(2)</script>", "<b>bold", "</strong>\"", "</strong></strong>"] {
            #expect(!html.contains(raw), "unescaped \(raw) in the live page")
        }
        #expect(Room.count("<script", in: html.lowercased()) == 1, "still exactly one script element")
        #expect(Room.count("</script", in: html.lowercased()) == 1, "and it is closed only once, at its end")
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "the payload is on the page, as text")
        #expect(html.contains("<h1>" + Room.escaped(Self.title) + "</h1>"))
        #expect(html.contains("<h3>" + Room.escaped(Self.pillarName) + "</h3>"))
        if preset == "storm" { #expect(html.contains(Room.escaped(Self.presetName))) }
        LivePageTests.expectPolicyAllowsExactlyThePage(page)
    }

    @Test func aHostileCaptionTravelsAsExactJSON() throws {
        let state = Room.run("b", on: Self.briefing)
        #expect(state.shared.tour.step == 0)
        let text = LiveMessage.view(state.shared, briefing: Self.briefing)
        let message = try Room.json(text)
        #expect(message["t"] as? String == "view")
        #expect(message["caption"] as? String == Self.caption, "the caption arrives as the briefing says it, to be set as text")
        #expect(message["step"] as? String == "Step 1/\(Self.briefing.tour.count)")
        #expect(message["anchor"] as? String == "pillar-data")
        #expect(!text.contains("\n"), "one line of JSON")
    }

    @Test func aHostileScenarioNameAndGoodbyeTravelAsExactJSON() throws {
        let b = Self.briefing
        let storm = Scenario.preset(try #require(b.preset("storm")), in: b)
        #expect(try Room.json(LiveMessage.scenario(storm, briefing: b))["name"] as? String == Self.presetName)
        let why = "\(Self.closer)\n\"bye\" \\ \u{7}"
        let end = try Room.json(LiveMessage.end(why))
        #expect(end["t"] as? String == "end")
        #expect(end["caption"] as? String == why)
    }
}
