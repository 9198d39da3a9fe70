import TrilateralModel

extension Mode {
    /// Typing a search.
    public static let search = Mode("search", title: "typing a search", below: .nothing) { $0.shared.search.editing }
}

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

    static func reduce(_ search: inout SearchState, _ action: SearchAction, in state: AppState) -> [Action] {
        switch action {
        case .start:
            search = SearchState(editing: true)
        case .input(let c):
            guard search.query.count < Limits.searchLength else {
                return [.flash("a search is at most \(Limits.searchLength) characters")]
            }
            let extended = search.query + String(c)
            // Typing on narrows the matches already found (when the folded query only grows).
            let narrows = search.isActive && SearchState.fold(extended).hasPrefix(search.folded)
            search.matches = narrows ? narrowed(search.matches, to: extended, in: state) : matches(state, extended)
            search.setQuery(extended)
        case .backspace:
            search.setQuery(String(search.query.dropLast()))
            search.matches = matches(state, search.query)
        case .commit:
            search.editing = false
            guard search.matches.isEmpty else { return go(&search, to: 0, in: state) }
            let query = search.query
            search = SearchState()
            return [.flash(query.isEmpty ? nil : "no match for '\(query.escapingControls)'" + laterHint(state, query))]
        case .cancel:
            search = SearchState()
        case .next, .previous:
            guard !search.matches.isEmpty else { return [.flash("no search: \(Keymap.key(for: .search(.start), in: state)) starts one")] }
            let step = action == .next ? 1 : -1
            let next = search.current.map { $0 + step } ?? 0
            let count = search.matches.count
            let shows = go(&search, to: (next + count) % count, in: state)
            if next >= count { return shows + [.flash("search wrapped to the first match")] }
            if next < 0 { return shows + [.flash("search wrapped to the last match")] }
            return shows
        case .refind(let current):
            search.matches = matches(state, search.query)
            search.current = current.flatMap { hit in
                search.matches.firstIndex { $0.pane == hit.pane && state.items(in: hit.pane)[$0.index] == hit.item }
            }
        }
        return []
    }

    /// Makes the n-th match current, and asks for it to be focused, selected and opened.
    static func go(_ search: inout SearchState, to n: Int, in state: AppState) -> [Action] {
        let match = search.matches[n]
        search.current = n
        return [.panes(.setZoom(false)), .panes(.focus(match.pane)), .panes(.select(pane: match.pane, index: match.index)),
                .detail(.open(state.items(in: match.pane)[match.index]))]
    }

    /// The search `other` had (a presenter's, or this terminal's before a reload), found again
    /// in `state`'s briefing: the same query, its matches here, the same match if it exists.
    static func again(like other: SearchState, in state: AppState) -> SearchState {
        var search = SearchState(query: other.query, editing: other.editing)
        search.matches = matches(state, search.query)
        search.current = other.current.flatMap { search.matches.indices.contains($0) ? $0 : nil }
        return search
    }

    /// For a query with no match while the timeline shows only the briefing: how many events
    /// of what happened later (`H`) it would find, so a search for what the briefing could not
    /// know does not look like a dead end.
    static func laterHint(_ state: AppState, _ query: String) -> String {
        guard !state.shared.timeline.hindsight else { return "" }
        let needle = SearchState.fold(query)
        let later = state.context.timelineSearch[1].value.filter { SearchState.contains($0, needle) }.count
        return later == 0 ? "" : "; \(Keymap.key(for: .timeline(.toggleHindsight), in: state)) shows \(later) later"
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
    static func narrowed(_ current: [SearchMatch], to query: String, in state: AppState) -> [SearchMatch] {
        let needle = SearchState.fold(query)
        guard !needle.isEmpty else { return [] }
        return current.filter { SearchState.contains(texts(state, pane: $0.pane)[$0.index], needle) }
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
