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
    /// How firmly the record holds it: `medium` for an event reported by a single less-established
    /// outlet (shown as reported, never as settled fact).
    public var confidence: Confidence
    /// Further sources for the same event.
    public var also: [Citation]

    /// How firmly a fact is established by its sources.
    public enum Confidence: String, Sendable, CaseIterable { case high, medium }

    public init(id: String, date: Day, title: String, kind: Kind, countries: [String], text: String,
                layer: Layer = .briefing, cite: Citation, commitments: [String] = [],
                confidence: Confidence = .high, also: [Citation] = []) {
        self.id = id; self.date = date; self.title = title; self.kind = kind; self.countries = countries
        self.text = text; self.layer = layer; self.cite = cite; self.commitments = commitments
        self.confidence = confidence; self.also = also
    }

    /// Whether the event is only reported (medium confidence): screens say so.
    public var isReported: Bool { confidence == .medium }

    /// Whether the event had happened by `day` (an event still partly in the future is expected).
    public func happened(asOf day: Day) -> Bool { date.endOrdinal <= day.endOrdinal }
}
