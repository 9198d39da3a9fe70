/// A policy briefing in memory: the article's argument, its evidence and its timeline, every
/// statement carrying a citation. Value type; built by `BriefingLoader`, never mutated by the UI.
public struct Briefing: Sendable, Hashable {
    /// A named source the briefing cites (the article itself, an official document).
    public struct Source: Sendable, Hashable, Identifiable {
        public var id: String
        public var title: String
        public var url: String?
        /// The file holding the source's own text, as the briefing names it (relative to the
        /// briefing's folder): what its quotes are checked against.
        public var textFile: String?
        /// Which blocks of that text count as paragraphs.
        public var paragraphRule: ParagraphRule
        /// The text, split into paragraphs, once it has been read (nil for a source without a
        /// text file, or a briefing loaded without its folder, as a follower's is).
        public var text: SourceText?
        public init(id: String, title: String, url: String?, textFile: String? = nil, paragraphRule: ParagraphRule = .standard, text: SourceText? = nil) {
            self.id = id; self.title = title; self.url = url
            self.textFile = textFile; self.paragraphRule = paragraphRule; self.text = text
        }
    }

    public var title: String
    public var author: String
    public var publisher: String
    public var published: Day
    /// The date the article's judgements speak from.
    public var asOf: Day
    public var summary: [String]
    public var sources: [Source]
    public var countries: [Country]
    public var leaders: [Leader]
    public var transitions: [Transition]
    public var pillars: [Pillar]
    public var drivers: [Driver]
    public var series: [Series]
    /// Every event, sorted by date (then id) at load time.
    public var events: [Event]
    public var factors: [Factor]
    /// Non-pillar outlook targets (legs, the whole); cooperation pillars are targets too.
    public var extraTargets: [Target]
    public var rules: [Rule]
    public var presets: [Preset]
    /// The article's expectations judged with hindsight.
    public var scorecard: [ScorecardItem]
    /// The guided tour (`b`), in order.
    public var tour: [TourStep]
    /// The last date the "as it happened" record covers: nothing after it was looked at, so
    /// screens say where the record ends instead of implying that nothing happened.
    public var recordEnds: Day?

    public init(title: String, author: String, publisher: String, published: Day, asOf: Day,
                summary: [String], sources: [Source], countries: [Country], leaders: [Leader],
                transitions: [Transition], pillars: [Pillar], drivers: [Driver], series: [Series],
                events: [Event], factors: [Factor], extraTargets: [Target], rules: [Rule], presets: [Preset],
                scorecard: [ScorecardItem] = [], tour: [TourStep] = [], recordEnds: Day? = nil) {
        self.title = title; self.author = author; self.publisher = publisher
        self.published = published; self.asOf = asOf; self.summary = summary; self.sources = sources
        self.countries = countries; self.leaders = leaders; self.transitions = transitions
        self.pillars = pillars; self.drivers = drivers; self.series = series
        self.events = Self.sortedByDate(events)
        self.factors = factors; self.extraTargets = extraTargets; self.rules = rules; self.presets = presets
        self.scorecard = scorecard; self.tour = tour; self.recordEnds = recordEnds
    }

    /// Events by date, then id. The order is found over indices and applied in place by
    /// swaps along its cycles, so a large list is neither copied nor has its strings retained
    /// one by one; a list already in order (most files) is only checked.
    static func sortedByDate(_ events: consuming [Event]) -> [Event] {
        let keys = events.map(\.date.startOrdinal)
        func before(_ a: Int, _ b: Int) -> Bool { (keys[a], events[a].id) < (keys[b], events[b].id) }
        if events.indices.dropFirst().allSatisfy({ !before($0, $0 - 1) }) { return events }
        let order = events.indices.sorted(by: before)
        var done = [Bool](repeating: false, count: events.count)
        for start in events.indices where !done[start] {
            var k = start
            while true {
                done[k] = true
                let source = order[k]
                if source == start { break }
                events.swapAt(k, source)
                k = source
            }
        }
        return events
    }

    /// Every outlook target: the cooperation pillars, then the declared legs and whole.
    public var targets: [Target] {
        pillars.filter { $0.kind == .cooperation }.map { Target(id: $0.id, name: $0.name, short: $0.short, kind: .pillar) }
            + extraTargets
    }

    public func country(_ id: String) -> Country? { countries.first { $0.id == id } }
    public func factor(_ id: String) -> Factor? { factors.first { $0.id == id } }
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }
    /// The events with these ids, in date order (evidence reads best in time order).
    public func events(_ ids: [String]) -> [Event] {
        ids.compactMap(event).sorted { ($0.date.startOrdinal, $0.id) < ($1.date.startOrdinal, $1.id) }
    }
    public func leader(_ id: String) -> Leader? { leaders.first { $0.id == id } }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The source a citation's `para` counts the paragraphs of: its own `source` if that names
    /// a text file, otherwise the first source that names one (the article).
    public func paragraphSource(of cite: Citation) -> Source? {
        if let id = cite.source, let named = source(id), named.textFile != nil { return named }
        return sources.first { $0.textFile != nil }
    }

    /// The paragraph a citation points to, when its source's text has been read.
    public func paragraph(of cite: Citation) -> String? {
        guard let n = cite.paragraph, let paragraphs = paragraphSource(of: cite)?.text?.paragraphs,
              paragraphs.indices.contains(n - 1) else { return nil }
        return paragraphs[n - 1]
    }
    public func preset(_ id: String) -> Preset? { presets.first { $0.id == id } }
    public func target(_ id: String) -> Target? { targets.first { $0.id == id } }

    /// Every citation in the briefing with where it stands (`commitments[early-warning].also[1]`),
    /// in reading order: what an appendix of sources lists and what a fidelity check walks.
    public var citations: [(place: String, citation: Citation)] {
        var out: [(String, Citation)] = []
        func add(_ place: String, _ c: Citation?) { if let c { out.append((place, c)) } }
        for l in leaders { add("leaders[\(l.id)]", l.cite); add("leaders[\(l.id)].actual_end_cite", l.actualEndCite) }
        for t in transitions { add("transitions[\(t.id)]", t.cite) }
        for p in pillars {
            add("pillars[\(p.id)]", p.cite)
            for c in p.commitments {
                add("commitments[\(c.id)]", c.cite)
                for (n, a) in c.also.enumerated() { add("commitments[\(c.id)].also[\(n)]", a) }
            }
        }
        for d in drivers { add("drivers[\(d.id)]", d.cite) }
        for s in series {
            add("series[\(s.id)]", s.cite)
            for l in s.lines { for p in l.points { add("series[\(s.id)].\(l.id)[\(p.x)]", p.cite) } }
        }
        for e in events {
            add("events[\(e.id)]", e.cite)
            for (n, a) in e.also.enumerated() { add("events[\(e.id)].also[\(n)]", a) }
        }
        for f in factors { add("factors[\(f.id)]", f.cite) }
        for r in rules { add("rules[\(r.id)]", r.because) }
        for item in scorecard { add("scorecard[\(item.id)]", item.cite) }
        return out
    }

    /// All commitments with the pillar that holds them.
    public var allCommitments: [(pillar: Pillar, commitment: Commitment)] {
        pillars.flatMap { p in p.commitments.map { (p, $0) } }
    }

    /// Whether the briefing carries an "as it happened" layer (hindsight events or tenures).
    public var hasHindsight: Bool {
        events.contains { $0.layer == .hindsight } || leaders.contains { $0.layer == .hindsight || $0.actualEnd != nil }
    }

    /// The last day the hindsight record covers: `recordEnds`, else the latest hindsight event.
    public var recordEnd: Day? {
        recordEnds ?? events.last { $0.layer == .hindsight }?.date
    }

    /// Where the hindsight record stops, for people: "the record here ends in Jun 2026 (last
    /// entry 3 Jun 2026): later events are not covered". Nil without a hindsight layer.
    public var recordEndNote: String? {
        guard let end = recordEnd else { return nil }
        let month = Day(year: end.year, month: end.month)
        let detail = end.precision == .day ? " (last entry \(end.display))" : ""
        return "the record here ends in \(month.display)\(detail): later events are not covered"
    }

    /// The partner countries (not external actors), in declaration order.
    public var partners: [Country] { countries.filter { $0.role == .partner } }
}
