import TrilateralModel

/// The reducer: the only place behaviour lives. Pure: the same state and action always give
/// the same new state, so sessions can be replayed, tested and broadcast.
public enum Reducer {
    public static func update(_ state: inout AppState, _ action: Action) {
        state.flash = nil
        switch action {
        case .quit:
            state.quitRequested = true
        case .toggleHelp:
            state.helpVisible.toggle()
        case .searchStart:
            state.search = Search(query: "", editing: true)
        case .searchInput(let c):
            guard state.search.query.count < Limits.searchLength else {
                state.flash = "a search is at most \(Limits.searchLength) characters"
                return
            }
            let extended = state.search.query + String(c)
            // Typing on narrows the matches already found (when the folded query only grows).
            let narrows = state.search.isActive && Search.fold(extended).hasPrefix(state.search.folded)
            state.search.matches = narrows ? state.narrowedMatches(extended) : state.findMatches(extended)
            state.search.setQuery(extended)
        case .searchBackspace:
            state.search.setQuery(String(state.search.query.dropLast()))
            state.search.matches = state.findMatches(state.search.query)
        case .searchCommit:
            state.search.editing = false
            if state.search.matches.isEmpty {
                state.flash = state.search.isActive ? "no match for '\(state.search.query.escapingControls)'" : nil
                state.search = Search()
            } else {
                goToMatch(&state, 0)
            }
        case .searchCancel:
            state.search = Search()
        case .searchNext, .searchPrevious:
            guard !state.search.matches.isEmpty else { state.flash = "no search: / starts one"; return }
            let count = state.search.matches.count
            let step = action == .searchNext ? 1 : -1
            let next = state.search.current.map { $0 + step } ?? 0
            goToMatch(&state, (next + count) % count)
            if next >= count { state.flash = "search wrapped to the first match" }
            if next < 0 { state.flash = "search wrapped to the last match" }
        case .closeOverlay:
            if state.search.isActive && !state.helpVisible { state.search = Search() }
            else if state.helpVisible { state.helpVisible = false } else if state.zoomed { state.zoomed = false }
        case .focusNext:
            focus(&state, (state.focus + 1) % state.panes.count)
        case .focusPrevious:
            focus(&state, (state.focus + state.panes.count - 1) % state.panes.count)
        case .focusPane(let n):
            if state.panes.indices.contains(n) { focus(&state, n) } else { state.flash = "no pane \(n + 1)" }
        case .move(let delta):
            select(&state, pane: state.focus, to: state.selection[state.focus] + delta)
        case .page(let direction):
            select(&state, pane: state.focus, to: state.selection[state.focus] + direction * max(1, pageSize(state, pane: state.focus) - 1))
        case .first:
            select(&state, pane: state.focus, to: 0)
        case .last:
            select(&state, pane: state.focus, to: Int.max / 2)
        case .open:
            if let item = state.selectedItem(in: state.focus) {
                state.opened = item
                state.selection[state.detailPane] = 0
                if Layout.compute(state).mode == .narrow { focus(&state, state.detailPane) }
            }
        case .zoom:
            state.zoomed.toggle()
            ensureVisible(&state, pane: state.focus)
        case .showTimeline:
            focus(&state, state.timelinePane)
            state.zoomed = true
        case .toggleTour:
            if state.tourStep != nil {
                state.tourStep = nil
                state.flash = "tour left; the screen stays where it was"
            } else if state.briefing.tour.isEmpty {
                state.flash = "this briefing has no tour"
            } else {
                goToTourStep(&state, 0)
            }
        case .tourStep(let step):
            guard let current = state.tourStep else { return }
            let next = current + step
            if state.briefing.tour.indices.contains(next) { goToTourStep(&state, next) }
            else { state.flash = next < 0 ? "this is the first step" : "end of the tour: b leaves it" }
        case .toggleNotes:
            state.notesVisible.toggle()
        case .toggleScorecard:
            state.scorecardVisible.toggle()
            if state.scorecardVisible && state.briefing.scorecard.isEmpty {
                state.scorecardVisible = false
                state.flash = "this briefing has no scorecard"
            }
        case .scorecardMove(let step):
            state.scorecardRow = max(0, min(state.briefing.scorecard.count - 1, state.scorecardRow + step))
        case .toggleHindsight:
            // Keep the same event selected across the switch when it is in both lists.
            let selected = state.selectedItem(in: state.timelinePane)
            // Keep the search on the same item when it is still a match; else it starts over.
            let current = state.search.current.map { state.search.matches[$0] }.map { ($0.pane, state.items(in: $0.pane)[$0.index]) }
            state.hindsightVisible.toggle()
            let items = state.items(in: state.timelinePane)
            state.selection[state.timelinePane] = selected.flatMap { items.firstIndex(of: $0) } ?? 0
            state.search.matches = state.findMatches(state.search.query)
            state.search.current = current.flatMap { pane, item in
                state.search.matches.firstIndex { $0.pane == pane && state.items(in: pane)[$0.index] == item }
            }
            let until = state.briefing.recordEnd.map { " to \(Day(year: $0.year, month: $0.month).display)" } ?? ""
            state.flash = state.hindsightVisible ? "as it happened after \(state.briefing.asOf.display)\(until) (H hides it)" : "the briefing's own timeline"
        case .zoomTimeline(let step):
            let zoom = step > 0 ? state.timelineZoom * 2 : state.timelineZoom / 2
            state.timelineZoom = max(1, min(64, zoom))
            state.flash = "timeline zoom ×\(state.timelineZoom)"
        case .jumpToAsOf:
            let target = state.briefing.asOf.startOrdinal
            let items = state.items(in: state.timelinePane)
            if let nearest = items.indices.min(by: { distance(state, items[$0], target) < distance(state, items[$1], target) }) {
                select(&state, pane: state.timelinePane, to: nearest)
            }
        case .changeLane(let step):
            changeLane(&state, step)
        case .toggleWhatIf:
            state.whatIfVisible.toggle()
        case .compare:
            state.whatIfVisible = true
            state.whatIfColumn = .outlooks
        case .cycleFactor(let n):
            guard state.briefing.factors.indices.contains(n) else { state.flash = "no factor \(n + 1)"; return }
            cycle(&state, factor: n)
        case .whatIfMove(let step):
            if state.whatIfColumn == .choices {
                let rows = state.briefing.factors.count + state.briefing.presets.count
                state.whatIfRow = max(0, min(rows - 1, state.whatIfRow + step))
            } else {
                state.outlookRow = max(0, min(state.briefing.targets.count - 1, state.outlookRow + step))
            }
        case .whatIfSwitchColumn:
            state.whatIfColumn = state.whatIfColumn == .choices ? .outlooks : .choices
        case .whatIfActivate:
            let factors = state.briefing.factors.count
            if state.whatIfColumn == .outlooks { update(&state, .explain) }
            else if state.whatIfRow < factors { cycle(&state, factor: state.whatIfRow) }
            else { update(&state, .applyPreset(state.whatIfRow - factors)) }
        case .applyPreset(let n):
            guard state.briefing.presets.indices.contains(n) else { return }
            let preset = state.briefing.presets[n]
            setScenario(&state, Scenario.preset(preset, in: state.briefing))
            state.flash = "preset: \(preset.name)"
        case .resetScenario:
            setScenario(&state, Scenario.baseline(of: state.briefing))
            state.flash = "back to the baseline"
        case .undoScenario:
            guard let previous = state.scenarioHistory.popLast() else { state.flash = "nothing to undo"; return }
            state.scenario = previous
            state.recomputeOutlooks()
            state.flash = "undone"
        case .explain:
            explain(&state)
        case .cycleTheme:
            state.themeCursor = (state.themeCursor + 1) % state.themeNames.count
            let next = state.themeNames[state.themeCursor]
            if let problem = state.themeProblems[next] {
                state.flash = "theme \(next) is broken (\(problem)); keeping \(state.themeName)"
            } else {
                state.themeName = next
                state.flash = "theme: \(next)"
            }
        case .resize(let size):
            state.size = size
            for pane in state.panes.indices { ensureVisible(&state, pane: pane) }
        case .click(let x, let y):
            click(&state, x: x, y: y)
        case .scroll(let x, let y, let by):
            let layout = Layout.compute(state)
            if let pane = layout.pane(atX: x, y: y) { select(&state, pane: pane, to: state.selection[pane] + by) }
        case .followerHint:
            state.flash = "only q, T and ? work when following"
        case .unbound(let key):
            state.flash = "'\(key.escapingControls)' does nothing here — ? lists the keys"
        }
    }

    /// Applies raw input through the keymap.
    public static func handle(_ state: inout AppState, _ input: Input) {
        if let action = Keymap.action(for: input, in: state) { update(&state, action) }
    }

    static func focus(_ state: inout AppState, _ pane: Int) {
        state.focus = pane
        if case .pillar = state.panes[pane] { state.lastPillar = pane }
        for p in state.panes.indices { ensureVisible(&state, pane: p) }
    }

    static func select(_ state: inout AppState, pane: Int, to index: Int) {
        if state.panes[pane] == .detail {
            let lines = detailLineCount(state)
            state.selection[pane] = max(0, min(index, lines - pageSize(state, pane: pane)))
            return
        }
        let count = state.items(in: pane).count
        state.selection[pane] = count == 0 ? 0 : max(0, min(index, count - 1))
        ensureVisible(&state, pane: pane)
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        let layout = Layout.compute(state)
        if state.helpVisible { state.helpVisible = false; return }
        if let tabs = layout.tabRow, tabs.contains(x: x, y: y) {
            var cx = tabs.x
            for pane in state.panes.indices {
                let w = DisplayWidth.of(" \(pane + 1) \(Chrome.paneShortName(state, pane)) ") + (pane == state.focus ? 1 : 0)
                if x < cx + w { focus(&state, pane); return }
                cx += w
            }
            return
        }
        guard let pane = layout.pane(atX: x, y: y), let rect = layout.panes[pane] else { return }
        focus(&state, pane)
        switch state.panes[pane] {
        case .pillar:
            let area = PillarPaneView.listArea(rect)
            if area.contains(x: x, y: y) {
                let index = state.scroll[pane] + (y - area.y)
                if index < state.items(in: pane).count {
                    select(&state, pane: pane, to: index)
                    update(&state, .open)
                }
            }
        case .timeline:
            if let index = TimelineHit.event(atX: x, y: y, state: state, rect: rect) {
                select(&state, pane: pane, to: index)
                update(&state, .open)
            }
        case .detail:
            break
        }
    }

    /// Puts a tour step on screen: panels closed, then what the step shows.
    static func goToTourStep(_ state: inout AppState, _ n: Int) {
        let b = state.briefing
        state.tourStep = n
        state.whatIfVisible = false
        state.scorecardVisible = false
        state.zoomed = false
        state.helpVisible = false
        func preset(_ id: String) {
            if let p = b.preset(id) { setScenario(&state, Scenario.preset(p, in: b)) }
        }
        switch b.tour[n].show {
        case .pillar(let id, let item):
            guard let p = b.pillars.firstIndex(where: { $0.id == id }), let pane = state.panes.firstIndex(of: .pillar(p)) else { return }
            focus(&state, pane)
            if let item, let index = state.items(in: pane).firstIndex(where: {
                if case .commitment(let pi, let ci) = $0 { return b.pillars[pi].commitments[ci].id == item }
                return false
            }) {
                select(&state, pane: pane, to: index)
                state.opened = state.items(in: pane)[index]
                state.selection[state.detailPane] = 0
            }
        case .timeline(let event):
            focus(&state, state.timelinePane)
            state.zoomed = true
            let items = state.items(in: state.timelinePane)
            if let index = items.firstIndex(where: { if case .event(let i) = $0 { return b.events[i].id == event }; return false }) {
                select(&state, pane: state.timelinePane, to: index)
                state.opened = items[index]
            }
        case .whatIf(let id):
            preset(id)
            state.whatIfVisible = true
            state.whatIfColumn = .choices
        case .explain(let target, let id):
            preset(id)
            state.whatIfVisible = true
            state.outlookRow = b.targets.firstIndex { $0.id == target } ?? 0
            state.whatIfColumn = .outlooks
            state.opened = .outlook(target)
        case .compare(let id):
            preset(id)
            state.whatIfVisible = true
            state.whatIfColumn = .outlooks
            state.outlookRow = 0
        case .scorecard:
            state.scorecardVisible = true
        }
    }

    /// Focuses, selects and opens the n-th match.
    static func goToMatch(_ state: inout AppState, _ n: Int) {
        let match = state.search.matches[n]
        state.search.current = n
        state.zoomed = false
        focus(&state, match.pane)
        select(&state, pane: match.pane, to: match.index)
        state.opened = state.items(in: match.pane)[match.index]
        state.selection[state.detailPane] = 0
    }

    /// Moves a factor to its next option; a factor that does not apply says so.
    static func cycle(_ state: inout AppState, factor n: Int) {
        let factor = state.briefing.factors[n]
        let current = factor.options.firstIndex { $0.id == state.scenario.choices[factor.id] } ?? 0
        let next = factor.options[(current + 1) % factor.options.count]
        var scenario = state.scenario
        scenario.choices[factor.id] = next.id
        scenario.unsettled.remove(factor.id)
        setScenario(&state, scenario)
        state.whatIfRow = n
        state.flash = "\(factor.id)=\(next.id)" + (scenario.applies(factor) ? "" :
            " (not applicable unless \(factor.appliesWhen.map(\.description).joined(separator: ", ")))")
    }

    /// Changes the scenario, remembering the old one for undo; outlooks follow at once.
    static func setScenario(_ state: inout AppState, _ scenario: Scenario) {
        guard scenario != state.scenario else { return }
        state.scenarioHistory.append(state.scenario)
        if state.scenarioHistory.count > 100 { state.scenarioHistory.removeFirst() }
        state.scenario = scenario
        state.recomputeOutlooks()
    }

    /// Opens the explanation of an outlook in the detail pane (or under the what-if table).
    static func explain(_ state: inout AppState) {
        let targets = state.briefing.targets
        if state.whatIfVisible, !targets.isEmpty {
            state.whatIfColumn = .outlooks
            state.opened = .outlook(targets[min(state.outlookRow, targets.count - 1)].id)
        } else if case .pillar(let p) = state.focusedPane, state.briefing.pillars[p].kind == .cooperation {
            state.opened = .outlook(state.briefing.pillars[p].id)
        } else {
            state.flash = "e explains an outlook: focus a pillar pane, or open the what-if panel (w)"
            return
        }
        state.selection[state.detailPane] = 0
    }

    static func distance(_ state: AppState, _ item: Item, _ ordinal: Int) -> Int {
        guard case .event(let i) = item else { return Int.max }
        return abs(state.briefing.events[i].date.startOrdinal - ordinal)
    }

    /// Selects the event nearest in time to the current one on the next lane that has any.
    static func changeLane(_ state: inout AppState, _ step: Int) {
        let b = state.briefing, pane = state.timelinePane
        let items = state.items(in: pane)
        guard case .event(let current)? = state.selectedItem(in: pane) else { return }
        let laneCount = b.partners.count + 1
        let lane = TimelineView.laneIndex(of: b.events[current], partners: b.partners)
        let when = b.events[current].date.startOrdinal
        var target = lane + step
        while (0..<laneCount).contains(target) {
            let onLane = items.indices.filter {
                guard case .event(let i) = items[$0] else { return false }
                return TimelineView.laneIndex(of: b.events[i], partners: b.partners) == target
            }
            if let nearest = onLane.min(by: { distance(state, items[$0], when) < distance(state, items[$1], when) }) {
                select(&state, pane: pane, to: nearest)
                return
            }
            target += step
        }
        state.flash = step < 0 ? "no lane above with events" : "no lane below with events"
    }

    /// The rows a page move covers in a pane.
    static func pageSize(_ state: AppState, pane: Int) -> Int {
        guard let rect = Layout.compute(state).panes[pane] else { return 10 }
        switch state.panes[pane] {
        case .pillar: return max(1, PillarPaneView.listArea(rect).height)
        default: return max(1, rect.height - 2)
        }
    }

    static func detailLineCount(_ state: AppState) -> Int {
        guard let rect = Layout.compute(state).panes[state.detailPane] else { return 0 }
        return DetailView.lines(for: state.opened, state: state, width: rect.content.width).count
    }

    /// Scrolls a list pane so its selection is visible, moving as little as possible.
    static func ensureVisible(_ state: inout AppState, pane: Int) {
        guard case .pillar = state.panes[pane] else { return }
        guard let rect = Layout.compute(state).panes[pane] else { return }
        let height = PillarPaneView.listArea(rect).height
        guard height > 0 else { return }
        let selected = state.selection[pane]
        var top = state.scroll[pane]
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        let count = state.items(in: pane).count
        top = max(0, min(top, count - height))
        state.scroll[pane] = top
    }
}

/// Mouse hit-testing on the timeline: the nearest event marker on the clicked lane.
enum TimelineHit {
    static func event(atX x: Int, y: Int, state: AppState, rect: Rect) -> Int? {
        let items = state.items(in: state.timelinePane)
        let b = state.briefing
        let scale = TimelineView.scale(state: state, inner: rect.content)
        var best: (distance: Int, index: Int)?
        // Prefer the lane clicked on; any lane if that one has nothing near.
        let inner = rect.content
        let rowsPerLane = TimelineView.rows(innerHeight: inner.height, lanes: state.timelineLanes.count).perLane
        let clickedLane = (y - inner.y) / rowsPerLane
        let lanes = state.timelineLanes.indices.contains(clickedLane) ? [clickedLane] : Array(state.timelineLanes.indices)
        for index in lanes.flatMap({ TimelineView.drawable(lane: $0, state: state, scale: scale) }) {
            guard case .event(let i) = items[index] else { continue }
            let cols = scale.columns(of: b.events[i].date)
            let d = cols.contains(x) ? 0 : min(abs(cols.lowerBound - x), abs(cols.upperBound - x))
            if d <= 2, best == nil || d < best!.distance { best = (d, index) }
        }
        return best?.index
    }
}
