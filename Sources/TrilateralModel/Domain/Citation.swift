/// Where a statement comes from: a paragraph of the briefing's article, a URL, or a named
/// source of the briefing, optionally with a short quote.
public struct Citation: Sendable, Hashable {
    /// The article paragraph, counted from 1 over the body paragraphs.
    public var paragraph: Int?
    /// A source URL (research material, official documents).
    public var url: String?
    /// The id of an entry in `Briefing.sources`.
    public var source: String?
    /// A short verbatim quote supporting the statement.
    public var quote: String?

    public init(paragraph: Int? = nil, url: String? = nil, source: String? = nil, quote: String? = nil) {
        self.paragraph = paragraph
        self.url = url
        self.source = source
        self.quote = quote
    }

    /// The reference alone, e.g. `¶3`, `¶3 · https://…`, `[kantei]`.
    public var reference: String {
        var parts: [String] = []
        if let paragraph { parts.append("¶\(paragraph)") }
        if let source { parts.append("[\(source)]") }
        if let url { parts.append(url) }
        return parts.joined(separator: " · ")
    }
}
