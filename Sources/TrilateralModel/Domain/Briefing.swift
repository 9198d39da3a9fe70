/// A policy briefing in memory: the article's argument, its evidence and its timeline, every
/// statement carrying a citation. Value type; built by `BriefingLoader`, never mutated by the UI.
public struct Briefing: Sendable {
    /// A named source the briefing cites (the article itself, an official document).
    public struct Source: Sendable, Hashable, Identifiable {
        public var id: String
        public var title: String
        public var url: String?
        public init(id: String, title: String, url: String?) { self.id = id; self.title = title; self.url = url }
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
    public var scorecard: [ScorecardItem] = []
    /// The guided tour (`b`), in order.
    public var tour: [TourStep] = []

    public init(title: String, author: String, publisher: String, published: Day, asOf: Day,
                summary: [String], sources: [Source], countries: [Country], leaders: [Leader],
                transitions: [Transition], pillars: [Pillar], drivers: [Driver], series: [Series],
                events: [Event], factors: [Factor], extraTargets: [Target], rules: [Rule], presets: [Preset]) {
        self.title = title; self.author = author; self.publisher = publisher
        self.published = published; self.asOf = asOf; self.summary = summary; self.sources = sources
        self.countries = countries; self.leaders = leaders; self.transitions = transitions
        self.pillars = pillars; self.drivers = drivers; self.series = series
        self.events = events.sorted { ($0.date.startOrdinal, $0.id) < ($1.date.startOrdinal, $1.id) }
        self.factors = factors; self.extraTargets = extraTargets; self.rules = rules; self.presets = presets
    }

    /// Every outlook target: the cooperation pillars, then the declared legs and whole.
    public var targets: [Target] {
        pillars.filter { $0.kind == .cooperation }.map { Target(id: $0.id, name: $0.name, short: $0.short, kind: .pillar) }
            + extraTargets
    }

    public func country(_ id: String) -> Country? { countries.first { $0.id == id } }
    public func factor(_ id: String) -> Factor? { factors.first { $0.id == id } }
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }
    public func leader(_ id: String) -> Leader? { leaders.first { $0.id == id } }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public func preset(_ id: String) -> Preset? { presets.first { $0.id == id } }
    public func target(_ id: String) -> Target? { targets.first { $0.id == id } }

    /// All commitments with the pillar that holds them.
    public var allCommitments: [(pillar: Pillar, commitment: Commitment)] {
        pillars.flatMap { p in p.commitments.map { (p, $0) } }
    }

    /// The partner countries (not external actors), in declaration order.
    public var partners: [Country] { countries.filter { $0.role == .partner } }
}
