/// A country the briefing follows: one of the partners, or an external actor such as China.
public struct Country: Sendable, Hashable, Identifiable {
    public enum Role: String, Sendable, CaseIterable { case partner, external }

    public var id: String
    public var name: String
    /// A two- or three-letter code shown in tight spaces (`US`, `JP`, `KR`).
    public var short: String
    /// The name in the country's own script (`日本`, `대한민국`).
    public var native: String?
    public var role: Role

    public init(id: String, name: String, short: String, native: String? = nil, role: Role = .partner) {
        self.id = id; self.name = name; self.short = short; self.native = native; self.role = role
    }
}
