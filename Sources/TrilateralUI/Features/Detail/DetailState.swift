import TrilateralModel

/// The item shown in the detail pane and how far its text is scrolled: shared with followers.
public struct DetailState: Codable, Equatable, Sendable {
    /// The item shown (nil: the briefing's title and key points).
    public var opened: Item?
    /// The first line of its text on screen.
    public var top = 0
    /// Whether the pane shows the paragraphs behind the item (`p`) instead of the item.
    public var reading = false

    public init(opened: Item? = nil, top: Int = 0, reading: Bool = false) {
        self.opened = opened; self.top = top; self.reading = reading
    }

    enum CodingKeys: String, CodingKey { case opened, top, reading }

    /// A view from an older presenter, which knows no `reading`, still decodes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        opened = try c.decodeIfPresent(Item.self, forKey: .opened)
        top = try c.decodeIfPresent(Int.self, forKey: .top) ?? 0
        reading = try c.decodeIfPresent(Bool.self, forKey: .reading) ?? false
    }
}
