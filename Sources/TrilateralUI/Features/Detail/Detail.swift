import TrilateralModel

/// The item shown in the detail pane and how far its text is scrolled: shared with followers.
public struct DetailState: Codable, Equatable, Sendable {
    /// The item shown (nil: the briefing's title and key points).
    public var opened: Item?
    /// The first line of its text on screen.
    public var top = 0
}

/// The detail pane: what is open in it and how far it scrolls. Opened by the other features
/// (a list's Enter, a search match, a tour step, an explanation); scrolled like a list.
enum Detail {
    /// Shows an item from its first line.
    static func open(_ state: inout AppState, _ item: Item?) {
        state.shared.detail.opened = item
        state.shared.detail.top = 0
    }

    /// Scrolls the text, within what it holds at the current size.
    static func scroll(_ state: inout AppState, to top: Int) {
        state.shared.detail.top = max(0, min(top, DetailGeometry.maximumTop(state)))
    }
}
