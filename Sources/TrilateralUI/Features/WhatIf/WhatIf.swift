import TrilateralModel

/// The what-if engine on screen: factors to cycle, presets to apply, undo and reset, the
/// comparison with the baseline and the explanation of an outlook.
enum WhatIf {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "w", "the what-if panel: flip the article's conditions", on: [.char("w")], .whatIf(.toggle)),
        Binding(.dashboard, "c  e", "compare with the baseline; explain an outlook") { key, _ in
            switch key {
            case .char("c"): .whatIf(.compare)
            case .char("e"): .whatIf(.explain)
            default: nil
            }
        },
    ]
    static let inPanel: [Binding] = [
        Binding(.whatIf, "1-9", "cycle factor N to its next option", hint: Hint(keys: "1-N", text: "cycle")) { key, _ in
            key.digit.map { .whatIf(.cycleFactor($0 - 1)) }
        },
        Binding(.whatIf, "↑↓ j k", "move within the column", hint: Hint(keys: "↑↓", text: "move")) { key, _ in
            switch key {
            case .up, .char("k"): .whatIf(.move(-1))
            case .down, .char("j"): .whatIf(.move(1))
            default: nil
            }
        },
        Binding(.whatIf, "←→ h l Tab S-Tab", "factors and presets / outlooks", on: [.left, .right, .char("h"), .char("l"), .tab, .backTab], .whatIf(.switchColumn)),
        Binding(.whatIf, "Space Enter", "cycle the factor, apply the preset, or explain the outlook under the cursor",
                hint: Hint(keys: "Enter", text: "apply"), on: [.char(" "), .enter], .whatIf(.activate)),
        Binding(.whatIf, "e", "explain the outlook under the cursor", hint: Hint(keys: "e", text: "explain"), on: [.char("e")], .whatIf(.explain)),
        Binding(.whatIf, "r", "reset to the baseline", hint: Hint(keys: "r", text: "reset"), on: [.char("r")], .whatIf(.reset)),
        Binding(.whatIf, "u", "undo the last change", hint: Hint(keys: "u", text: "undo"), on: [.char("u")], .whatIf(.undo)),
        Binding(.whatIf, "w  Esc", "close the panel", hint: Hint(keys: "w", text: "close"), on: [.char("w"), .escape], .whatIf(.toggle)),
    ]

    static func reduce(_ state: inout AppState, _ action: WhatIfAction) {
        let b = state.briefing
        switch action {
        case .toggle:
            state.shared.panel = state.shared.panel == .whatIf ? nil : .whatIf
        case .compare:
            state.shared.panel = .whatIf
            state.shared.whatIf.column = .outlooks
        case .cycleFactor(let n):
            guard b.factors.indices.contains(n) else { state.local.flash = "no factor \(n + 1)"; return }
            cycle(&state, factor: n)
        case .move(let step):
            if state.shared.whatIf.column == .choices {
                let rows = b.factors.count + b.presets.count
                state.shared.whatIf.row = max(0, min(rows - 1, state.shared.whatIf.row + step))
            } else {
                state.shared.whatIf.outlookRow = max(0, min(b.targets.count - 1, state.shared.whatIf.outlookRow + step))
            }
        case .switchColumn:
            state.shared.whatIf.column = state.shared.whatIf.column == .choices ? .outlooks : .choices
        case .activate:
            let factors = b.factors.count
            if state.shared.whatIf.column == .outlooks { explain(&state) }
            else if state.shared.whatIf.row < factors { cycle(&state, factor: state.shared.whatIf.row) }
            else { reduce(&state, .applyPreset(state.shared.whatIf.row - factors)) }
        case .applyPreset(let n):
            guard b.presets.indices.contains(n) else { return }
            set(&state, Scenario.preset(b.presets[n], in: b))
            state.local.flash = "preset: \(b.presets[n].name)"
        case .reset:
            set(&state, Scenario.baseline(of: b))
            state.local.flash = "back to the baseline"
        case .undo:
            guard let previous = state.shared.whatIf.history.popLast() else { state.local.flash = "nothing to undo"; return }
            state.shared.whatIf.set(previous, briefing: b)
            state.local.flash = "undone"
        case .explain:
            explain(&state)
        case .set(let scenario):
            state.shared.whatIf.set(scenario, briefing: b)
        }
    }

    /// Moves a factor to its next option; a factor that does not apply says so.
    static func cycle(_ state: inout AppState, factor n: Int) {
        let factor = state.briefing.factors[n]
        var scenario = state.shared.whatIf.scenario
        let current = factor.options.firstIndex { $0.id == scenario.choices[factor.id] } ?? 0
        let next = factor.options[(current + 1) % factor.options.count]
        scenario.choices[factor.id] = next.id
        scenario.unsettled.remove(factor.id)
        set(&state, scenario)
        state.shared.whatIf.row = n
        state.local.flash = "\(factor.id)=\(next.id)" + (scenario.applies(factor) ? "" :
            " (not applicable unless \(factor.appliesWhen.map(\.description).joined(separator: ", ")))")
    }

    /// Changes the scenario, remembering the old one for undo; outlooks follow at once.
    static func set(_ state: inout AppState, _ scenario: Scenario) {
        guard scenario != state.shared.whatIf.scenario else { return }
        state.shared.whatIf.history.append(state.shared.whatIf.scenario)
        if state.shared.whatIf.history.count > 100 { state.shared.whatIf.history.removeFirst() }
        state.shared.whatIf.set(scenario, briefing: state.briefing)
    }

    /// Opens the explanation of an outlook in the detail pane (or under the what-if table).
    static func explain(_ state: inout AppState) {
        let b = state.briefing
        if state.shared.panel == .whatIf, !b.targets.isEmpty {
            state.shared.whatIf.column = .outlooks
            Detail.open(&state, .outlook(b.targets[min(state.shared.whatIf.outlookRow, b.targets.count - 1)].id))
            if !WhatIfGeometry.explanationShows(state) { state.local.flash = "explained in the detail pane: press w" }
        } else if case .pillar(let p) = state.focusedPane, b.pillars[p].kind == .cooperation {
            Detail.open(&state, .outlook(b.pillars[p].id))
        } else {
            state.local.flash = "e explains an outlook: focus a pillar pane, or open the what-if panel (w)"
        }
    }
}
