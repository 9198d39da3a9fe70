import TrilateralModel

/// Where the what-if panel puts its two columns, and which lines of the factor and preset list
/// fit: side by side from 90 columns inside the panel, else the list above the outlook table.
/// A list taller than its area scrolls with the cursor, so every preset can be reached and seen.
enum WhatIfGeometry {
    /// The list of factors and presets, and the outlook table with its explanation.
    struct Areas: Equatable {
        var choices: Rect
        var outlooks: Rect
        /// The column of the rule between them, side by side.
        var rule: Int?
    }

    static func areas(_ state: AppState, panel: Rect) -> Areas {
        let inner = panel.content
        let sideBySide = inner.width >= 90
        if sideBySide {
            let (left, right) = inner.splitLeft(inner.width * 11 / 20)
            // The rule one column left of the table's half, a blank column either side of it.
            return Areas(choices: Rect(x: left.x, y: left.y, width: left.width - 2, height: left.height),
                         outlooks: Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height), rule: right.x - 1)
        }
        let (top, bottom) = inner.splitTop(max(inner.height / 2, inner.height - state.briefing.targets.count - 1))
        return Areas(choices: top, outlooks: bottom, rule: nil)
    }

    /// One line of the choices list.
    enum ChoiceLine: Equatable {
        case factorsHeading, factor(Int), gap, presetsHeading, preset(Int)
    }

    /// The list's lines: a blank line between factors and presets when everything fits with it.
    static func choiceLines(_ b: Briefing, height: Int) -> [ChoiceLine] {
        var lines: [ChoiceLine] = [.factorsHeading] + b.factors.indices.map { .factor($0) }
        if height >= b.factors.count + b.presets.count + 3 { lines.append(.gap) }
        if !b.presets.isEmpty { lines += [.presetsHeading] + b.presets.indices.map { .preset($0) } }
        return lines
    }

    /// The line the cursor is on (nil while the cursor is in the outlook table).
    static func cursorLine(_ state: AppState, in lines: [ChoiceLine]) -> Int? {
        guard state.shared.whatIf.column == .choices else { return nil }
        let row = state.shared.whatIf.row, factors = state.briefing.factors.count
        return lines.firstIndex(of: row < factors ? .factor(row) : .preset(row - factors))
    }

    /// Rows for the outlook table's targets, under its heading.
    static func tableRows(_ outlooks: Rect, targets: Int) -> Int { max(0, min(targets, outlooks.height - 1)) }

    /// The first row of the selected outlook's explanation under the table, when at least
    /// three rows are left for it there.
    static func explanationTop(_ outlooks: Rect, targets: Int) -> Int? {
        let top = outlooks.y + 1 + tableRows(outlooks, targets: targets) + 1
        return top + 2 <= outlooks.maxY ? top : nil
    }

    /// Whether the open panel shows an explanation under its table at the current size.
    static func explanationShows(_ state: AppState) -> Bool {
        guard let panel = Layout.compute(state).panel else { return false }
        return explanationTop(areas(state, panel: panel).outlooks, targets: state.briefing.targets.count) != nil
    }
}
