import TrilateralModel

/// Following a presenter: the link, the views that arrive, and a change of briefing. A view
/// from the socket is hostile until checked: every pane, item, row and option is clamped or
/// dropped against this terminal's own briefing, so it can only ever select what exists.
enum Follow {
    /// `f` and `F`, which only a follower has.
    static let bindings: [Binding] = [
        Binding(.dashboard, "f", "browse on your own / follow the presenter again (a follower)", hint: Hint(keys: "f", text: "browse/follow"), hintIn: [],
                followers: true) { key, state in
            key == .char("f") && state.local.following?.presenterView == false ? .follow(.toggleBrowsing) : nil
        },
        Binding(.dashboard, "F", "browse until the presenter's next tour step (a follower)", followers: true) { key, state in
            key == .char("F") && state.local.following?.presenterView == false ? .follow(.browseUntilNextStep) : nil
        },
    ]

    @discardableResult
    static func reduce(_ state: inout AppState, _ action: FollowAction) -> [Effect] {
        switch action {
        case .start(let session, let presenterView):
            state.local.following = Following(session: session, presenterView: presenterView)
        case .cue(let clock):
            if state.local.following?.presenterView == true { state.local.clock = clock }
        case .command(let command):
            if state.local.following?.presenterView == true && state.local.following?.isLive == true { return [.toPresenter(command)] }
        case .link(let link):
            state.local.following?.link = link
        case .received(let view):
            guard let following = state.local.following, following.isLive else { return [] }
            let previousStep = following.latest?.tour.step
            state.local.following?.latest = view
            if following.browsing {
                // Where the presenter has moved to is news the status bar shows at once, over
                // the message of this viewer's own last key.
                if view.tour.step != previousStep || view.panes.focus != following.latest?.panes.focus { state.local.flash = nil }
                // `F`: back with the presenter when its tour moves on.
                guard following.rejoinAtNextStep, let step = view.tour.step, step != previousStep else { return [] }
                state.local.following?.browsing = false
                state.local.following?.rejoinAtNextStep = false
                state.local.flash = "following again: the presenter moved to step \(step + 1)"
            }
            apply(view, to: &state)
        case .rebase(let briefing):
            // The view on screen carried over by ids, as a reload does, so the audience sees no
            // default view flash up between the new briefing and the presenter's next view.
            state = Reload.carried(state, to: briefing)
            state.local.following?.latest = nil
        case .onlyFollowerKeys:
            state.local.flash = "f to browse on your own (following, only \(Keymap.followerKeys) work)"
        case .toggleBrowsing:
            guard let following = state.local.following else { return [] }
            if following.browsing {
                state.local.following?.browsing = false
                state.local.following?.rejoinAtNextStep = false
                if let view = following.latest { apply(view, to: &state) }
                state.local.flash = "following the presenter again"
            } else {
                state.local.following?.browsing = true
                state.local.flash = "browsing on your own · f to follow again"
            }
        case .browseUntilNextStep:
            guard state.local.following != nil else { return [] }
            state.local.following?.browsing = true
            state.local.following?.rejoinAtNextStep = true
            state.local.flash = "browsing until the presenter's next tour step · f to follow now"
        }
        return []
    }

    /// Puts a presenter's view on this terminal's state, at this terminal's size.
    static func apply(_ view: SharedState, to state: inout AppState) {
        let b = state.briefing
        let paneCount = state.panes.count
        let clamp = AppState.clamp
        var next = SharedState(panes: PanesState(paneCount: paneCount), whatIf: state.shared.whatIf)
        next.timeline = TimelineState(zoom: max(1, min(64, view.timeline.zoom)), hindsight: view.timeline.hindsight)
        next.panes.focus = clamp(view.panes.focus, paneCount)
        next.panes.zoomed = view.panes.zoomed
        next.panes.lastPillar = view.panes.lastPillar.flatMap { p in
            guard state.panes.indices.contains(p), case .pillar = state.panes[p] else { return nil }
            return p
        }
        next.detail.opened = view.detail.opened.flatMap { ItemKey($0, in: b)?.item(in: b) }   // only what exists here
        next.detail.reading = next.detail.opened != nil && view.detail.reading
        state.shared = next
        state.takePanels(from: view)
        Search.again(&state, like: view.search)
        // Scroll as the presenter did, then select: at this terminal's (maybe smaller) size the
        // selection is clamped and scrolled into sight, moving as little as possible.
        for pane in state.panes.indices {
            let count = state.items(in: pane).count
            state.shared.panes.scroll[pane] = view.panes.scroll.indices.contains(pane) ? clamp(view.panes.scroll[pane], count) : 0
            if state.panes[pane] != .detail {
                Panes.select(&state, pane: pane, to: view.panes.selection.indices.contains(pane) ? max(0, view.panes.selection[pane]) : 0)
            }
        }
        Detail.scroll(&state, to: max(0, view.detail.top))
    }
}
