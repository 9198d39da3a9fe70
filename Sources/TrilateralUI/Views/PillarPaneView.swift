import TrilateralModel

/// A pillar pane: the pillar's outlook gauge, its one-line summary, and its commitments
/// (for the foundations pane, also the drivers and charts), each with a status glyph and
/// the countries involved.
struct PillarPaneView {
    let state: AppState
    let pane: Int
    let pillarIndex: Int
    var pillar: Pillar { state.briefing.pillars[pillarIndex] }

    /// Rows above the list: the outlook line and up to two summary lines (none when collapsed).
    static func headerHeight(inner: Rect) -> Int {
        inner.height <= 2 ? 0 : (inner.height <= 6 ? 1 : 3)
    }

    /// The rows the item list occupies inside a pane rectangle.
    static func listArea(_ rect: Rect) -> Rect {
        let inner = rect.content
        let header = headerHeight(inner: inner)
        return Rect(x: inner.x, y: inner.y + header + (header > 0 ? 1 : 0), width: inner.width,
                    height: inner.height - header - (header > 0 ? 1 : 0))
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        let focused = state.focus == pane
        canvas.box(rect, title: "\(pane + 1) \(pillar.name)", focused: focused)
        let inner = rect.content
        guard !inner.isEmpty else { return }
        let header = Self.headerHeight(inner: inner)
        let outlook = pillar.kind == .cooperation ? state.outlook(for: pillar.id) : nil
        if header == 0 {
            // Collapsed: one line with the outlook and the summary.
            var x = inner.x
            if let outlook { x = drawOutlookWord(outlook, x: x, y: inner.y, canvas: &canvas) + 1 }
            canvas.text(pillar.summary, x: x, y: inner.y, width: inner.maxX - x, role: .muted)
            return
        }
        var y = inner.y
        if let outlook {
            drawGauge(outlook, x: inner.x, y: y, width: inner.width, canvas: &canvas)
        } else {
            let b = state.briefing
            canvas.text("\(pillar.commitments.count) foundations · \(b.drivers.count) drivers · \(b.series.count) chart", x: inner.x, y: y, width: inner.width, role: .heading)
        }
        y += 1
        let summaryLines = TextLayout.wrap(pillar.summary, width: inner.width)
        for (i, line) in summaryLines.prefix(header - 1).enumerated() {
            let last = i == header - 2 && summaryLines.count > header - 1
            canvas.text(last ? line + " …" : line, x: inner.x, y: y, width: inner.width, role: .muted)
            y += 1
        }
        canvas.hline(x: inner.x, y: inner.y + header, width: inner.width, role: .border)
        var list = Self.listArea(rect)
        // The foundations pane shows the drivers' chart under its list when there is room.
        if let chart = chartArea(list) {
            list.height -= chart.height + 1
            ChartView(series: state.briefing.series[0], ascii: state.ascii).draw(in: chart, canvas: &canvas)
        }
        drawList(in: list, focused: focused, canvas: &canvas)
    }

    /// Room for the chart below the list: the whole list must still fit above it.
    func chartArea(_ list: Rect) -> Rect? {
        guard pillar.kind == .foundation, !state.briefing.series.isEmpty else { return nil }
        let spare = list.height - state.items(in: pane).count - 1
        guard spare >= ChartView.minimumHeight, list.width >= 40 else { return nil }
        let height = min(spare, 16)
        return Rect(x: list.x, y: list.maxY - height, width: list.width, height: height)
    }

    func drawOutlookWord(_ outlook: Outlook, x: Int, y: Int, canvas: inout Canvas) -> Int {
        canvas.text(outlook.level.word, x: x, y: y, role: Glyphs.role(for: outlook.level))
    }

    /// `Outlook ▰▰▰▰▰▱▱▱ Steady +1`: the bar, the level word and the score, never colour alone.
    func drawGauge(_ outlook: Outlook, x: Int, y: Int, width: Int, canvas: inout Canvas) {
        var cx = canvas.text("Outlook ", x: x, y: y, role: .muted, clip: Rect(x: x, y: y, width: width, height: 1))
        let cells = 8
        let filled = max(0, min(cells, outlook.score + 4))
        if x + width - cx >= cells + 12 {
            for i in 0..<cells {
                cx += canvas.put(i < filled ? (state.ascii ? "#" : "▰") : (state.ascii ? "." : "▱"),
                                 x: cx, y: y, role: i < filled ? Glyphs.role(for: outlook.level) : .gaugeEmpty)
            }
            cx += 1
        }
        let score = outlook.score > 0 ? "+\(outlook.score)" : "\(outlook.score)"
        let clip = Rect(x: x, y: y, width: width, height: 1)
        cx = canvas.text(outlook.level.word, x: cx, y: y, role: Glyphs.role(for: outlook.level), clip: clip)
        cx = canvas.text(" \(score)", x: cx, y: y, role: .muted, clip: clip)
        if let base = state.baselineOutlooks[outlook.target], base.score != outlook.score {
            let change = ChangeGlyph(delta: outlook.score - base.score, ascii: state.ascii)
            canvas.text("  \(change.text)", x: cx, y: y, role: change.role, clip: clip)
        }
    }

    func drawList(in area: Rect, focused: Bool, canvas: inout Canvas) {
        let items = state.items(in: pane)
        guard !area.isEmpty else { return }
        if items.isEmpty {
            canvas.text("(nothing listed)", x: area.x, y: area.y, width: area.width, role: .muted)
            return
        }
        let top = state.scroll[pane]
        let textWidth = area.width
        for row in 0..<area.height {
            let index = top + row
            guard index < items.count else { break }
            let selected = index == state.selection[pane]
            ItemRow(state: state, item: items[index], matched: state.matches(pane: pane, index: index)).draw(x: area.x, y: area.y + row, width: textWidth,
                                                          selected: selected, focused: focused, canvas: &canvas)
        }
        // In the right padding column, like the detail pane's.
        if items.count > area.height { ScrollIndicator.draw(x: area.maxX, area: area, top: top, total: items.count, ascii: state.ascii, canvas: &canvas) }
    }
}

/// One row of a list: glyph, title, and the countries involved at the right.
struct ItemRow {
    let state: AppState
    let item: Item
    /// Whether the active search matches this item (highlighted, and marked on the glyph).
    var matched = false

    func draw(x: Int, y: Int, width: Int, selected: Bool, focused: Bool, canvas: inout Canvas) {
        guard width > 0 else { return }
        let b = state.briefing
        let glyph: Character, title: String, countries: [String]
        var mark = ""
        switch item {
        case .commitment(let p, let i):
            let c = b.pillars[p].commitments[i]
            glyph = Glyphs.status(c.status, ascii: state.ascii); title = c.title; countries = c.countries
            if c.caveat != nil { mark = state.ascii ? " +" : " †" }
        case .driver(let i):
            glyph = state.ascii ? ">" : "»"; title = b.drivers[i].title; countries = []
        case .chart(let i):
            glyph = state.ascii ? "~" : "▤"; title = "Chart: " + b.series[i].title; countries = []
        case .event(let i):
            let e = b.events[i]
            glyph = Glyphs.event(happened: e.happened(asOf: b.asOf), selected: false, ascii: state.ascii)
            title = "\(e.date.display) \(e.isReported ? "reported: " : "")\(e.title)"; countries = e.countries
        case .outlook(let id):
            glyph = state.ascii ? "~" : "◈"; title = "Outlook: " + (b.target(id)?.name ?? id); countries = []
        }
        let codes = CountryCodes.fit(countries.compactMap { id in b.country(id).map { (id, $0.short) } },
                                     width: width < 30 ? 0 : width / 3)
        let codesWidth = codes.width == 0 ? 0 : codes.width + 1
        let row = Rect(x: x, y: y, width: width, height: 1)
        canvas.put(glyph, x: x, y: y, role: selected && focused ? .selection : .heading, clip: row)
        let titleRole: StyleRole = selected ? (focused ? .selection : .focusTitle) : .text
        if selected { canvas.fill(Rect(x: x + 1, y: y, width: width - 1, height: 1), role: titleRole) }
        let marker = selected ? (focused ? (state.ascii ? ">" : "▸") : (state.ascii ? ">" : "›")) : " "
        canvas.text(marker, x: x + 1, y: y, role: titleRole, clip: row)
        let titleWidth = width - 2 - codesWidth - DisplayWidth.of(mark)
        let shown = TextLayout.truncate(VisibleCharacters(title), to: titleWidth)
        let end = canvas.text(shown, x: x + 2, y: y, width: titleWidth, role: titleRole)
        if !mark.isEmpty, titleWidth > 0 { canvas.text(mark, x: end, y: y, role: selected ? titleRole : .warning, clip: row) }
        if matched {
            canvas.restyle(Rect(x: x, y: y, width: 1, height: 1), role: .searchMatch)
            canvas.highlight(state.search.query, in: shown, x: x + 2, y: y)
        }
        var cx = x + width - codes.width
        for (n, code) in codes.shown.enumerated() {
            cx = canvas.text(code.short, x: cx, y: y, role: selected && focused ? .selection : Glyphs.role(forCountry: code.id), clip: row)
            if n < codes.shown.count - 1 || codes.more > 0 { cx = canvas.text(" ", x: cx, y: y, role: selected && focused ? .selection : .text, clip: row) }
        }
        if codes.more > 0 { canvas.text("+\(codes.more)", x: cx, y: y, role: selected && focused ? .selection : .muted, clip: row) }
    }
}

/// The country codes at the right of a list row, fitted to a width: as many as fit in order,
/// then `+N` for the rest, so a long list never pushes into the title or past the border.
enum CountryCodes {
    static func fit(_ codes: [(id: String, short: String)], width: Int) -> (shown: [(id: String, short: String)], more: Int, width: Int) {
        guard width > 0, !codes.isEmpty else { return ([], 0, 0) }
        var shown: [(id: String, short: String)] = []
        var used = 0
        for (n, code) in codes.enumerated() {
            let w = DisplayWidth.of(code.short) + (shown.isEmpty ? 0 : 1)
            let rest = codes.count - n - 1
            let reserve = rest > 0 ? 2 + String(rest).count : 0
            guard used + w + reserve <= width else { break }
            shown.append(code); used += w
        }
        let more = codes.count - shown.count
        if more > 0 { used += (shown.isEmpty ? 0 : 1) + 1 + String(more).count }
        guard used <= width else { return ([], 0, 0) }
        return (shown, more, used)
    }
}

/// The scroll position of a long list, drawn in its right column.
enum ScrollIndicator {
    static func draw(x: Int, area: Rect, top: Int, total: Int, ascii: Bool, canvas: inout Canvas) {
        guard area.height > 0, total > area.height else { return }
        let thumb = max(1, area.height * area.height / total)
        let start = min(area.height - thumb, (area.height - thumb) * top / max(1, total - area.height))
        for row in 0..<area.height {
            let on = row >= start && row < start + thumb
            canvas.put(on ? (ascii ? "#" : "▐") : (ascii ? "|" : "╎"), x: x, y: area.y + row, role: on ? .focusBorder : .gaugeEmpty)
        }
    }
}
