import TrilateralModel

extension Panel {
    /// The what-if panel, full screen.
    public static let whatIf = Panel("what-if", title: "What if", spoken: "the what-if panel")
}

extension Mode {
    /// The what-if panel.
    public static let whatIf = Mode("what-if", title: "what-if panel") { $0.shared.panel == .whatIf }
}

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
        .vertical(.whatIf, "move within the column", hint: Hint(keys: "↑↓", text: "move"), up: .whatIf(.move(-1)), down: .whatIf(.move(1))),
        Binding(.whatIf, "←→ h l Tab S-Tab", "factors and presets / outlooks", on: [.left, .right, .char("h"), .char("l"), .tab, .backTab], .whatIf(.switchColumn)),
        Binding(.whatIf, "Space Enter", "cycle the factor, apply the preset, or explain the outlook under the cursor",
                hint: Hint(keys: "Enter", text: "apply"), on: [.char(" "), .enter], .whatIf(.activate)),
        Binding(.whatIf, "e", "explain the outlook under the cursor", hint: Hint(keys: "e", text: "explain"), on: [.char("e")], .whatIf(.explain)),
        Binding(.whatIf, "r", "reset to the baseline", hint: Hint(keys: "r", text: "reset"), on: [.char("r")], .whatIf(.reset)),
        Binding(.whatIf, "u", "undo the last change", hint: Hint(keys: "u", text: "undo"), on: [.char("u")], .whatIf(.undo)),
        Binding(.whatIf, "w  Esc", "close the panel", hint: Hint(keys: "w", text: "close"), on: [.char("w"), .escape], .whatIf(.toggle)),
    ]

    static func reduce(_ whatIf: inout WhatIfState, _ action: WhatIfAction, in state: AppState) -> [Action] {
        let b = state.briefing
        switch action {
        case .toggle:
            return [.app(.panel(state.shared.panel == .whatIf ? nil : .whatIf))]
        case .compare:
            whatIf.column = .outlooks
            return [.app(.panel(.whatIf))]
        case .cycleFactor(let n):
            guard b.factors.indices.contains(n) else { return [.flash("no factor \(n + 1)")] }
            return cycle(&whatIf, factor: n, briefing: b)
        case .move(let step):
            if whatIf.column == .choices {
                let rows = b.factors.count + b.presets.count
                whatIf.row = max(0, min(rows - 1, whatIf.row + step))
            } else {
                whatIf.outlookRow = max(0, min(b.targets.count - 1, whatIf.outlookRow + step))
            }
        case .switchColumn:
            whatIf.column = whatIf.column == .choices ? .outlooks : .choices
        case .activate:
            let factors = b.factors.count
            if whatIf.column == .outlooks { return explain(&whatIf, in: state) }
            if whatIf.row < factors { return cycle(&whatIf, factor: whatIf.row, briefing: b) }
            return reduce(&whatIf, .applyPreset(whatIf.row - factors), in: state)
        case .applyPreset(let n):
            guard b.presets.indices.contains(n) else { return [] }
            change(&whatIf, to: Scenario.preset(b.presets[n], in: b), briefing: b)
            return [.flash("preset: \(b.presets[n].name)")]
        case .reset:
            change(&whatIf, to: Scenario.baseline(of: b), briefing: b)
            return [.flash("back to the baseline")]
        case .undo:
            guard let previous = whatIf.history.popLast() else { return [.flash("nothing to undo")] }
            whatIf.set(previous, briefing: b)
            return [.flash("undone")]
        case .explain:
            return explain(&whatIf, in: state)
        case .set(let scenario):
            whatIf.set(scenario, briefing: b)
        case .change(let scenario):
            change(&whatIf, to: scenario, briefing: b)
        case .show(let column, let outlookRow):
            whatIf.column = column
            if let outlookRow { whatIf.outlookRow = outlookRow }
        case .adopt(let view):
            whatIf.column = view.column
            whatIf.row = AppState.clamp(view.row, b.factors.count + b.presets.count)
            whatIf.outlookRow = AppState.clamp(view.outlookRow, b.targets.count)
            let scenario = view.scenario.mapped(onto: b)
            // Outlooks recomputed only when the scenario moved: a view arrives with every key.
            if scenario != whatIf.scenario { whatIf.set(scenario, briefing: b) }
        }
        return []
    }

    /// Moves a factor to its next option; a factor that does not apply says so.
    static func cycle(_ whatIf: inout WhatIfState, factor n: Int, briefing b: Briefing) -> [Action] {
        let factor = b.factors[n]
        var scenario = whatIf.scenario
        let current = factor.options.firstIndex { $0.id == scenario.choices[factor.id] } ?? 0
        let next = factor.options[(current + 1) % factor.options.count]
        scenario.choices[factor.id] = next.id
        scenario.unsettled.remove(factor.id)
        change(&whatIf, to: scenario, briefing: b)
        whatIf.row = n
        return [.flash("\(factor.id)=\(next.id)" + (scenario.applies(factor) ? "" :
            " (not applicable unless \(factor.appliesWhen.map(\.description).joined(separator: ", ")))"))]
    }

    /// Changes the scenario, remembering the old one for undo; outlooks follow at once.
    static func change(_ whatIf: inout WhatIfState, to scenario: Scenario, briefing: Briefing) {
        guard scenario != whatIf.scenario else { return }
        whatIf.history.append(whatIf.scenario)
        if whatIf.history.count > 100 { whatIf.history.removeFirst() }
        whatIf.set(scenario, briefing: briefing)
    }

    /// Opens the explanation of an outlook in the detail pane (or under the what-if table).
    static func explain(_ whatIf: inout WhatIfState, in state: AppState) -> [Action] {
        let b = state.briefing
        if state.shared.panel == .whatIf, !b.targets.isEmpty {
            whatIf.column = .outlooks
            let open = Action.detail(.open(.outlook(b.targets[min(whatIf.outlookRow, b.targets.count - 1)].id)))
            if WhatIfGeometry.explanationShows(state.with(\.shared.whatIf, whatIf)) { return [open] }
            return [open, .flash("explained in the detail pane: press \(Keymap.key(for: .whatIf(.toggle), in: state))")]
        }
        if case .pillar(let p) = state.focusedPane, b.pillars[p].kind == .cooperation {
            return [.detail(.open(.outlook(b.pillars[p].id)))]
        }
        let explain = Keymap.key(for: .whatIf(.explain), in: state), open = Keymap.key(for: .whatIf(.toggle), in: state)
        return [.flash("\(explain) explains an outlook: focus a pillar pane, or open the what-if panel (\(open))")]
    }
}
