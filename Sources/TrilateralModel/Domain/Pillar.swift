/// A strand of the partnership: one of the cooperation pillars the briefing names, or the
/// foundations it stands on.
public struct Pillar: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A cooperation pillar; it is also a what-if target with an outlook.
        case cooperation
        /// The ground the pillars stand on (security base, rapprochement, drivers).
        case foundation
    }

    public var id: String
    public var name: String
    /// A short name for tab rows and narrow titles.
    public var short: String
    public var kind: Kind
    public var summary: String
    public var cite: Citation
    public var commitments: [Commitment]

    public init(id: String, name: String, short: String, kind: Kind, summary: String, cite: Citation,
                commitments: [Commitment]) {
        self.id = id; self.name = name; self.short = short; self.kind = kind
        self.summary = summary; self.cite = cite; self.commitments = commitments
    }
}

/// Something the partners agreed (or, in the foundations pane, a fact the partnership rests on).
public struct Commitment: Sendable, Hashable, Identifiable {
    /// Where a commitment stood on the briefing's "as of" date.
    public enum Status: String, Sendable, CaseIterable {
        case agreed, launched, discussed, established, stalled
    }

    public var id: String
    public var title: String
    public var text: String
    public var countries: [String]
    public var status: Status
    public var cite: Citation
    /// Further sources (research URLs) beyond the main citation.
    public var also: [Citation]
    /// Ids of related timeline events.
    public var events: [String]
    /// What a reader must know before relying on it: that it does not come from the article,
    /// or that a label could not be verified. Marked `†` in lists, shown in full in the detail.
    public var caveat: String?

    public init(id: String, title: String, text: String, countries: [String], status: Status,
                cite: Citation, also: [Citation] = [], events: [String] = [], caveat: String? = nil) {
        self.id = id; self.title = title; self.text = text; self.countries = countries
        self.status = status; self.cite = cite; self.also = also; self.events = events; self.caveat = caveat
    }
}

/// A force behind the partnership (US–China rivalry, the pandemic's lesson, shifting exports).
public struct Driver: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var text: String
    public var cite: Citation
    /// The id of a data series that illustrates it, if any.
    public var series: String?

    public init(id: String, title: String, text: String, cite: Citation, series: String? = nil) {
        self.id = id; self.title = title; self.text = text; self.cite = cite; self.series = series
    }
}
