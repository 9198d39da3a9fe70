/// A poll the room answered, as the session keeps it (`present --record`) and the handout
/// shows it ("What the room thought"): the factor asked about, how many chose each option, how
/// many did not answer, when it was open, and the option the presenter applied, if any.
public struct PollRecord: Codable, Equatable, Sendable {
    /// One option of the factor and how many chose it.
    public struct Count: Codable, Equatable, Sendable {
        public var option: String
        public var label: String
        public var count: Int
        public init(option: String, label: String, count: Int) { self.option = option; self.label = label; self.count = count }
    }

    /// The poll's number in the session (1, 2, …).
    public var number: Int
    /// The factor's id and question.
    public var factor: String
    public var question: String
    public var counts: [Count]
    public var notAnswered: Int
    /// When it opened and closed, in seconds since 1970 (the presenter's clock).
    public var opened: Double
    public var closed: Double
    /// The option the presenter applied as the scenario after the poll (the room's majority).
    public var applied: String?
    /// The whole scenario the room's choice made, as `--scenario` takes it
    /// (`us-election=harris,…`), when it was applied.
    public var scenario: String?

    public init(number: Int, factor: String, question: String, counts: [Count], notAnswered: Int,
                opened: Double, closed: Double, applied: String? = nil, scenario: String? = nil) {
        self.number = number; self.factor = factor; self.question = question; self.counts = counts
        self.notAnswered = notAnswered; self.opened = opened; self.closed = closed; self.applied = applied
        self.scenario = scenario
    }

    /// How many answered (a sum that would overflow stops at `Int.max`).
    public var answered: Int {
        counts.reduce(0) { total, count in
            let (sum, overflow) = total.addingReportingOverflow(count.count)
            return overflow ? Int.max : sum
        }
    }

    /// A count's share of the answers in whole percent, rounded (2 of 3 is 67): one rule for the
    /// strip on screen and the handout. Nil when nobody answered.
    public static func percent(_ count: Int, of answered: Int) -> Int? {
        answered > 0 ? Int((Double(count) * 100 / Double(answered)).rounded()) : nil
    }

    /// The options with the most answers: one is the room's majority; more is a tie; none
    /// when nobody answered.
    public var leaders: [Count] {
        let top = counts.map(\.count).max() ?? 0
        return top == 0 ? [] : counts.filter { $0.count == top }
    }
}

/// What `present --record FILE` writes and `export --polls FILE` reads: the briefing the polls
/// were asked on, and every closed poll of the session, in order.
public struct PollLog: Codable, Equatable, Sendable {
    /// The briefing's title, so a record is not put in another briefing's handout unnoticed.
    public var briefing: String
    public var polls: [PollRecord]
    public init(briefing: String, polls: [PollRecord]) { self.briefing = briefing; self.polls = polls }
}
