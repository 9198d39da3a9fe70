import TrilateralModel

/// What the detail pane does on its own.
public enum DetailAction: Equatable, Sendable {
    /// `p`: the paragraphs behind the opened item, and back.
    case read
    /// Back from the paragraphs to the item.
    case back
    /// Show an item from its first line (a list's Enter, a search match, a tour step).
    case open(Item?)
    /// Scroll the text to a line, within what it holds at this size.
    case scroll(to: Int)
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

    static func reduce(_ detail: inout DetailState, _ action: DetailAction, in state: AppState) -> [Action] {
        switch action {
        case .read:
            if detail.reading { back(&detail); return [] }
            let read = Keymap.key(for: .detail(.read), in: state)
            if state.shared.panel != nil { return [.flash("close the panel, then \(read)")] }
            let cites = SourceParagraphs.citations(of: detail.opened, in: state.briefing, state: state)
            guard !cites.isEmpty else {
                return [.flash(detail.opened == nil
                    ? "open an item first (\(Keymap.key(for: .panes(.open), in: state))): \(read) shows the paragraphs it cites"
                    : "this item cites no paragraph (¶) of a source")]
            }
            detail.reading = true
            detail.top = 0
        case .back:
            back(&detail)
        case .open(let item):
            detail.opened = item
            detail.top = 0
            detail.reading = false
        case .scroll(let top):
            detail.top = max(0, min(top, DetailGeometry.maximumTop(state.with(\.shared.detail, detail))))
        }
        return []
    }

    static func back(_ detail: inout DetailState) {
        detail.reading = false
        detail.top = 0
    }
}
