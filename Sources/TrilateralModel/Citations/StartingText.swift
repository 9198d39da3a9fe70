/// What `trilateral new --from TEXT` reads from an article to start a briefing on it: the
/// paragraphs (headings and bullet key points left out), where the body starts, a title and
/// author if the text's opening lines give them, and short verbatim quotes to cite.
package struct StartingText: Sendable {
    /// The rule the new briefing's source gets: headings and bullets skipped, counting from the
    /// first prose paragraph when a title block or byline comes before it.
    package var rule: ParagraphRule
    /// The paragraphs under that rule, ¶1 first.
    package var paragraphs: [String]
    /// The title, from a Markdown `#` heading or the longest line of the opening block.
    package var title: String?
    /// The author, from a "By …" line of the opening block.
    package var author: String?
    /// The date, `YYYY-MM-DD`, from an opening line such as "October 9, 2024" or "9 October 2024".
    package var published: String?

    package init(text: String) {
        let everything = SourceText.paragraphs(of: text, rule: .init(skip: [.bullets]))
        let firstProse = everything.firstIndex(where: Self.isProse)
        var rule = ParagraphRule(skip: [.headings, .bullets])
        if let firstProse, firstProse > 0 {
            // Enough of its words that no block before it starts the same way.
            let words = everything[firstProse].split(separator: " ")
            var n = min(4, words.count)
            while n < words.count, everything[..<firstProse].contains(where: { $0.hasPrefix(words[..<n].joined(separator: " ")) }) { n += 1 }
            rule.from = words[..<n].joined(separator: " ")
        }
        let opening = Self.openingLines(of: text)
        title = Self.markdownTitle(text) ?? opening.filter { !$0.hasPrefix("By ") && Self.date($0) == nil }.max { $0.count < $1.count }
        author = opening.first { $0.hasPrefix("By ") }.map { String($0.dropFirst(3)) }
        published = opening.lazy.compactMap(Self.date).first
        // A closing paragraph about the author ("Andrew Capistrano is a …") is left out.
        if let author, let last = SourceText.paragraphs(of: text, rule: rule).last, last.hasPrefix(author + " ") {
            rule.until = author + " " + (last.dropFirst(author.count + 1).split(separator: " ").first.map(String.init) ?? "")
        }
        self.rule = rule
        paragraphs = SourceText.paragraphs(of: text, rule: rule)
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// A line that is only a date, "October 9, 2024" or "9 October 2024", as `YYYY-MM-DD`.
    static func date(_ line: String) -> String? {
        let words = line.replacing(",", with: " ").split(separator: " ").map { $0.lowercased() }
        guard words.count == 3 else { return nil }
        let (month, day, year): (Int?, Int?, Int?) = months.firstIndex(of: words[0]) != nil
            ? (months.firstIndex(of: words[0]), Int(words[1]), Int(words[2]))
            : (months.firstIndex(of: words[1]), Int(words[0]), Int(words[2]))
        guard let month, let day, let year, (1...31).contains(day), (1000...9999).contains(year),
              let parsed = try? Day.parse("\(year)-\(month < 9 ? "0" : "")\(month + 1)-\(day < 10 ? "0" : "")\(day)").get() else { return nil }
        return parsed.description
    }

    /// A block that reads as prose: twenty words or more, ending a sentence.
    static func isProse(_ block: String) -> Bool {
        guard let last = block.last else { return false }
        return block.split(separator: " ").count >= 20 && ".?!\"”’')".contains(last)
    }

    /// The lines of the text's first block, when it is not prose (a title, byline, date).
    static func openingLines(of text: String) -> [String] {
        let blocks = SourceText.paragraphs(of: text, rule: .init(skip: [.headings]))
        guard let first = blocks.first, !isProse(first) else { return [] }
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = String(SourceText.trimmed(line[...]))
            if trimmed.isEmpty { if !lines.isEmpty { break } else { continue } }
            if SourceText.isATXHeading(line[...]) { continue }
            lines.append(trimmed)
        }
        return lines.filter { $0.count <= 160 }
    }

    /// The first `# Title` heading's text.
    static func markdownTitle(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where SourceText.isATXHeading(line[...]) {
            let title = SourceText.trimmed(line.drop { $0 == "#" }[...])
            if !title.isEmpty { return String(title) }
        }
        return nil
    }

    /// A short quote from paragraph `n` (counted from 1): its first words, at most `words`,
    /// without the punctuation that ends the last one — verbatim, so `validate` proves it.
    package func quote(from n: Int, words: Int = 8) -> String {
        let all = paragraphs[n - 1].split(separator: " ")
        var quote = all.prefix(words).joined(separator: " ")
        while let c = quote.last, c.isPunctuation { quote.removeLast() }
        return quote.isEmpty ? String(all.first ?? "") : quote
    }

    /// The first words of paragraph `n` for the list of paragraphs, cut at about 60 characters.
    package func opening(of n: Int) -> String {
        var out = ""
        for word in paragraphs[n - 1].split(separator: " ") {
            if out.count + word.count > 60 { return out + " …" }
            out += (out.isEmpty ? "" : " ") + word
        }
        return out
    }
}
