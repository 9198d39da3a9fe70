import TrilateralModel

/// The detail pane's second page for an item: the whole paragraph behind each of its ¶
/// citations, from the source's own text, with the quoted words marked (`p` opens it).
enum SourceParagraphs {
    /// The ¶ citations of an item, in the order its detail shows them, each paragraph once.
    static func citations(of item: Item?, in b: Briefing, state: AppState) -> [Citation] {
        var cites: [Citation] = []
        switch item {
        case nil: break
        case .commitment(let p, let i)?:
            let c = b.pillars[p].commitments[i]
            cites = [c.cite] + c.also
        case .driver(let i)?: cites = [b.drivers[i].cite]
        case .chart(let i)?: cites = [b.series[i].cite]
        case .event(let i)?: cites = [b.events[i].cite] + b.events[i].also
        case .outlook(let id)?:
            cites = (state.outlook(for: id)?.trace ?? []).compactMap { b.rule($0.rule)?.because }
        }
        var seen = Set<String>()
        return cites.filter { c in
            guard let n = c.paragraph else { return false }
            return seen.insert("\(b.paragraphSource(of: c)?.id ?? "")¶\(n)").inserted
        }
    }

    /// The page: each cited paragraph under its reference, the quote's words marked; where the
    /// text is not loaded, the quote alone and why.
    static func paragraphs(for item: Item?, state: AppState) -> [DetailContent.Paragraph] {
        let b = state.briefing
        var out: [DetailContent.Paragraph] = []
        func para(_ text: String, _ role: StyleRole = .text, marks: [Range<Int>] = []) {
            out.append(.init(text: text, role: role, marks: marks))
        }
        let cites = citations(of: item, in: b, state: state)
        let sources = cites.compactMap { b.paragraphSource(of: $0) }
        let oneSource = Set(sources.map(\.id)).count <= 1
        para("Cited paragraphs · p or Esc: back", .muted)
        for cite in cites {
            guard let n = cite.paragraph else { continue }
            let source = b.paragraphSource(of: cite)
            para("")
            para("¶\(n)" + (oneSource ? "" : source.map { " · \($0.id)" } ?? ""), .citation)
            if let text = b.paragraph(of: cite) {
                para(text, marks: cite.quote.map { markedWords(of: $0, in: text) } ?? [])
            } else {
                if let q = cite.quote { para("“\(q)”", .quote) }
                if let file = source?.textFile {
                    let name = file.split(separator: "/").last.map(String.init) ?? file
                    para("This copy of the briefing does not carry \(name), the text behind it, so only the quote is shown.", .muted)
                } else {
                    para("No source names its text (an author adds `text:` to it), so only the quote is shown.", .muted)
                }
            }
        }
        if oneSource, let source = sources.first {
            para("")
            para("From " + source.title + (source.url.map { " \($0)" } ?? ""), .muted)
        }
        return out
    }

    /// Which words of `text` (counted as the wrapped text counts them: split at spaces) the
    /// quote covers, as ranges of word indices.
    static func markedWords(of quote: String, in text: String) -> [Range<Int>] {
        guard let ranges = QuoteMatch.ranges(of: quote, in: text) else { return [] }
        var marks: [Range<Int>] = []
        var index = 0
        var start = text.startIndex
        func word(_ end: String.Index) {
            guard start < end else { return }
            if ranges.contains(where: { $0.overlaps(start..<end) }) {
                if let last = marks.last, last.upperBound == index { marks[marks.count - 1] = last.lowerBound..<index + 1 }
                else { marks.append(index..<index + 1) }
            }
            index += 1
        }
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == " " { word(i); start = text.index(after: i) }
            i = text.index(after: i)
        }
        word(text.endIndex)
        return marks
    }
}
