import TrilateralModel

/// The what-if panel: the article's conditions as factors to flip and presets to apply, and
/// every target's outlook under the current scenario beside the baseline, with the rules behind
/// the selected one.
struct WhatIfView {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let scenario = state.shared.whatIf.scenario
        let name = b.presets.first { Scenario.preset($0, in: b) == scenario }?.name ?? (scenario == Scenario.baseline(of: b) ? "baseline" : "custom")
        canvas.box(rect, title: "What if… · scenario: \(name)", focused: true)
        let inner = rect.content
        guard inner.width > 10, inner.height > 4 else { return }
        let sideBySide = inner.width >= 90
        let (left, right): (Rect, Rect) = sideBySide
            ? inner.splitLeft(inner.width * 11 / 20)
            : inner.splitTop(max(inner.height / 2, inner.height - b.targets.count - 1))
        drawChoices(in: sideBySide ? Rect(x: left.x, y: left.y, width: left.width - 2, height: left.height) : left, canvas: &canvas)
        if sideBySide { canvas.vline(x: right.x - 1, y: right.y, height: right.height, role: .border) }
        drawOutlooks(in: Rect(x: right.x + (sideBySide ? 1 : 0), y: right.y, width: right.width - (sideBySide ? 1 : 0), height: right.height), canvas: &canvas)
    }

    /// Factors (numbered, current option marked, non-applicable ones said so) and presets.
    func drawChoices(in area: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let active = state.shared.whatIf.column == .choices
        var y = area.y
        canvas.text("Factors", x: area.x, y: y, width: area.width, role: .heading); y += 1
        let nameWidth = min(18, max(8, area.width / 3))
        for (n, factor) in b.factors.enumerated() where y < area.maxY {
            let selected = active && state.shared.whatIf.row == n
            let applies = state.shared.whatIf.scenario.applies(factor)
            let chosen = state.shared.whatIf.scenario.choices[factor.id]
            if selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
            let rowRole: StyleRole = selected ? .selection : .text
            var x = canvas.text("\(n + 1) ", x: area.x, y: y, role: selected ? .selection : .statusKey)
            x = canvas.text(TextLayout.fit(factor.name, to: nameWidth), x: x, y: y, role: rowRole) + 1
            if state.shared.whatIf.scenario.unsettled.contains(factor.id) {
                canvas.text("unsettled: the record fits no option (range shown)", x: x, y: y, width: area.maxX - x,
                            role: selected ? .selection : .warning)
            } else if !applies {
                let needs = factor.appliesWhen.map(\.description).joined(separator: ", ")
                canvas.text("n/a (needs \(needs))", x: x, y: y, width: area.maxX - x, role: selected ? .selection : .muted)
            } else {
                for option in factor.options {
                    let on = option.id == chosen
                    let label = on ? (state.ascii ? "[\(option.label)]" : "◉ \(option.label)") : (state.ascii ? " \(option.label) " : "○ \(option.label)")
                    guard x + DisplayWidth.of(label) <= area.maxX else { break }
                    let changed = on && option.id != factor.baseline
                    x = canvas.text(label, x: x, y: y, role: selected ? .selection : (on ? (changed ? .warning : .focusTitle) : .muted)) + 2
                }
            }
            y += 1
        }
        if area.height >= b.factors.count + b.presets.count + 3 { y += 1 }
        if !b.presets.isEmpty, y < area.maxY { canvas.text("Presets (Enter applies)", x: area.x, y: y, width: area.width, role: .heading); y += 1 }
        for (n, preset) in b.presets.enumerated() where y < area.maxY {
            let row = b.factors.count + n
            let selected = active && state.shared.whatIf.row == row
            if selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
            let current = Scenario.preset(preset, in: b) == state.shared.whatIf.scenario
            let x = canvas.text(current ? "● " : "  ", x: area.x, y: y, role: selected ? .selection : .focusTitle)
            canvas.text([preset.name, preset.text].joinedNonEmpty(" — "), x: x, y: y, width: area.maxX - x, role: selected ? .selection : .text)
            y += 1
        }
        // The selected factor's question and option texts, from the article.
        if active, state.shared.whatIf.row < b.factors.count, y + 2 < area.maxY {
            let factor = b.factors[state.shared.whatIf.row]
            var lines = [DetailContent.Line(text: factor.question, role: .heading)]
            for o in factor.options where !o.text.isEmpty { lines.append(.init(text: "\(o.label): \(o.text)", role: .text)) }
            lines.append(.init(text: "Source: \(factor.cite.reference)", role: .citation))
            y += 1
            for line in lines {
                for wrapped in TextLayout.wrap(line.text, width: area.width) where y < area.maxY {
                    canvas.text(wrapped, x: area.x, y: y, width: area.width, role: line.role); y += 1
                }
            }
        }
    }

    /// Baseline against the current scenario for every target, then the selected one explained.
    func drawOutlooks(in area: Rect, canvas: inout Canvas) {
        let b = state.briefing
        let active = state.shared.whatIf.column == .outlooks
        var y = area.y
        let nameWidth = max(10, min(26, area.width - 34))
        canvas.text(TextLayout.fit("Outlook", to: nameWidth) + " Baseline     Now          Change", x: area.x, y: y, width: area.width, role: .heading)
        y += 1
        for (n, target) in b.targets.enumerated() where y < area.maxY {
            guard let now = state.outlook(for: target.id), let base = state.baselineOutlooks[target.id] else { continue }
            let selected = active && state.shared.whatIf.outlookRow == n
            if selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
            var x = canvas.text(TextLayout.fit(DisplayWidth.of(target.name) <= nameWidth ? target.name : target.short, to: nameWidth) + " ", x: area.x, y: y, role: selected ? .selection : .text)
            x = canvas.text(TextLayout.fit("\(base.level.word) \(signed(base.score))", to: 12) + " ", x: x, y: y,
                            role: selected ? .selection : Glyphs.role(for: base.level))
            if let range = state.shared.whatIf.ranges[target.id], range.count > 1 {
                x = canvas.text(TextLayout.fit(OutlookRange.compact(range), to: 12) + " ", x: x, y: y, role: selected ? .selection : .warning)
                let low = range.lowerBound - base.score, high = range.upperBound - base.score
                let text = low == high ? ChangeGlyph(delta: low, ascii: state.ascii).text : "\(low)…\(high > 0 ? "+" : "")\(high)"
                canvas.text(text, x: x, y: y, width: area.maxX - x, role: selected ? .selection : (high < 0 ? .changeDown : .warning))
                y += 1
                continue
            } else {
                x = canvas.text(TextLayout.fit("\(now.level.word) \(signed(now.score))", to: 12) + " ", x: x, y: y,
                                role: selected ? .selection : Glyphs.role(for: now.level))
            }
            let change = ChangeGlyph(delta: now.score - base.score, ascii: state.ascii)
            canvas.text(change.text, x: x, y: y, width: area.maxX - x, role: selected ? .selection : change.role)
            y += 1
        }
        guard y + 2 < area.maxY, !b.targets.isEmpty else { return }
        y += 1
        let target = b.targets[min(state.shared.whatIf.outlookRow, b.targets.count - 1)].id
        for line in DetailContent.lines(for: .outlook(target), state: state, width: area.width, count: area.maxY - y) {
            canvas.text(line.text, x: area.x, y: y, width: area.width, role: line.role); y += 1
        }
    }

    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}

