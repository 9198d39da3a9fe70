extension QuoteMatch {
    /// A source text prepared once for many searches: each paragraph normalised (for the
    /// verbatim check) and as word ids (for the closest passage), so that reporting twenty
    /// misquotes against a 5 MB text reads the text once, not forty times.
    public struct Index: Sendable {
        let paragraphs: [String]
        /// Each paragraph in normalised form.
        let normalised: [[Unicode.Scalar]]
        /// Each paragraph's words (split at whitespace, as `normalised` splits them) as ids of
        /// their keys: lowercased, without punctuation at their ends.
        let words: [[Int32]]
        /// Word keys to ids.
        let vocabulary: [UInt64: Int32]

        public init(_ paragraphs: [String]) {
            self.paragraphs = paragraphs
            var vocabulary: [UInt64: Int32] = [:]
            var words: [[Int32]] = []
            words.reserveCapacity(paragraphs.count)
            for p in paragraphs {
                words.append(QuoteMatch.keys(of: p).map { key in
                    if let id = vocabulary[key] { return id }
                    let id = Int32(vocabulary.count)
                    vocabulary[key] = id
                    return id
                })
            }
            self.words = words
            self.vocabulary = vocabulary
            normalised = paragraphs.map { Normalised($0, origins: false).scalars }
        }

        /// The first paragraph (counted from 1) that holds the quote verbatim.
        public func paragraph(holding quote: String) -> Int? {
            let parts = QuoteMatch.parts(of: quote)
            return normalised.firstIndex { QuoteMatch.find(parts, in: $0) != nil }.map { $0 + 1 }
        }

        /// The passage most like `quote`: a window of as many words as the quote has, scored
        /// by how many of the quote's words it holds (ignoring case and the punctuation at a
        /// word's ends), slid across each paragraph in one pass over word ids. Ties go to
        /// `preferring` (the cited paragraph), then to the earliest. Nil when no word is shared.
        public func closest(to quote: String, preferring: Int? = nil) -> Passage? {
            let wanted = QuoteMatch.keys(of: quote.replacing("\u{2026}", with: " "))
            guard !wanted.isEmpty else { return nil }
            // Slots for the quote's distinct known words: how many it needs, how many the window has.
            var slot: [Int32: Int] = [:]
            var need: [Int] = []
            for key in wanted {
                guard let id = vocabulary[key] else { continue }
                if let s = slot[id] { need[s] += 1 } else { slot[id] = need.count; need.append(1) }
            }
            guard !need.isEmpty else { return nil }
            // Word id → slot, as an array: one load per word of the text.
            var slotOf = [Int32](repeating: -1, count: vocabulary.count)
            for (id, s) in slot { slotOf[Int(id)] = Int32(s) }
            let width = wanted.count
            var best: (score: Int, paragraph: Int, start: Int)?
            var have = [Int](repeating: 0, count: need.count)
            for (n, ids) in words.enumerated() where !ids.isEmpty {
                for i in have.indices { have[i] = 0 }
                var score = 0
                for i in ids.indices {
                    let s = Int(slotOf[Int(ids[i])])
                    if s >= 0 { if have[s] < need[s] { score += 1 }; have[s] += 1 }
                    if i >= width {
                        let out = Int(slotOf[Int(ids[i - width])])
                        if out >= 0 { have[out] -= 1; if have[out] < need[out] { score -= 1 } }
                    }
                    guard score > 0, i >= width - 1 || i == ids.count - 1 else { continue }
                    let better = best.map { score > $0.score || (score == $0.score && n + 1 == preferring && $0.paragraph != preferring) } ?? true
                    if better { best = (score, n + 1, max(0, i - width + 1)) }
                }
            }
            guard let best else { return nil }
            let shown = paragraphs[best.paragraph - 1].unicodeScalars.split(whereSeparator: QuoteMatch.isSpace)
            let passage = shown[best.start..<min(shown.count, best.start + width)].map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            return Passage(paragraph: best.paragraph, likeness: Double(best.score) / Double(width), text: passage)
        }
    }

    /// A text's words as they are compared for likeness — split at whitespace, lowercased,
    /// without the punctuation at their ends (typographic quotes and dashes included) — each
    /// as a 64-bit FNV-1a hash of its scalars: hashing a word's scalars directly is many times
    /// faster than hashing it as a String (which normalises first), and a collision could
    /// only nudge a likeness score, never pass a misquote.
    static func keys(of text: String) -> [UInt64] {
        var out: [UInt64] = []
        var word: [UInt32] = []
        func end() {
            var start = 0, stop = word.count
            while start < stop, !isWordScalar(word[start]) { start += 1 }
            while stop > start, !isWordScalar(word[stop - 1]) { stop -= 1 }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for v in word[start..<stop] {
                hash = (hash ^ UInt64(v & 0xff)) &* 0x100_0000_01b3
                hash = (hash ^ UInt64(v >> 8)) &* 0x100_0000_01b3
            }
            out.append(hash)
            word.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if isSpace(s) { if !word.isEmpty { end() }; continue }
            if s.isASCII {
                word.append(s.value >= 65 && s.value <= 90 ? s.value + 32 : s.value)
            } else if s.properties.changesWhenLowercased {
                for l in s.properties.lowercaseMapping.unicodeScalars { word.append(l.value) }
            } else {
                word.append(s.value)
            }
        }
        if !word.isEmpty { end() }
        return out
    }

    /// A letter or digit: what is kept of a word for likeness.
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 128 { return (v >= 48 && v <= 57) || (v >= 97 && v <= 122) || (v >= 65 && v <= 90) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
