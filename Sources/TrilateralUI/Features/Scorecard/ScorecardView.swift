import TrilateralModel

/// The hindsight scorecard (`S`): each of the article's expectations beside what happened,
/// judged held, diverged or open, with the events and sources; and the outlook under the
/// `as-it-happened` preset against the baseline.
struct ScorecardView {
    let state: AppState

    static func verdictGlyph(_ v: ScorecardItem.Verdict, ascii: Bool) -> String {
        switch v {
        case .held: ascii ? "[held]" : "✓ held"
        case .partly: ascii ? "[partly]" : "◐ partly"
        case .diverged: ascii ? "[diverged]" : "✗ diverged"
        case .open: ascii ? "[open]" : "? open"
        case .untested: ascii ? "[untested]" : "– untested"
        }
    }

    /// What a verdict word claims, shown under the selected expectation.
    static func meaning(_ v: ScorecardItem.Verdict) -> String {
        switch v {
        case .held: "the expectation held, as far as the record shows"
        case .partly: "part of it held, or only part of it could be tested"
        case .diverged: "what happened went the other way"
        case .open: "the record does not settle it yet"
        case .untested: "it can no longer be tested"
        }
    }

    static func role(_ v: ScorecardItem.Verdict) -> StyleRole {
        switch v {
        case .held: .changeUp
        case .partly, .open: .warning
        case .diverged: .changeDown
        case .untested: .muted
        }
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let until = b.recordEnd.map { " to \(Day(year: $0.year, month: $0.month).display)" } ?? ""
        canvas.box(rect, title: "Hindsight scorecard · the article (\(b.asOf.display)) against the record\(until)", focused: true)
        let inner = rect.content
        guard inner.width > 20, inner.height > 4 else { return }
        var y = inner.y
        let verdictWidth = 12
        for (n, item) in b.scorecard.enumerated() where y < inner.maxY {
            let selected = n == state.shared.scorecard.row
            if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection) }
            let x = canvas.text(TextLayout.fit(Self.verdictGlyph(item.verdict, ascii: state.ascii), to: verdictWidth), x: inner.x, y: y,
                                role: selected ? .selection : Self.role(item.verdict))
            canvas.text(item.claim, x: x + 1, y: y, width: inner.maxX - x - 1, role: selected ? .selection : .text)
            y += 1
        }
        y += 1
        guard b.scorecard.indices.contains(state.shared.scorecard.row), y < inner.maxY else { return }
        let item = b.scorecard[state.shared.scorecard.row]
        var lines: [DetailContent.Line] = []
        func para(_ text: String, _ role: StyleRole) { lines += TextLayout.wrap(text, width: inner.width).map { .init(text: $0, role: role) } }
        para("The article: “\(item.cite.quote ?? item.claim)” (\(item.cite.reference))", .quote)
        para("\(Self.verdictGlyph(item.verdict, ascii: state.ascii)): \(Self.meaning(item.verdict))", Self.role(item.verdict))
        para("What happened: \(item.outcome)", .text)
        if let end = b.recordEndNote { para(end.prefix(1).uppercased() + end.dropFirst() + ".", .muted) }
        if !item.rules.isEmpty { para("Rules: \(item.rules.joined(separator: ", "))", .muted) }
        for e in b.events(item.events) {
            para("• \(e.date.display) \(e.isReported ? "reported: " : "")\(e.title) — \(e.cite.url ?? e.cite.reference)", .citation)
        }
        if let preset = b.preset("as-it-happened") {
            lines.append(.init(text: "", role: .text))
            para("Outlook under “\(preset.name)” against the baseline:", .heading)
            let scenario = Scenario.preset(preset, in: b)
            let engine = OutlookEngine(briefing: b)
            let ranges = engine.ranges(for: scenario)
            for target in b.targets {
                guard let base = state.baselineOutlooks[target.id], let range = ranges[target.id] else { continue }
                lines.append(.init(text: "  \(TextLayout.fit(target.name, to: 26)) \(TextLayout.fit("\(base.level.word) (\(base.score))", to: 14)) → \(OutlookRange.describe(range))", role: .text))
            }
            for u in preset.unsettled { para("  unsettled \(u.factor): \(u.why)", .muted) }
        }
        for line in lines where y < inner.maxY {
            canvas.text(line.text, x: inner.x, y: y, width: inner.width, role: line.role)
            y += 1
        }
    }
}
