import FoundationEssentials
import TrilateralExport
import TrilateralModel
import TrilateralUI

/// What the live page receives over `/live`, one JSON text message each: where the presenter
/// is (`view`), the outlook figures of the scenario on the presenter's screen (`scenario`), a
/// reloaded briefing (`reload`: fetch the page again) and the end (`end`, with why). Strings
/// are JSON-escaped here and land in the page only through `textContent`, so briefing text is
/// never markup.
public enum LiveMessage {
    /// Where the presenter is, with the tour caption ("Step 3/13" and the text) when touring.
    public static func view(_ view: SharedState, briefing: Briefing) -> String {
        let place = PresenterPlace(view: view, briefing: briefing)
        var body = Body(t: "view", section: place.section, anchor: place.anchor, list: place.list, n: place.n)
        if let step = view.tour.step, briefing.tour.indices.contains(step) {
            body.step = "Step \(step + 1)/\(briefing.tour.count)"
            body.caption = briefing.tour[step].caption
        }
        body.scenario = scenarioKey(view.whatIf.scenario)
        return encode(body)
    }

    /// Every cooperation pillar's outlook under a scenario: id, level, change, colour role,
    /// gauge; and the scenario's name, as the handout words them.
    public static func scenario(_ scenario: Scenario, briefing: Briefing) -> String {
        let handout = Handout(briefing: briefing, scenario: scenario, hindsight: false)
        var body = Body(t: "scenario")
        body.name = handout.scenarioName
        body.scenario = scenarioKey(scenario)
        body.outlooks = briefing.pillars.filter { $0.kind == .cooperation }.compactMap { pillar in
            guard let score = OutlookEngine(briefing: briefing).outlooks(for: scenario).first(where: { $0.target == pillar.id }) else { return nil }
            return [pillar.id, handout.level(pillar.id), handout.change(pillar.id),
                    HandoutPalette.cssName(Glyphs.role(for: score.level)), HandoutHTML.gauge(score.score)]
        }
        return encode(body)
    }

    public static let reload = encode(Body(t: "reload"))
    public static func end(_ why: String) -> String { encode(Body(t: "end", caption: why)) }

    /// A short, stable name for a scenario, so the page knows when the figures changed.
    /// Built from the choices and the unsettled factors in sorted order, so equal scenarios
    /// always have the same key (a `Set` encodes in no fixed order).
    public static func scenarioKey(_ scenario: Scenario) -> String {
        let choices = scenario.choices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let text = choices.joined(separator: ",") + "|" + scenario.unsettled.sorted().joined(separator: ",")
        return String(fnv(Data(text.utf8)), radix: 16)
    }

    struct Body: Encodable {
        var t: String
        var section: String?
        var anchor: String?
        var list: String?
        var n: Int?
        var step: String?
        var caption: String?
        var scenario: String?
        var name: String?
        var outlooks: [[String]]?
    }

    static let sortedEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func encode(_ body: Body) -> String { String(decoding: try! sortedEncoder.encode(body), as: UTF8.self) }

    /// FNV-1a over bytes (a cache key only).
    static func fnv(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash ^= UInt64(byte); hash = hash &* 0x100_0000_01b3 }
        return hash
    }
}
