/// Something dated on the timeline: a summit, an election, a law, the article itself.
public struct Event: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case summit, meeting, election, transition, law, appointment, publication, agreement, tariff, crisis, talks
    }

    /// Which account the event belongs to: what the briefing knew, or what happened after it.
    public enum Layer: String, Sendable, CaseIterable { case briefing, hindsight }

    public var id: String
    public var date: Day
    public var title: String
    public var kind: Kind
    /// Country ids; an event of all the partners sits on the shared "trilateral" lane.
    public var countries: [String]
    public var text: String
    public var layer: Layer
    public var cite: Citation
    /// Ids of related commitments.
    public var commitments: [String]

    public init(id: String, date: Day, title: String, kind: Kind, countries: [String], text: String,
                layer: Layer = .briefing, cite: Citation, commitments: [String] = []) {
        self.id = id; self.date = date; self.title = title; self.kind = kind; self.countries = countries
        self.text = text; self.layer = layer; self.cite = cite; self.commitments = commitments
    }

    /// Whether the event had happened by `day` (an event still partly in the future is expected).
    public func happened(asOf day: Day) -> Bool { date.endOrdinal <= day.endOrdinal }
}
