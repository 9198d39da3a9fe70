import TrilateralModel

/// Starting, stepping through and leaving the tour.
public enum TourAction: Equatable, Sendable {
    case toggle
    /// Next (+1) or back (-1).
    case step(Int)
    case toggleNotes
    /// The presenter view's keys: the next step (starting the tour if it is not running), or
    /// the previous one.
    case command(PresenterCommand)
}

/// The guided tour (`b`): each step puts a pane, an event, a scenario or the scorecard on
/// screen, with a caption for everyone and notes for the presenter.
enum Tour {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "b", "the guided tour: start / leave (Space ← s inside)", on: [.char("b")], .tour(.toggle)),
    ]
    static let inTour: [Binding] = [
        Binding(.tour, "Space → PgDn", "next step", hint: Hint(keys: "Space →", text: "next"), on: [.char(" "), .right, .pageDown], .tour(.step(1))),
        Binding(.tour, "← Backspace PgUp", "previous step", hint: Hint(keys: "←", text: "back"), on: [.left, .backspace, .pageUp], .tour(.step(-1))),
        Binding(.tour, "s", "the speaker notes (on this screen only)", hint: Hint(keys: "s", text: "notes"), on: [.char("s")], .tour(.toggleNotes)),
        Binding(.tour, "b", "leave the tour (the screen stays where it is)", hint: Hint(keys: "b", text: "leave tour"), on: [.char("b")], .tour(.toggle)),
    ]

    static func reduce(_ state: inout AppState, _ action: TourAction) {
        let tour = state.briefing.tour
        switch action {
        case .toggle:
            if state.shared.tour.step != nil {
                state.shared.tour.step = nil
                state.local.flash = "tour left; the screen stays where it was"
            } else if tour.isEmpty {
                state.local.flash = "this briefing has no tour"
            } else {
                go(&state, to: 0)
            }
        case .step(let step):
            guard let current = state.shared.tour.step else { return }
            let next = current + step
            if tour.indices.contains(next) { go(&state, to: next) }
            else { state.local.flash = next < 0 ? "this is the first step" : "end of the tour: b leaves it" }
        case .toggleNotes:
            state.local.notesVisible.toggle()
        case .command(.next):
            // Stepped from the presenter view: this screen changes under a message about
            // something else, so the message goes.
            state.local.flash = nil
            reduce(&state, state.shared.tour.step == nil ? .toggle : .step(1))
        case .command(.previous):
            state.local.flash = nil
            reduce(&state, .step(-1))
        }
    }

    /// Puts a tour step on screen: panels closed, then what the step shows.
    static func go(_ state: inout AppState, to n: Int) {
        let b = state.briefing
        state.shared.tour.step = n
        state.shared.panel = nil
        state.shared.panes.zoomed = false
        state.local.helpVisible = false
        func preset(_ id: String) {
            if let p = b.preset(id) { WhatIf.set(&state, Scenario.preset(p, in: b)) }
        }
        switch b.tour[n].show {
        case .pillar(let id, let item):
            guard let p = b.pillars.firstIndex(where: { $0.id == id }), let pane = state.panes.firstIndex(of: .pillar(p)) else { return }
            Panes.focus(&state, pane)
            if let item, let index = state.items(in: pane).firstIndex(where: {
                if case .commitment(let pi, let ci) = $0 { return b.pillars[pi].commitments[ci].id == item }
                return false
            }) {
                Panes.select(&state, pane: pane, to: index)
                Detail.open(&state, state.items(in: pane)[index])
            }
        case .timeline(let event):
            Panes.focus(&state, state.timelinePane)
            state.shared.panes.zoomed = true
            let items = state.items(in: state.timelinePane)
            if let index = items.firstIndex(where: { if case .event(let i) = $0 { return b.events[i].id == event }; return false }) {
                Panes.select(&state, pane: state.timelinePane, to: index)
                Detail.open(&state, items[index])
            }
        case .whatIf(let id):
            preset(id)
            state.shared.panel = .whatIf
            state.shared.whatIf.column = .choices
        case .explain(let target, let id):
            preset(id)
            state.shared.panel = .whatIf
            state.shared.whatIf.outlookRow = b.targets.firstIndex { $0.id == target } ?? 0
            state.shared.whatIf.column = .outlooks
            Detail.open(&state, .outlook(target))
        case .compare(let id):
            preset(id)
            state.shared.panel = .whatIf
            state.shared.whatIf.column = .outlooks
            state.shared.whatIf.outlookRow = 0
        case .scorecard:
            state.shared.panel = b.scorecard.isEmpty ? nil : .scorecard
        }
    }
}
