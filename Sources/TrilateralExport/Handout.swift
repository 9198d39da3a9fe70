import TrilateralModel
import TrilateralUI

/// What a handout (`trilateral export`) holds, worked out once for both formats: the briefing,
/// the scenario with every outlook beside the baseline, which layer is shown, and the article
/// paragraphs and web pages it cites (the appendix of sources).
public struct Handout: Sendable {
    public let briefing: Briefing
    public let scenario: Scenario
    /// Whether "as it happened" (events, tenures and the scorecard after the article) is in.
    public let hindsight: Bool
    /// The polls a session put to the room (`export --polls`), for "What the room thought".
    public let polls: [PollRecord]

    /// Each target's outlook under the scenario, in the briefing's target order.
    let outlooks: [Outlook]
    let baseline: [String: Outlook]
    /// Best and worst scores over a preset's unsettled factors (only where they differ).
    let ranges: [String: ClosedRange<Int>]
    /// Every article paragraph cited, with the quotes taken from it, in paragraph order, and
    /// the paragraph itself when the briefing's source names its text.
    let paragraphs: [(number: Int, quotes: [String], text: String?)]
    /// Every web page cited, numbered in the order the briefing first cites them (a printed
    /// handout shows the number in the text and the whole address in the appendix).
    let webPages: [String]
    let webNumber: [String: Int]

    public init(briefing: Briefing, scenario: Scenario, hindsight: Bool, polls: [PollRecord] = []) {
        self.briefing = briefing
        self.scenario = scenario
        self.hindsight = hindsight
        self.polls = polls
        let engine = OutlookEngine(briefing: briefing)
        outlooks = engine.outlooks(for: scenario)
        baseline = Dictionary(uniqueKeysWithValues: engine.outlooks(for: .baseline(of: briefing)).map { ($0.target, $0) })
        ranges = scenario.unsettled.isEmpty ? [:] : engine.ranges(for: scenario).filter { $0.value.count > 1 }
        var quotes: [Int: [String]] = [:]
        for (_, citation) in briefing.citations {
            guard let p = citation.paragraph else { continue }
            var list = quotes[p] ?? []
            if let q = citation.quote, !list.contains(q) { list.append(q) }
            quotes[p] = list
        }
        let text = briefing.sources.first { $0.text != nil }?.text?.paragraphs ?? []
        paragraphs = quotes.keys.sorted().map { ($0, quotes[$0]!, text.indices.contains($0 - 1) ? text[$0 - 1] : nil) }
        var pages: [String] = [], numbers: [String: Int] = [:]
        for url in briefing.citations.compactMap(\.citation.url) + briefing.sources.compactMap(\.url) where numbers[url] == nil {
            pages.append(url)
            numbers[url] = pages.count
        }
        webPages = pages
        webNumber = numbers
    }

    /// What the scenario is called: a preset's name, "the baseline", or its changes.
    public var scenarioName: String {
        if let preset = briefing.presets.first(where: { Scenario.preset($0, in: briefing) == scenario }) { return preset.name }
        return scenario == Scenario.baseline(of: briefing) ? "the baseline" : scenario.changes(in: briefing)
    }

    /// What the briefing follows: "the article" when it cites an article's paragraphs, else
    /// "the briefing" (a team's own notes have no article).
    var work: String { paragraphs.isEmpty ? "the briefing" : "the article" }

    /// The layer in words, for the title block.
    var layerText: String {
        hindsight ? "with what happened after \(work) (as it happened)" : "\(work)'s own account"
    }

    var cooperation: [Pillar] { briefing.pillars.filter { $0.kind == .cooperation } }
    var foundations: [Pillar] { briefing.pillars.filter { $0.kind == .foundation } }
    var events: [Event] { briefing.events.filter { hindsight || $0.layer == .briefing } }
    var leaders: [Leader] { briefing.leaders.filter { hindsight || $0.layer == .briefing } }

    /// A target's outlook, its change from the baseline, and its range if unsettled.
    func outlook(_ target: String) -> (now: Outlook, change: Int, range: ClosedRange<Int>?)? {
        guard let now = outlooks.first(where: { $0.target == target }) else { return nil }
        return (now, now.score - (baseline[target]?.score ?? 0), ranges[target])
    }

    /// "Strong (+3)", or "Strained to Steady (−1 to +1)" over unsettled factors (`Wording`).
    public func level(_ target: String) -> String {
        guard let o = outlook(target) else { return "" }
        return o.range.map { Wording.range($0) } ?? Wording.level(o.now.score)
    }

    /// "▲ +2 (up 2 from the baseline)", "= same as the baseline", or over unsettled
    /// factors "−1 to +1 over the unsettled factors": a mark and words, never colour alone.
    public func change(_ target: String) -> String {
        guard let o = outlook(target) else { return "" }
        let base = baseline[target]?.score ?? 0
        if let r = o.range { return "\(Wording.change(over: (r.lowerBound - base)...(r.upperBound - base))) over the unsettled factors" }
        return Wording.changeInWords(o.change)
    }

    /// A commitment's status glyph and word: the same glyphs as the dashboard.
    static func status(_ s: Commitment.Status) -> String { "\(Glyphs.status(s)) \(s.rawValue)" }

    /// "US JP KR".
    func countries(_ ids: [String]) -> String { ids.compactMap { briefing.country($0)?.short }.joined(separator: " ") }

    /// The events a verdict or a commitment points to, in date order.
    func events(_ ids: [String]) -> [Event] { ids.compactMap { briefing.event($0) }.sorted { $0.date < $1.date } }

    /// Where a tenure ends, in words: "20 Jan 2025 (expected)", "open", and with hindsight
    /// "4 Apr 2025 (as it happened; expected 2027)".
    func tenureEndText(_ l: Leader) -> String {
        if hindsight, let actual = l.actualEnd {
            return "\(actual.display) (as it happened\(l.end.map { "; expected \($0.display)" } ?? ""))"
        }
        return l.end.map { "\($0.display) (\(l.endStatus.rawValue))" } ?? "open"
    }

    /// The day a leader's bar ends, as the dashboard draws it.
    func tenureEnd(_ leader: Leader, otherwise: Int) -> Int {
        TimelineGeometry.tenureEnd(leader, in: briefing, hindsight: hindsight, otherwise: otherwise)
    }

    /// The timeline's span of days for the layer shown.
    var span: (start: Int, end: Int) { TimeScale.span(of: briefing, hindsight: hindsight) }
}
