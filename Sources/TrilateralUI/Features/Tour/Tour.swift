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

extension Mode {
    /// The guided tour.
    public static let tour = Mode("tour", title: "guided tour") { $0.shared.tour.step != nil }
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

    static func reduce(_ slice: inout TourSlice, _ action: TourAction, in state: AppState) -> [Action] {
        let tour = state.briefing.tour
        switch action {
        case .toggle:
            if slice.tour.step != nil {
                slice.tour.step = nil
                return [.flash("tour left; the screen stays where it was")]
            }
            if tour.isEmpty { return [.flash("this briefing has no tour")] }
            return go(&slice.tour, to: 0, in: state)
        case .step(let step):
            guard let current = slice.tour.step else { return [] }
            let next = current + step
            if tour.indices.contains(next) { return go(&slice.tour, to: next, in: state) }
            return [.flash(next < 0 ? "this is the first step" : "end of the tour: \(Keymap.key(for: .tour(.toggle), in: state)) leaves it")]
        case .toggleNotes:
            slice.notesVisible.toggle()
            return []
        case .command(.next):
            // Stepped from the presenter view: this screen changes under a message about
            // something else, so the message goes.
            return [.flash(nil)] + reduce(&slice, slice.tour.step == nil ? .toggle : .step(1), in: state)
        case .command(.previous):
            return [.flash(nil)] + reduce(&slice, .step(-1), in: state)
        }
    }

    /// Puts a tour step on screen: panels and help closed, no zoom, then what the step shows.
    static func go(_ tour: inout TourState, to n: Int, in state: AppState) -> [Action] {
        let b = state.briefing
        tour.step = n
        var shows: [Action] = [.app(.panel(nil)), .panes(.setZoom(false)), .help(.close)]
        func preset(_ id: String) -> [Action] {
            b.preset(id).map { [.whatIf(.change(Scenario.preset($0, in: b)))] } ?? []
        }
        switch b.tour[n].show {
        case .pillar(let id, let item):
            guard let p = b.pillars.firstIndex(where: { $0.id == id }), let pane = state.panes.firstIndex(of: .pillar(p)) else { return shows }
            shows.append(.panes(.focus(pane)))
            let items = state.items(in: pane)
            if let item, let index = items.firstIndex(where: {
                if case .commitment(let pi, let ci) = $0 { return b.pillars[pi].commitments[ci].id == item }
                return false
            }) {
                shows += [.panes(.select(pane: pane, index: index)), .detail(.open(items[index]))]
            }
        case .timeline(let event):
            shows += [.panes(.focus(state.timelinePane)), .panes(.setZoom(true))]
            let items = state.items(in: state.timelinePane)
            if let index = items.firstIndex(where: { if case .event(let i) = $0 { return b.events[i].id == event }; return false }) {
                shows += [.panes(.select(pane: state.timelinePane, index: index)), .detail(.open(items[index]))]
            }
        case .whatIf(let id):
            shows += preset(id) + [.app(.panel(.whatIf)), .whatIf(.show(column: .choices, outlookRow: nil))]
        case .explain(let target, let id):
            let row = b.targets.firstIndex { $0.id == target } ?? 0
            shows += preset(id) + [.app(.panel(.whatIf)), .whatIf(.show(column: .outlooks, outlookRow: row)), .detail(.open(.outlook(target)))]
        case .compare(let id):
            shows += preset(id) + [.app(.panel(.whatIf)), .whatIf(.show(column: .outlooks, outlookRow: 0))]
        case .scorecard:
            shows.append(.app(.panel(b.scorecard.isEmpty ? nil : .scorecard)))
        }
        return shows
    }
}
