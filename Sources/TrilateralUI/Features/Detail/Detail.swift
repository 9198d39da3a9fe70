import TrilateralModel

/// What the detail pane does on its own.
public enum DetailAction: Equatable, Sendable {
    /// `p`: the paragraphs behind the opened item, and back.
    case read
    /// Back from the paragraphs to the item.
    case back
}

/// The detail pane: what is open in it and how far it scrolls. Opened by the other features
/// (a list's Enter, a search match, a tour step, an explanation); scrolled like a list; `p`
/// turns it to the source paragraphs the item cites.
enum Detail {
    static let bindings: [Binding] = [
        // No status-bar hint: the detail pane's own title says "p ¶" when there is something to read.
        Binding(.dashboard, "p", "the source paragraphs behind the opened item (¶), quote marked; p or Esc: back",
                on: [.char("p")], .detail(.read)),
    ]

    static func reduce(_ state: inout AppState, _ action: DetailAction) {
        switch action {
        case .read:
            if state.shared.detail.reading { back(&state); return }
            if state.shared.panel != nil { state.local.flash = "close the panel, then p"; return }
            let cites = SourceParagraphs.citations(of: state.shared.detail.opened, in: state.briefing, state: state)
            guard !cites.isEmpty else {
                state.local.flash = state.shared.detail.opened == nil
                    ? "open an item first (Enter): p shows the paragraphs it cites"
                    : "this item cites no paragraph (¶) of a source"
                return
            }
            state.shared.detail.reading = true
            state.shared.detail.top = 0
        case .back:
            back(&state)
        }
    }

    static func back(_ state: inout AppState) {
        state.shared.detail.reading = false
        state.shared.detail.top = 0
    }

    /// Shows an item from its first line.
    static func open(_ state: inout AppState, _ item: Item?) {
        state.shared.detail.opened = item
        state.shared.detail.top = 0
        state.shared.detail.reading = false
    }

    /// Scrolls the text, within what it holds at the current size.
    static func scroll(_ state: inout AppState, to top: Int) {
        state.shared.detail.top = max(0, min(top, DetailGeometry.maximumTop(state)))
    }
}
