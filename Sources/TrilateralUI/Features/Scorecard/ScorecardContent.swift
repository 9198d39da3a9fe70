import TrilateralModel

/// What the scorecard says under its list about the selected expectation: the article's words,
/// the verdict and what it claims, what happened, where the record ends, the events with their
/// sources, and the outlook under the `as-it-happened` preset. Paragraphs, wrapped only where
/// shown (the view) or counted (the geometry, to bound scrolling).
enum ScorecardContent {
    typealias Paragraph = DetailContent.Paragraph

    static func paragraphs(_ state: AppState) -> [Paragraph] {
        let b = state.briefing
        guard b.scorecard.indices.contains(state.shared.scorecard.row) else { return [] }
        let item = b.scorecard[state.shared.scorecard.row]
        var out: [Paragraph] = []
        func para(_ text: String, _ role: StyleRole) { out.append(Paragraph(text: text, role: role)) }
        para("The article: “\(item.cite.quote ?? item.claim)” (\(item.cite.reference))", .quote)
        para("\(Wording.verdict(item.verdict, ascii: state.ascii)): \(Wording.meaning(item.verdict))", ScorecardView.role(item.verdict))
        para("What happened: \(item.outcome)", .text)
        if let end = b.recordEndNote { para(end.prefix(1).uppercased() + end.dropFirst() + ".", .muted) }
        if !item.rules.isEmpty { para("Rules: \(item.rules.joined(separator: ", "))", .muted) }
        for e in b.events(item.events) {
            para("• \(e.date.display) \(e.isReported ? "reported: " : "")\(e.title) — \(e.cite.url ?? e.cite.reference)", .citation)
        }
        if let preset = b.preset("as-it-happened") {
            para("", .text)
            para("Outlook under “\(preset.name)” against the baseline:", .heading)
            let ranges = OutlookEngine(briefing: b).ranges(for: Scenario.preset(preset, in: b))
            for target in b.targets {
                guard let base = state.baselineOutlooks[target.id], let range = ranges[target.id] else { continue }
                para("• \(target.name): \(Wording.level(base.score, ascii: state.ascii)) → \(Wording.range(range, ascii: state.ascii))", .text)
            }
            for u in preset.unsettled { para("Unsettled, \(u.factor): \(u.why)", .muted) }
        }
        return out
    }
}
