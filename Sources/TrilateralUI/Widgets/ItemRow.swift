import TrilateralModel

/// One row of an item list: glyph, title, and the countries involved at the right; the list
/// (`SelectableList`) fills a selected row, in the focused pane's selection role or the
/// title role of an unfocused one.
struct ItemRow {
    let state: AppState
    let item: Item
    /// Whether the active search matches this item (highlighted, and marked on the glyph).
    var matched = false

    func draw(in row: SelectableList.Row, focused: Bool, canvas: inout Canvas) {
        let (x, y, width, selected) = (row.rect.x, row.y, row.rect.width, row.selected)
        guard width > 0 else { return }
        let b = state.briefing
        let glyph: Character, title: String, countries: [String]
        var mark = ""
        switch item {
        case .commitment(let p, let i):
            let c = b.pillars[p].commitments[i]
            glyph = Glyphs.status(c.status); title = c.title; countries = c.countries
            if c.caveat != nil { mark = " †" }
        case .driver(let i):
            glyph = "»"; title = b.drivers[i].title; countries = []
        case .chart(let i):
            glyph = "▤"; title = "Chart: " + b.series[i].title; countries = []
        case .event(let i):
            let e = b.events[i]
            glyph = Glyphs.event(happened: e.happened(asOf: b.asOf), selected: false)
            title = "\(e.date.display) \(e.isReported ? "reported: " : "")\(e.title)"; countries = e.countries
        case .outlook(let id):
            glyph = "◈"; title = "Outlook: " + (b.target(id)?.name ?? id); countries = []
        }
        let codes = CountryCodes.fit(countries.compactMap { id in b.country(id).map { (id, $0.short) } },
                                     width: width < 30 ? 0 : width / 3)
        let codesWidth = codes.width == 0 ? 0 : codes.width + 1
        let clip = row.rect
        canvas.put(glyph, x: x, y: y, role: selected && focused ? .selection : .heading, clip: clip)
        let titleRole = row.role(.text)
        let marker = selected ? (focused ? "▸" : "›") : " "
        canvas.text(marker, x: x + 1, y: y, role: titleRole, clip: clip)
        let titleWidth = width - 2 - codesWidth - DisplayWidth.of(mark)
        let shown = TextLayout.truncate(VisibleCharacters(title), to: titleWidth)
        let end = canvas.text(shown, x: x + 2, y: y, width: titleWidth, role: titleRole)
        if !mark.isEmpty, titleWidth > 0 { canvas.text(mark, x: end, y: y, role: selected ? titleRole : .warning, clip: clip) }
        if matched {
            canvas.restyle(Rect(x: x, y: y, width: 1, height: 1), role: .searchMatch)
            canvas.highlight(state.shared.search.query, in: shown, x: x + 2, y: y)
        }
        var cx = x + width - codes.width
        for (n, code) in codes.shown.enumerated() {
            cx = canvas.text(code.short, x: cx, y: y, role: selected && focused ? .selection : state.role(forCountry: code.id), clip: clip)
            if n < codes.shown.count - 1 || codes.more > 0 { cx = canvas.text(" ", x: cx, y: y, role: selected && focused ? .selection : .text, clip: clip) }
        }
        if codes.more > 0 { canvas.text("+\(codes.more)", x: cx, y: y, role: selected && focused ? .selection : .muted, clip: clip) }
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
