import TrilateralModel

/// How the poll's strip is laid out: a heading, then one row per option with its bar; when a
/// third of the body cannot hold that, the options share one row.
enum PollGeometry {
    /// The factor a poll asks about, on this briefing.
    static func factor(_ state: AppState, _ poll: PollState) -> Factor? {
        state.briefing.factors.first { $0.id == poll.factor }
    }

    /// The strip's height in a body of `bodyHeight` rows: the heading and a row per option,
    /// or two rows (heading, options) when that is more than a third of the body.
    static func rows(_ state: AppState, bodyHeight: Int) -> Int {
        guard let poll = state.poll, let factor = factor(state, poll) else { return 0 }
        let full = 1 + factor.options.count
        return full <= bodyHeight / 3 ? full : min(2, max(1, bodyHeight / 3))
    }

    /// The tally this screen shows: the presenter's own live count (it always sees it), or
    /// what the shared poll carries — to a follower only once it has answered or the poll closed.
    static func tally(_ state: AppState, _ poll: PollState) -> (counts: [Int], notAnswered: Int)? {
        if state.local.following == nil {
            if poll.open { return state.liveTally(poll) }
            return poll.tally.map { ($0, poll.notAnswered ?? 0) }
        }
        guard !poll.open || state.pollAnswer != nil, let tally = poll.tally else { return nil }
        return (tally, poll.notAnswered ?? 0)
    }
}
