import FoundationEssentials
import TrilateralModel

/// The detail pane's text for each kind of item — the item in full, the quote from the
/// article, the citation, what it relates to — as paragraphs, wrapped only where shown.
enum DetailContent {
    /// One styled paragraph (an empty one is a blank line); `marks` are ranges of its words
    /// (split at spaces) drawn as quoted.
    struct Paragraph { var text: String; var role: StyleRole; var marks: [Range<Int>] = [] }

    /// One styled line of wrapped text; `marks` are column ranges drawn as quoted.
    struct Line { var text: String; var role: StyleRole; var marks: [Range<Int>] = [] }

    /// What the detail pane shows now: the opened item, or the paragraphs behind it.
    static func shown(_ state: AppState) -> [Paragraph] {
        state.shared.detail.reading
            ? SourceParagraphs.paragraphs(for: state.shared.detail.opened, state: state)
            : paragraphs(for: state.shared.detail.opened, state: state)
    }

    /// What the detail pane says about an item, as paragraphs not yet wrapped.
    static func paragraphs(for item: Item?, state: AppState) -> [Paragraph] {
        let b = state.briefing
        var out: [Paragraph] = []
        func para(_ text: String, _ role: StyleRole = .text) { out.append(Paragraph(text: text, role: role)) }
        func blank() { out.append(Paragraph(text: "", role: .text)) }
        func cite(_ c: Citation, label: String = "Source") {
            if let q = c.quote { blank(); para("“\(q)”", .quote) }
            var ref = c.reference
            if let s = c.source, let source = b.source(s) { ref += " \(source.title)" + (source.url.map { " \($0)" } ?? "") }
            para("\(label): \(ref)", .citation)
        }
        func countries(_ ids: [String]) -> String { ids.compactMap { b.country($0)?.short }.joined(separator: " ") }

        switch item {
        case nil:
            para(b.title, .heading)
            para([b.author, b.publisher, b.published.display].joinedNonEmpty(" · "), .muted)
            blank()
            for point in b.summary { para("• " + point) }
            blank()
            para("Select an item and press Enter to read it here.", .muted)
        case .commitment(let p, let i)?:
            let pillar = b.pillars[p], c = pillar.commitments[i]
            para(c.title, .heading)
            para([pillar.name, "\(c.status.rawValue) as of \(b.asOf.display)", countries(c.countries)].joinedNonEmpty(" · "), .muted)
            blank(); para(c.text)
            if let caveat = c.caveat { blank(); para("† \(caveat)", .warning) }
            cite(c.cite)
            for extra in c.also { cite(extra, label: "Also") }
            let related = c.events.compactMap(b.event) + b.events.filter { $0.commitments.contains(c.id) }
            if !related.isEmpty {
                blank(); para("On the timeline", .heading)
                var seen = Set<String>()
                for e in related where seen.insert(e.id).inserted { para("\(e.date.display) · \(e.title)") }
            }
        case .driver(let i)?:
            let d = b.drivers[i]
            para(d.title, .heading); para("Driver of the partnership", .muted)
            blank(); para(d.text); cite(d.cite)
        case .chart(let i)?:
            let s = b.series[i]
            para(s.title, .heading)
            for line in s.lines {
                blank(); para(line.label, state.role(forCountry: line.country))
                for p in line.points {
                    let mark = p.confidence == .high ? "" : " (\(p.confidence.rawValue): derived)"
                    para("  \(p.x)  \(ValueFormat.full(p.y))\(s.unit)\(mark)", p.confidence == .high ? .text : .muted)
                    if let note = p.note { para("        \(note)", .muted) }
                }
            }
            if let note = s.note { blank(); para("Note (this briefing's own): \(note)", .muted) }
            blank(); cite(s.cite)
        case .outlook(let id)?:
            guard let target = b.target(id), let now = state.outlook(for: id), let base = state.baselineOutlooks[id] else { break }
            para("Outlook: \(target.name)", .heading)
            let change = ChangeGlyph(delta: now.score - base.score, ascii: state.ascii)
            para("\(Wording.level(now.score, ascii: state.ascii)) · baseline \(Wording.level(base.score, ascii: state.ascii)) · \(change.text)", Glyphs.role(for: now.level))
            if let range = state.shared.whatIf.ranges[id], range.count > 1 {
                para("Range over the unsettled factors: \(Wording.range(range, ascii: state.ascii))", .warning)
            }
            para("Scenario: \(state.shared.whatIf.scenario.changes(in: b))", .muted)
            if now.trace.isEmpty { blank(); para("No rule fires for this target in this scenario.", .muted) }
            for contribution in now.trace {
                guard let rule = b.rule(contribution.rule) else { continue }
                blank()
                para("\(Wording.signed(contribution.weight, ascii: state.ascii))  \(rule.summary)", contribution.weight >= 0 ? .changeUp : .changeDown)
                let when = (rule.all.map(\.description) + (rule.any.isEmpty ? [] : ["any of " + rule.any.map(\.description).joined(separator: " / ")]))
                para("when " + when.joined(separator: " and "), .muted)
                cite(rule.because)
            }
        case .event(let i)?:
            let e = b.events[i]
            para(e.title, .heading)
            let precision = e.date.precision == .day ? "" : " (\(e.date.precision == .month ? "month" : "year") only)"
            para(["\(e.date.display)\(precision)", e.kind.rawValue, countries(e.countries)].joinedNonEmpty(" · "), .muted)
            if e.layer == .hindsight {
                para("After the briefing, as it happened; \(b.recordEndNote ?? "the record's end is not stated")", .hindsight)
            } else {
                para("As of \(b.asOf.display): \(e.happened(asOf: b.asOf) ? "had happened" : "still expected")", .muted)
            }
            if e.isReported { para("Reported: a single less-established source, not settled fact", .warning) }
            if !e.text.isEmpty { blank(); para(e.text) }
            cite(e.cite)
            for extra in e.also { cite(extra, label: "Also") }
            let related = e.commitments.compactMap { id in b.allCommitments.first { $0.commitment.id == id }?.commitment }
            if !related.isEmpty {
                blank(); para("Related commitments", .heading)
                for c in related { para("• " + c.title) }
            }
        }
        return out
    }


    /// Lines `from`..<`from + count` of the paragraphs wrapped to `width`, shaping only the
    /// paragraphs those lines fall in.
    static func lines(_ paragraphs: [Paragraph], width: Int, from: Int = 0, count: Int) -> [Line] {
        guard width > 0, count > 0 else { return [] }
        var out: [Line] = []
        var line = 0
        for p in paragraphs {
            let n = TextLayout.lineCount(p.text, width: width)
            if line + n <= from { line += n; continue }
            let skip = max(0, from - line)
            let wrapped = TextLayout.wrap(p.text, width: width, limit: skip + count - out.count)
            let marks = p.marks.isEmpty ? [] : columns(of: p.marks, in: p.text, wrappedAs: wrapped)
            for (i, text) in wrapped.enumerated().dropFirst(skip) {
                out.append(Line(text: text, role: p.role, marks: marks.isEmpty ? [] : marks[i]))
                if out.count == count { return out }
            }
            line += n
        }
        return out
    }

    /// For each wrapped line, the column ranges of the marked words: the wrap puts a paragraph's
    /// words on lines separated by one space, breaking a word wider than a line into pieces,
    /// so walking the lines' pieces against the words finds each word's place.
    static func columns(of marks: [Range<Int>], in text: String, wrappedAs lines: [String]) -> [[Range<Int>]] {
        let words = String(VisibleCharacters(text, keepingNewlines: true)).split(separator: " ").map(\.count)
        var word = 0, used = 0
        return lines.map { line in
            var out: [Range<Int>] = []
            var column = 0
            for piece in line.split(separator: " ", omittingEmptySubsequences: false) {
                let width = piece.reduce(0) { $0 + DisplayWidth.of($1) }
                if !piece.isEmpty, word < words.count {
                    if marks.contains(where: { $0.contains(word) }) {
                        // Join with the mark just before it on this line, across the space.
                        if let last = out.last, last.upperBound == column - 1 { out[out.count - 1] = last.lowerBound..<column + width }
                        else { out.append(column..<column + width) }
                    }
                    used += piece.count
                    if used >= words[word] { word += 1; used = 0 }
                }
                column += width + 1
            }
            return out
        }
    }

    /// The first `count` lines an item's detail makes at `width`.
    static func lines(for item: Item?, state: AppState, width: Int, count: Int) -> [Line] {
        lines(paragraphs(for: item, state: state), width: width, count: count)
    }
}
