import TrilateralModel

/// Following a presenter: the link, the views that arrive, and a change of briefing. A view
/// from the socket is hostile until checked: the app puts it on screen (`AppState.adopt`),
/// clamping or dropping every pane, item, row and option against this terminal's own briefing,
/// so it can only ever select what exists.
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

    static func reduce(_ following: inout Following?, _ action: FollowAction, in state: AppState) -> [Action] {
        switch action {
        case .start(let session, let presenterView):
            following = Following(session: session, presenterView: presenterView)
        case .cue(let clock):
            if following?.presenterView == true { return [.clock(.cue(clock))] }
        case .command(let command):
            if following?.presenterView == true && following?.isLive == true { return [.app(.perform(.toPresenter(command)))] }
        case .link(let link):
            following?.link = link
        case .received(let view):
            guard let was = following, was.isLive else { return [] }
            let previousStep = was.latest?.tour.step
            following?.latest = view
            guard was.browsing else { return [.app(.adopt(view))] }
            // Where the presenter has moved to is news the status bar shows at once, over
            // the message of this viewer's own last key.
            let news: [Action] = view.tour.step != previousStep || view.panes.focus != was.latest?.panes.focus ? [.flash(nil)] : []
            // `F`: back with the presenter when its tour moves on.
            guard was.rejoinAtNextStep, let step = view.tour.step, step != previousStep else { return news }
            following?.browsing = false
            following?.rejoinAtNextStep = false
            return news + [.flash("following again: the presenter moved to step \(step + 1)"), .app(.adopt(view))]
        case .rebase(let briefing):
            // The view on screen carried over by ids, as a reload does, so the audience sees no
            // default view flash up between the new briefing and the presenter's next view.
            following?.latest = nil
            return [.app(.replaceBriefing(briefing))]
        case .onlyFollowerKeys:
            return [.flash("\(Keymap.key(for: .follow(.toggleBrowsing), in: state)) to browse on your own (following, only \(Keymap.followerKeys) work)")]
        case .toggleBrowsing:
            guard let was = following else { return [] }
            if was.browsing {
                following?.browsing = false
                following?.rejoinAtNextStep = false
                return (was.latest.map { [.app(.adopt($0))] } ?? []) + [.flash("following the presenter again")]
            }
            following?.browsing = true
            return [.flash("browsing on your own · \(Keymap.key(for: .follow(.toggleBrowsing), in: state)) to follow again")]
        case .browseUntilNextStep:
            guard following != nil else { return [] }
            following?.browsing = true
            following?.rejoinAtNextStep = true
            return [.flash("browsing until the presenter's next tour step · \(Keymap.key(for: .follow(.toggleBrowsing), in: state)) to follow now")]
        }
        return []
    }
}
