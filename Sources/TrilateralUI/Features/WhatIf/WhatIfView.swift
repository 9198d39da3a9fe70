import TrilateralModel

/// The what-if panel: the article's conditions as factors to flip and presets to apply, and
/// every target's outlook under the current scenario beside the baseline, with the rules behind
/// the selected one.
struct WhatIfView: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let scenario = state.shared.whatIf.scenario
        let name = b.presets.first { Scenario.preset($0, in: b) == scenario }?.name ?? (scenario == Scenario.baseline(of: b) ? "baseline" : "custom")
        canvas.box(rect, title: "What if… · scenario: \(name)", focused: true)
        guard rect.content.width > 10, rect.content.height > 4 else { return }
        let areas = WhatIfGeometry.areas(state, panel: rect)
        drawChoices(in: areas.choices, canvas: &canvas)
        if let x = areas.rule { canvas.vline(x: x, y: areas.outlooks.y, height: areas.outlooks.height, role: .border) }
        drawOutlooks(in: areas.outlooks, canvas: &canvas)
    }

    /// Factors (numbered, current option marked, non-applicable ones said so) and presets; the
    /// lines that fit, scrolled to the cursor, with a scroll bar when some do not.
    func drawChoices(in area: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let active = state.shared.whatIf.column == .choices
        let lines = WhatIfGeometry.choiceLines(b, height: area.height)
        let cursor = WhatIfGeometry.cursorLine(state, in: lines)
        let list = SelectableList(count: lines.count, scroll: .toCursor(cursor), selected: cursor, ascii: state.ascii) { row, canvas in
            switch lines[row.index] {
            case .factorsHeading: canvas.text("Factors", x: row.rect.x, y: row.y, width: row.rect.width, role: .heading)
            case .factor(let n): drawFactor(n, in: row, canvas: &canvas)
            case .gap: break
            case .presetsHeading: canvas.text("Presets (Enter applies)", x: row.rect.x, y: row.y, width: row.rect.width, role: .heading)
            case .preset(let n): drawPreset(n, in: row, canvas: &canvas)
            }
        }
        list.draw(in: area, canvas: &canvas)
        var y = area.y + list.shown(rows: area.height).count
        // The selected factor's question and option texts, from the article.
        if active, state.shared.whatIf.row < b.factors.count, y + 2 < area.maxY {
            let factor = b.factors[state.shared.whatIf.row]
            var explanation = [DetailContent.Line(text: factor.question, role: .heading)]
            for o in factor.options where !o.text.isEmpty { explanation.append(.init(text: "\(o.label): \(o.text)", role: .text)) }
            explanation.append(.init(text: "Source: \(factor.cite.reference)", role: .citation))
            y += 1
            for line in explanation {
                for wrapped in TextLayout.wrap(line.text, width: area.width) where y < area.maxY {
                    canvas.text(wrapped, x: area.x, y: y, width: area.width, role: line.role); y += 1
                }
            }
        }
    }

    /// One factor: its number, name, and options with the chosen one marked (or why none applies).
    func drawFactor(_ n: Int, in row: SelectableList.Row, canvas: inout Canvas) {
        let factor = state.briefing.factors[n]
        let scenario = state.shared.whatIf.scenario
        let (y, maxX) = (row.y, row.rect.maxX)
        let nameWidth = min(18, max(8, row.rect.width / 3))
        var x = canvas.text("\(n + 1) ", x: row.rect.x, y: y, role: row.role(.statusKey))
        x = canvas.text(TextLayout.fit(factor.name, to: nameWidth), x: x, y: y, role: row.role(.text)) + 1
        if scenario.unsettled.contains(factor.id) {
            canvas.text("unsettled: the record fits no option (range shown)", x: x, y: y, width: maxX - x, role: row.role(.warning))
        } else if !scenario.applies(factor) {
            let needs = factor.appliesWhen.map(\.description).joined(separator: ", ")
            canvas.text("n/a (needs \(needs))", x: x, y: y, width: maxX - x, role: row.role(.muted))
        } else {
            for option in factor.options {
                let on = option.id == scenario.choices[factor.id]
                let label = on ? (state.ascii ? "[\(option.label)]" : "◉ \(option.label)") : (state.ascii ? " \(option.label) " : "○ \(option.label)")
                guard x + DisplayWidth.of(label) <= maxX else { break }
                let changed = on && option.id != factor.baseline
                x = canvas.text(label, x: x, y: y, role: row.role(on ? (changed ? .warning : .focusTitle) : .muted)) + 2
            }
        }
    }

    /// One preset: its name and what it stands for, marked when it is the current scenario.
    func drawPreset(_ n: Int, in row: SelectableList.Row, canvas: inout Canvas) {
        let b = state.briefing, preset = b.presets[n]
        let current = Scenario.preset(preset, in: b) == state.shared.whatIf.scenario
        let x = canvas.text(current ? "● " : "  ", x: row.rect.x, y: row.y, role: row.role(.focusTitle))
        canvas.text([preset.name, preset.text].joinedNonEmpty(" — "), x: x, y: row.y, width: row.rect.maxX - x, role: row.role(.text))
    }

    /// Baseline against the current scenario for every target, then the selected one explained.
    func drawOutlooks(in area: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let active = state.shared.whatIf.column == .outlooks
        var y = area.y
        let nameWidth = max(10, min(26, area.width - 34))
        canvas.text(TextLayout.fit("Outlook", to: nameWidth) + " Baseline     Now          Change", x: area.x, y: y, width: area.width, role: .heading)
        y += 1
        // A briefing with more targets than rows: the table scrolls with the cursor.
        let table = Rect(x: area.x, y: y, width: area.width, height: WhatIfGeometry.tableRows(area, targets: b.targets.count))
        let cursor = state.shared.whatIf.outlookRow
        // A target without outlooks draws nothing, not even the selection.
        let selected = active && b.targets.indices.contains(cursor) && outlooks(of: b.targets[cursor]) != nil ? cursor : nil
        SelectableList(count: b.targets.count, scroll: .toCursor(cursor), selected: selected, ascii: state.ascii) { row, canvas in
            drawOutlookRow(row, nameWidth: nameWidth, canvas: &canvas)
        }.draw(in: table, canvas: &canvas)
        guard !b.targets.isEmpty, let top = WhatIfGeometry.explanationTop(area, targets: b.targets.count) else { return }
        y = top
        let target = b.targets[min(state.shared.whatIf.outlookRow, b.targets.count - 1)].id
        for line in DetailContent.lines(for: .outlook(target), state: state, width: area.width, count: area.maxY - y) {
            canvas.text(line.text, x: area.x, y: y, width: area.width, role: line.role); y += 1
        }
    }

    /// One target: its baseline, its outlook now (or the range an unsettled factor leaves), and
    /// the change.
    func drawOutlookRow(_ row: SelectableList.Row, nameWidth: Int, canvas: inout Canvas) {
        let target = state.briefing.targets[row.index]
        guard let (now, base) = outlooks(of: target) else { return }
        let (y, maxX) = (row.y, row.rect.maxX)
        var x = canvas.text(TextLayout.fit(DisplayWidth.of(target.name) <= nameWidth ? target.name : target.short, to: nameWidth) + " ", x: row.rect.x, y: y, role: row.role(.text))
        x = canvas.text(TextLayout.fit("\(base.level.word) \(Wording.signed(base.score, ascii: state.ascii))", to: 12) + " ", x: x, y: y,
                        role: row.role(Glyphs.role(for: base.level)))
        if let range = state.shared.whatIf.ranges[target.id], range.count > 1 {
            x = canvas.text(TextLayout.fit(Wording.range(range, fitting: 12, ascii: state.ascii), to: 12) + " ", x: x, y: y, role: row.role(.warning))
            let low = range.lowerBound - base.score, high = range.upperBound - base.score
            let text = Wording.change(over: low...high, ascii: state.ascii)
            canvas.text(text, x: x, y: y, width: maxX - x, role: row.role(high < 0 ? .changeDown : .warning))
            return
        }
        x = canvas.text(TextLayout.fit("\(now.level.word) \(Wording.signed(now.score, ascii: state.ascii))", to: 12) + " ", x: x, y: y,
                        role: row.role(Glyphs.role(for: now.level)))
        let change = ChangeGlyph(delta: now.score - base.score, ascii: state.ascii)
        canvas.text(change.text, x: x, y: y, width: maxX - x, role: row.role(change.role))
    }

    /// A target's outlook now and at the baseline; nil before they are worked out.
    func outlooks(of target: Target) -> (now: Outlook, base: Outlook)? {
        guard let now = state.outlook(for: target.id), let base = state.baselineOutlooks[target.id] else { return nil }
        return (now, base)
    }
}

