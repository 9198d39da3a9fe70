import TrilateralModel

/// Which expectation of the hindsight scorecard is selected, and how far the account of it
/// below the list is scrolled: shared (whether it is open is the shared `panel` slot).
public struct ScorecardState: Codable, Equatable, Sendable {
    public var row = 0
    /// The first row of the account on screen.
    public var top = 0

    public init(row: Int = 0, top: Int = 0) {
        (self.row, self.top) = (row, top)
    }

    /// A view from a presenter that predates scrolling has no `top`: the account's start.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        row = try c.decode(Int.self, forKey: .row)
        top = try c.decodeIfPresent(Int.self, forKey: .top) ?? 0
    }
}
