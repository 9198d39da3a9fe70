import TrilateralModel

/// Search: `/` opens the prompt, typing narrows the matches, Enter goes to the first, `n`/`N`
/// step through them with wrap-around, Esc clears. Matches are highlighted by the views.
enum Search {
    static let dashboard: [Binding] = [
        Binding(.dashboard, "/  n N", "search the briefing; next / previous match") { key, _ in
            switch key {
            case .char("/"): .search(.start)
            case .char("n"): .search(.next)
            case .char("N"): .search(.previous)
            default: nil
            }
        },
    ]
    static let typing: [Binding] = [
        Binding(.search, "Enter", "go to the first match", hint: Hint(keys: "Enter", text: "go"), on: [.enter], .search(.commit)),
        Binding(.search, "Esc Ctrl-C Ctrl-G", "cancel the search", hint: Hint(keys: "Esc", text: "cancel"), on: [.escape, .ctrl("c"), .ctrl("g")], .search(.cancel)),
        Binding(.search, "Backspace Del", "delete the last character", on: [.backspace, .delete], .search(.backspace)),
        Binding(.search, "text", "typed into the search") { key, _ in
            if case .char(let c) = key { return .search(.input(c)) }
            return nil
        },
    ]

    static func reduce(_ state: inout AppState, _ action: SearchAction) {
        switch action {
        case .start:
            state.shared.search = SearchState(editing: true)
        case .input(let c):
            guard state.shared.search.query.count < Limits.searchLength else {
                state.local.flash = "a search is at most \(Limits.searchLength) characters"
                return
            }
            let extended = state.shared.search.query + String(c)
            // Typing on narrows the matches already found (when the folded query only grows).
            let narrows = state.shared.search.isActive && SearchState.fold(extended).hasPrefix(state.shared.search.folded)
            state.shared.search.matches = narrows ? narrowed(state, extended) : matches(state, extended)
            state.shared.search.setQuery(extended)
        case .backspace:
            state.shared.search.setQuery(String(state.shared.search.query.dropLast()))
            state.shared.search.matches = matches(state, state.shared.search.query)
        case .commit:
            state.shared.search.editing = false
            if state.shared.search.matches.isEmpty {
                let query = state.shared.search.query
                state.local.flash = query.isEmpty ? nil : "no match for '\(query.escapingControls)'" + laterHint(state, query)
                state.shared.search = SearchState()
            } else {
                go(&state, to: 0)
            }
        case .cancel:
            state.shared.search = SearchState()
        case .next, .previous:
            let search = state.shared.search
            guard !search.matches.isEmpty else { state.local.flash = "no search: / starts one"; return }
            let step = action == .next ? 1 : -1
            let next = search.current.map { $0 + step } ?? 0
            go(&state, to: (next + search.matches.count) % search.matches.count)
            if next >= search.matches.count { state.local.flash = "search wrapped to the first match" }
            if next < 0 { state.local.flash = "search wrapped to the last match" }
        }
    }

    /// Focuses, selects and opens the n-th match.
    static func go(_ state: inout AppState, to n: Int) {
        let match = state.shared.search.matches[n]
        state.shared.search.current = n
        state.shared.panes.zoomed = false
        Panes.focus(&state, match.pane)
        Panes.select(&state, pane: match.pane, to: match.index)
        Detail.open(&state, state.items(in: match.pane)[match.index])
    }

    /// The search `other` had (a presenter's, or this terminal's before a reload), found again
    /// in this state's briefing: the same query, its matches here, the same match if it exists.
    static func again(_ state: inout AppState, like other: SearchState) {
        var search = SearchState(query: other.query, editing: other.editing)
        search.matches = matches(state, search.query)
        search.current = other.current.flatMap { search.matches.indices.contains($0) ? $0 : nil }
        state.shared.search = search
    }

    /// For a query with no match while the timeline shows only the briefing: how many events
    /// of what happened later (`H`) it would find, so a search for what the briefing could not
    /// know does not look like a dead end.
    static func laterHint(_ state: AppState, _ query: String) -> String {
        guard !state.shared.timeline.hindsight else { return "" }
        let needle = SearchState.fold(query)
        let later = state.context.timelineSearch[1].value.filter { SearchState.contains($0, needle) }.count
        return later == 0 ? "" : "; H shows \(later) later"
    }

    /// The folded texts a pane's items are searched in.
    static func texts(_ state: AppState, pane: Int) -> [String] {
        pane == state.timelinePane ? state.context.timelineSearch[state.shared.timeline.hindsight ? 1 : 0].value : state.context.search.panes[pane]
    }

    /// Every item matching `query`, in pane order.
    static func matches(_ state: AppState, _ query: String) -> [SearchMatch] {
        let needle = SearchState.fold(query)
        guard !needle.isEmpty else { return [] }
        var found: [SearchMatch] = []
        for pane in state.panes.indices {
            for (index, text) in texts(state, pane: pane).enumerated() where SearchState.contains(text, needle) {
                found.append(SearchMatch(pane: pane, index: index))
            }
        }
        return found
    }

    /// The matches of a query that extends the current one: a subset of the current matches.
    static func narrowed(_ state: AppState, _ query: String) -> [SearchMatch] {
        let needle = SearchState.fold(query)
        guard !needle.isEmpty else { return [] }
        return state.shared.search.matches.filter { SearchState.contains(texts(state, pane: $0.pane)[$0.index], needle) }
    }

    /// The matches found again (after the timeline's layers change), keeping the current one
    /// when it is still a match.
    static func refind(_ state: inout AppState, keeping current: (pane: Int, item: Item)?) {
        state.shared.search.matches = matches(state, state.shared.search.query)
        state.shared.search.current = current.flatMap { pane, item in
            state.shared.search.matches.firstIndex { $0.pane == pane && state.items(in: pane)[$0.index] == item }
        }
    }
}

extension AppState {
    /// Whether an item of a pane matches the active search (views highlight it).
    public func matches(pane: Int, index: Int) -> Bool {
        guard shared.search.isActive else { return false }
        let texts = Search.texts(self, pane: pane)
        return texts.indices.contains(index) && SearchState.contains(texts[index], shared.search.folded)
    }
}
