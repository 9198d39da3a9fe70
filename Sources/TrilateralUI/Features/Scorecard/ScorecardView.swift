import TrilateralModel

/// The hindsight scorecard (`S`): each of the article's expectations beside what happened,
/// judged held, diverged or open, with the events and sources; and the outlook under the
/// `as-it-happened` preset against the baseline.
struct ScorecardView: View {
    let state: AppState

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
        let verdictWidth = 12
        let cursor = state.shared.scorecard.row
        SelectableList(count: b.scorecard.count, scroll: .toCursor(cursor), selected: cursor, ascii: state.ascii) { row, canvas in
            let item = b.scorecard[row.index]
            let x = canvas.text(TextLayout.fit(Wording.verdict(item.verdict, ascii: state.ascii), to: verdictWidth), x: row.rect.x, y: row.y,
                                role: row.role(Self.role(item.verdict)))
            canvas.text(item.claim, x: x + 1, y: row.y, width: row.rect.maxX - x - 1, role: row.role(.text))
        }.draw(in: ScorecardGeometry.listArea(state, panel: rect), canvas: &canvas)
        let area = ScorecardGeometry.accountArea(state, panel: rect)
        guard !area.isEmpty else { return }
        // The account scrolls (PgUp PgDn) when it is longer than the rows below the list.
        let paragraphs = ScorecardContent.paragraphs(state)
        let total = ScorecardGeometry.lineCount(state, width: area.width)
        let top = min(state.shared.scorecard.top, max(0, total - area.height))
        for (row, line) in DetailContent.lines(paragraphs, width: area.width, from: top, count: area.height).enumerated() {
            canvas.text(line.text, x: area.x, y: area.y + row, width: area.width, role: line.role)
        }
        ScrollIndicator.draw(x: area.maxX, area: area, top: top, total: total, ascii: state.ascii, canvas: &canvas)
    }
}
