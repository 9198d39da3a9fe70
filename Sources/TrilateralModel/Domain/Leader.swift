/// A head of government whose tenure the timeline draws.
public struct Leader: Sendable, Hashable, Identifiable {
    /// How the end of a tenure is known as of the briefing date.
    public enum EndStatus: String, Sendable, CaseIterable {
        /// The tenure ended (or ends) on a date that is fixed.
        case known
        /// The date is expected (a term limit, a scheduled inauguration).
        case expected
        /// Nobody knows yet.
        case open
    }

    public var id: String
    public var name: String
    /// The name a bar label uses ("Kishida", "Yoon"), when it differs from `name`.
    public var short: String?
    public var native: String?
    public var country: String
    public var office: String
    public var start: Day
    public var end: Day?
    public var endStatus: EndStatus
    /// The transition that ends this tenure, if the briefing names one.
    public var transition: String?
    public var cite: Citation
    /// Which account the tenure belongs to: the briefing's, or what happened after it.
    public var layer: Event.Layer
    /// When the tenure actually ended, for the hindsight layer, with its source.
    public var actualEnd: Day?
    public var actualEndCite: Citation?
    /// A sentence a reader needs beside the bar (how a tenure ended, who held an acting office).
    public var note: String?

    public init(id: String, name: String, short: String? = nil, native: String? = nil, country: String, office: String,
                start: Day, end: Day?, endStatus: EndStatus, transition: String? = nil, cite: Citation,
                layer: Event.Layer = .briefing, actualEnd: Day? = nil, actualEndCite: Citation? = nil, note: String? = nil) {
        self.id = id; self.name = name; self.short = short; self.native = native; self.country = country
        self.office = office; self.start = start; self.end = end; self.endStatus = endStatus
        self.transition = transition; self.cite = cite
        self.layer = layer; self.actualEnd = actualEnd; self.actualEndCite = actualEndCite; self.note = note
    }
}

/// A change of leader the briefing's argument turns on; when it is an open question it
/// names the factor whose options decide the successor.
public struct Transition: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var country: String
    public var date: Day
    /// The outgoing leader's id.
    public var from: String?
    /// The what-if factor whose chosen option names the successor, if the outcome is open.
    public var factor: String?
    public var text: String
    public var cite: Citation

    public init(id: String, title: String, country: String, date: Day, from: String?, factor: String?,
                text: String, cite: Citation) {
        self.id = id; self.title = title; self.country = country; self.date = date
        self.from = from; self.factor = factor; self.text = text; self.cite = cite
    }
}
