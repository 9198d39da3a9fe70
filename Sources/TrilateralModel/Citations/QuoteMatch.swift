/// Finds a quote in a source's paragraphs: verbatim after normalising only typographic quotes,
/// dashes and whitespace, with `…` (or `...`, `[…]`) standing for words left out; and, for a
/// quote that is not there, the passage most like it. Every search is linear in the text's size.
public enum QuoteMatch {
    /// Text in normalised form, each scalar remembering where it came from.
    struct Normalised {
        var scalars: [Unicode.Scalar] = []
        /// `origin[i]`: the offset, in the original's unicode scalars, of `scalars[i]`.
        var origin: [Int] = []

        /// `origins: false` skips `origin` (a search that needs no ranges).
        init(_ text: some StringProtocol, origins: Bool = true) {
            scalars.reserveCapacity(text.utf8.count)
            if origins { origin.reserveCapacity(text.utf8.count) }
            var offset = 0, pendingSpace = false
            for s in text.unicodeScalars {
                defer { offset += 1 }
                if QuoteMatch.isSpace(s) { pendingSpace = !scalars.isEmpty; continue }
                if pendingSpace { scalars.append(" "); if origins { origin.append(offset - 1) }; pendingSpace = false }
                scalars.append(QuoteMatch.plain(s)); if origins { origin.append(offset) }
            }
        }

        var string: String { String(String.UnicodeScalarView(scalars)) }
    }

    /// Whitespace (and the byte-order mark), with ASCII answered before the property lookup.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value == 32 || (9...13).contains(s.value) }
        return s.properties.isWhitespace || s == "\u{FEFF}"
    }

    /// The plain form of a typographic quote or dash; any other scalar as it is.
    static func plain(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x2010 { return s }
        switch s {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "-"
        default: return s
        }
    }

    /// The text as it is compared: plain quotes and dashes, each run of whitespace one space,
    /// no space at either end.
    public static func normalised(_ text: some StringProtocol) -> String { Normalised(text).string }

    /// The parts of a quote between its omission marks, normalised, empty ones dropped.
    static func parts(of quote: String) -> [[Unicode.Scalar]] {
        var text = normalised(quote)
        for mark in ["[\u{2026}]", "[...]", "\u{2026}"] { text = text.replacing(mark, with: "...") }
        return text.split(separator: "...").map { Array(normalised($0).unicodeScalars) }.filter { !$0.isEmpty }
    }

    /// Where the quote's parts stand in `paragraph`, in order, as ranges of the paragraph
    /// itself (one per part), or nil if it is not there.
    public static func ranges(of quote: String, in paragraph: String) -> [Range<String.Index>]? {
        let text = Normalised(paragraph)
        guard let found = find(parts(of: quote), in: text.scalars) else { return nil }
        let scalars = paragraph.unicodeScalars
        return found.map { r in
            let lower = scalars.index(scalars.startIndex, offsetBy: text.origin[r.lowerBound])
            let upper = scalars.index(scalars.startIndex, offsetBy: text.origin[r.upperBound - 1] + 1)
            return lower..<upper
        }
    }

    /// Where `parts` stand in normalised `text`, in order, or nil if one is missing.
    static func find(_ parts: [[Unicode.Scalar]], in text: [Unicode.Scalar]) -> [Range<Int>]? {
        guard !parts.isEmpty else { return nil }
        var from = 0
        var found: [Range<Int>] = []
        for part in parts {
            guard let start = firstIndex(of: part, in: text, from: from) else { return nil }
            found.append(start..<start + part.count)
            from = start + part.count
        }
        return found
    }

    /// Whether the quote is in `paragraph`.
    public static func contains(_ paragraph: String, _ quote: String) -> Bool { ranges(of: quote, in: paragraph) != nil }

    /// The first place `needle` occurs in `haystack` at or after `from` (Knuth–Morris–Pratt:
    /// linear in both, however repetitive the text).
    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - from >= needle.count else { return nil }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<max(needle.count, 1) {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        k = 0
        for i in from..<haystack.count {
            while k > 0 && haystack[i] != needle[k] { k = failure[k - 1] }
            if haystack[i] == needle[k] { k += 1 }
            if k == needle.count { return i - needle.count + 1 }
        }
        return nil
    }

    /// A passage of a text that is most like a quote.
    public struct Passage: Sendable, Hashable {
        /// The paragraph, counted from 1.
        public var paragraph: Int
        /// The share of the quote's words the passage holds (0…1).
        public var likeness: Double
        /// The passage, in the paragraph's own words.
        public var text: String
    }

    /// The passage of `paragraphs` most like `quote` (see `Index.closest`), for one search;
    /// several searches of one text share an `Index`.
    public static func closest(to quote: String, in paragraphs: [String], preferring: Int? = nil) -> Passage? {
        Index(paragraphs).closest(to: quote, preferring: preferring)
    }
}
