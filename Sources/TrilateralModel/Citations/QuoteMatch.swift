/// Finds a quote in a source's paragraphs: verbatim after normalising only typographic quotes,
/// dashes and whitespace, with `…` (or `...`, `[…]`) standing for words left out; and, for a
/// quote that is not there, the passage most like it. Every search is linear in the text's size.
public enum QuoteMatch {
    /// Text in normalised form, each scalar remembering where it came from.
    struct Normalised {
        var scalars: [Unicode.Scalar] = []
        /// `origin[i]`: the offset, in the original's unicode scalars, of `scalars[i]`.
        var origin: [Int] = []

        init(_ text: some StringProtocol) {
            scalars.reserveCapacity(text.unicodeScalars.count)
            var offset = 0, pendingSpace = false
            for s in text.unicodeScalars {
                defer { offset += 1 }
                if QuoteMatch.isSpace(s) { pendingSpace = !scalars.isEmpty; continue }
                if pendingSpace { scalars.append(" "); origin.append(offset - 1); pendingSpace = false }
                scalars.append(QuoteMatch.plain(s)); origin.append(offset)
            }
        }

        var string: String { String(String.UnicodeScalarView(scalars)) }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || s == "\u{FEFF}" }

    /// The plain form of a typographic quote or dash; any other scalar as it is.
    static func plain(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        default: s
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
        let parts = parts(of: quote)
        guard !parts.isEmpty else { return nil }
        let text = Normalised(paragraph)
        var from = 0
        var found: [Range<Int>] = []
        for part in parts {
            guard let start = firstIndex(of: part, in: text.scalars, from: from) else { return nil }
            found.append(start..<start + part.count)
            from = start + part.count
        }
        let scalars = paragraph.unicodeScalars
        return found.map { r in
            let lower = scalars.index(scalars.startIndex, offsetBy: text.origin[r.lowerBound])
            let upper = scalars.index(scalars.startIndex, offsetBy: text.origin[r.upperBound - 1] + 1)
            return lower..<upper
        }
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

    /// The passage of `paragraphs` most like `quote`: a window of as many words as the quote
    /// has, scored by the share of the quote's words it holds (ignoring case and the
    /// punctuation at a word's ends), slid across each paragraph in one pass. Ties go to
    /// `preferring` (the cited paragraph), then to the earliest. Nil when no word is shared.
    public static func closest(to quote: String, in paragraphs: [String], preferring: Int? = nil) -> Passage? {
        let wanted = words(normalised(quote.replacing("\u{2026}", with: " ")))
        guard !wanted.isEmpty else { return nil }
        var need: [Substring: Int] = [:]
        for w in wanted { need[key(w), default: 0] += 1 }
        let width = wanted.count
        var best: (score: Int, paragraph: Int, start: Int, words: [Substring])?
        for (n, paragraph) in paragraphs.enumerated() {
            let tokens = words(normalised(paragraph))
            guard !tokens.isEmpty else { continue }
            // The passage is shown in the paragraph's own words (its dashes and quotes): the
            // normalised form has the same words, one for one, as only whitespace is changed in length.
            let own = paragraph.split { $0.unicodeScalars.allSatisfy(isSpace) }
            let shown = own.count == tokens.count ? own : tokens
            let keys = tokens.map(key)
            var have: [Substring: Int] = [:]
            var score = 0
            func consider(_ start: Int) {
                guard score > 0 else { return }
                let better = best.map { score > $0.score || (score == $0.score && n + 1 == preferring && $0.paragraph != preferring) } ?? true
                if better { best = (score, n + 1, start, shown) }
            }
            for i in keys.indices {
                if let limit = need[keys[i]] {
                    if have[keys[i], default: 0] < limit { score += 1 }
                    have[keys[i], default: 0] += 1
                }
                if i >= width, let limit = need[keys[i - width]] {
                    have[keys[i - width], default: 0] -= 1
                    if have[keys[i - width], default: 0] < limit { score -= 1 }
                }
                if i >= width - 1 || i == keys.count - 1 { consider(max(0, i - width + 1)) }
            }
        }
        guard let best else { return nil }
        let passage = best.words[best.start..<min(best.words.count, best.start + width)].joined(separator: " ")
        return Passage(paragraph: best.paragraph, likeness: Double(best.score) / Double(width), text: passage)
    }

    static func words(_ text: String) -> [Substring] { text.split(separator: " ") }

    /// A word as it is compared for likeness: lowercased, without punctuation at its ends.
    static func key(_ word: Substring) -> Substring {
        let trimmed = word.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed()
        return Substring(String(trimmed).lowercased())
    }
}
