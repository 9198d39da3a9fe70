import TrilateralModel

/// The poll on every screen, if any (shared with followers): the factor the room is asked
/// about, whether it still takes answers, and the tally when the room may see it.
public struct PollState: Codable, Equatable, Sendable {
    /// The poll's number in the session (1, 2, …), as the screen says it.
    public var number: Int
    /// Which poll this is on the wire: the presenter's session salt with the number, so an
    /// answer to an earlier poll, or to another presenter's poll 2, is told apart.
    public var id: Int
    /// The factor's id: its question and options are the room's question and answers.
    public var factor: String
    /// Taking answers; a closed poll stays on screen with its result until the presenter clears it.
    public var open: Bool
    /// How many chose each option, in the factor's order; nil while the room may not see it
    /// (a blind poll, `present --poll-blind`, until it closes).
    public var tally: [Int]?
    /// How many of the audience have not answered (with the tally).
    public var notAnswered: Int?

    public init(number: Int, id: Int? = nil, factor: String, open: Bool, tally: [Int]? = nil, notAnswered: Int? = nil) {
        self.number = number; self.id = id ?? number; self.factor = factor; self.open = open; self.tally = tally; self.notAnswered = notAnswered
    }

    /// This poll if it makes sense on `briefing` (a presenter's view is hostile until checked):
    /// a factor it has, a tally of one count per option, no negative count.
    func checked(in briefing: Briefing) -> PollState? {
        guard number > 0, id > 0, let factor = briefing.factors.first(where: { $0.id == self.factor }) else { return nil }
        var poll = self
        if let tally, tally.count != factor.options.count || tally.contains(where: { $0 < 0 }) { poll.tally = nil }
        if let n = notAnswered, n < 0 { poll.notAnswered = nil }
        return poll
    }
}

/// A follower's answer: which poll (its wire `id`), which option (its index in the factor's
/// options). Kept on the follower and sent to the presenter in its status; nothing says who
/// answered.
public struct PollAnswer: Codable, Equatable, Sendable {
    public var poll: Int
    public var option: Int
    public init(poll: Int, option: Int) { self.poll = poll; self.option = option }
}

/// The room's answers to the open poll as the presenter's publisher counts them: one per
/// follower connection, its latest.
public struct PollCount: Equatable, Sendable {
    /// The poll's wire `id`.
    public var poll: Int
    /// Per option, how many chose it.
    public var counts: [Int]
    public var notAnswered: Int
    public init(poll: Int, counts: [Int], notAnswered: Int) { self.poll = poll; self.counts = counts; self.notAnswered = notAnswered }
}

/// The presenter's side of polls, on its own terminal: whether the room sees the tally before
/// a poll closes, and every closed poll of the session. (The live tally is the audience count
/// the publisher reports, `AppState.liveTally`.)
public struct PollDesk: Equatable, Sendable {
    /// `present --poll-blind`: followers see the tally only once the poll closes.
    public var blind = false
    /// The number the next poll gets.
    var next = 1
    /// This presenter's own salt for poll ids (`present` draws one at start; 0 in tests).
    var salt = 0
    /// When the open poll opened (seconds since 1970).
    var opened: Double = 0
    /// The closed polls, in order: what `present --record` writes.
    public internal(set) var record: [PollRecord] = []
}

/// The poll feature's own state: the shared poll, the presenter's desk and a follower's answer
/// (`AppState.pollSlice` reads and writes them together).
struct PollSlice {
    var poll: PollState?
    var desk: PollDesk
    var answer: PollAnswer?
}

/// Asking the room, answering, and using the answer.
public enum PollAction: Equatable, Sendable {
    /// `P`: a poll on the factor under the what-if cursor; on an open poll, close it; on a
    /// closed one, clear its result.
    case ask
    /// A follower's digit: option N (0-based) of the open poll.
    case answer(Int)
    /// `Enter` on a closed poll: the option with the most answers becomes the scenario (a tie changes nothing).
    case apply
    /// The publisher's count of the room's answers.
    case tallied(PollCount)
    /// `present --poll-blind`.
    case blind(Bool)
    /// The presenter's salt for poll ids, drawn at start (`PollState.id`).
    case salt(Int)
}

extension AppState {
    /// The poll on this screen: the shared one, or on a follower the presenter's newest
    /// (browsing or not, so a browser can answer), checked against this briefing.
    public var poll: PollState? {
        let poll: PollState?
        if let following = local.following {
            // A presenter gone (the waiting screen) has no poll open for anyone.
            poll = following.isLive ? following.latest?.poll : nil
        } else {
            poll = shared.poll
        }
        return poll?.checked(in: briefing)
    }

    /// This follower's answer to the poll on screen, if it has given one.
    public var pollAnswer: PollAnswer? {
        guard let poll, let answer = local.pollAnswer, answer.poll == poll.id else { return nil }
        return answer
    }

    /// The room's answers to `poll` as the publisher last counted them (the presenter sees them
    /// always): its per-option counts and how many have not answered; zeros until a count for
    /// this poll arrives.
    func liveTally(_ poll: PollState) -> (counts: [Int], notAnswered: Int) {
        let options = briefing.factors.first { $0.id == poll.factor }?.options.count ?? 0
        if let count = local.audience?.poll, count.poll == poll.id, count.counts.count == options { return (count.counts, count.notAnswered) }
        return (Array(repeating: 0, count: options), local.audience.map { $0.watching + $0.browsing } ?? 0)
    }

    var pollSlice: PollSlice {
        get { PollSlice(poll: shared.poll, desk: local.pollDesk, answer: local.pollAnswer) }
        set { shared.poll = newValue.poll; local.pollDesk = newValue.desk; local.pollAnswer = newValue.answer }
    }
}
