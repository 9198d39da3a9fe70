import TrilateralModel

extension Mode {
    /// A follower, while a poll is open: a digit answers it.
    public static let poll = Mode("poll", title: "answering a poll") { state in
        guard let following = state.local.following, !following.presenterView, following.isLive else { return false }
        return state.poll?.open == true
    }
    /// The presenter, while its poll is open: P closes it.
    public static let pollOpen = Mode("poll-open", title: "a poll open") { state in
        state.local.following == nil && state.poll?.open == true
    }
    /// The presenter, while a closed poll's result is on screen: apply it or clear it.
    public static let pollResult = Mode("poll-result", title: "a poll's result") { state in
        state.local.following == nil && state.poll?.open == false
    }
}

/// The room answers (`P` in the what-if panel): a poll on a what-if factor opens on every
/// follower's screen, each answers with a digit and may change it until the poll closes, the
/// presenter sees the tally live and can apply the room's choice (the option with the most answers) as the scenario. Every
/// closed poll is kept for the session's record.
enum Poll {
    /// Opening a poll, from the what-if panel (the presenter's; a follower has no room to ask).
    static let inWhatIf: [Binding] = [
        Binding(.whatIf, "P", "ask the room: a poll on the factor under the cursor (P again closes it; when presenting)",
                hint: Hint(keys: "P", text: "poll the room"), when: Poll.presenting, on: [.char("P")], .poll(.ask)),
    ]
    static let answering: [Binding] = [
        Binding(.poll, "1-9", "answer the poll with option N; another digit changes the answer until it closes",
                hint: Hint(keys: "1-N", text: "answer"), followers: true) { key, _ in
            key.digit.map { .poll(.answer($0 - 1)) }
        },
    ]
    static let open: [Binding] = [
        Binding(.pollOpen, "P", "close the poll: everyone sees the result", hint: Hint(keys: "P", text: "close poll"),
                on: [.char("P")], .poll(.ask)),
    ]
    static let result: [Binding] = [
        Binding(.pollResult, "Enter", "apply the option with the most answers as the scenario (a tie changes nothing)",
                hint: Hint(keys: "Enter", text: "apply the room's choice"), on: [.enter], .poll(.apply)),
        Binding(.pollResult, "P", "clear the result", hint: Hint(keys: "P", text: "clear"), on: [.char("P")], .poll(.ask)),
    ]

    /// Whether this terminal presents to a room it can ask: a presenter with its audience
    /// channel open (`trilateral present`), not a follower and not a dashboard on its own.
    @Sendable static func presenting(_ state: AppState) -> Bool { state.local.following == nil && state.local.audience != nil }

    static func reduce(_ slice: inout PollSlice, _ action: PollAction, in state: AppState) -> [Action] {
        let b = state.briefing
        switch action {
        case .ask:
            if let poll = slice.poll {
                if poll.open { return close(&slice, in: state) }
                slice.poll = nil
                return [.flash("poll \(poll.number)'s result cleared")]
            }
            let row = state.shared.whatIf.row
            guard state.shared.panel == .whatIf, state.shared.whatIf.column == .choices, b.factors.indices.contains(row) else {
                return [.flash("\(Keymap.key(for: .poll(.ask), in: state)) asks the room about a factor: put the what-if panel's cursor on one")]
            }
            let factor = b.factors[row]
            guard factor.options.count <= 9 else {
                return [.flash("a poll takes at most 9 options (answered with a digit); “\(factor.name)” has \(factor.options.count)")]
            }
            let number = slice.desk.next
            slice.desk.next += 1
            slice.desk.opened = state.local.now
            var poll = PollState(number: number, id: slice.desk.salt * 1000 + number, factor: factor.id, open: true)
            if !slice.desk.blind { (poll.tally, poll.notAnswered) = state.liveTally(poll) }
            slice.poll = poll
            return [.flash("poll \(number) open: \(factor.question) · \(Keymap.key(for: .poll(.ask), in: state)) closes it")]
        case .answer(let option):
            guard let poll = state.poll, poll.open, let factor = b.factors.first(where: { $0.id == poll.factor }) else { return [] }
            guard factor.options.indices.contains(option) else { return [.flash("no option \(option + 1): 1-\(factor.options.count) answer")] }
            let changed = slice.answer?.poll == poll.id
            slice.answer = PollAnswer(poll: poll.id, option: option)
            return [.flash("\(changed ? "changed to" : "you chose") \(option + 1) \(factor.options[option].label) · you may change it until the poll closes")]
        case .apply:
            return apply(&slice, in: state)
        case .tallied(let count):
            // The room sees the count in the shared poll (not while blind); the presenter reads
            // it from the audience count itself.
            guard var poll = slice.poll, poll.open, !slice.desk.blind, count.poll == poll.id else { return [] }
            (poll.tally, poll.notAnswered) = state.liveTally(poll)
            slice.poll = poll
        case .blind(let on):
            slice.desk.blind = on
        case .salt(let salt):
            slice.desk.salt = max(0, salt % 2_000_000)
        }
        return []
    }

    /// Closes the open poll: its tally goes to everyone, and the session's record keeps it.
    static func close(_ slice: inout PollSlice, in state: AppState) -> [Action] {
        guard var poll = slice.poll, let factor = state.briefing.factors.first(where: { $0.id == poll.factor }) else { return [] }
        let tally = state.liveTally(poll)
        poll.open = false
        (poll.tally, poll.notAnswered) = tally
        slice.poll = poll
        let counts = zip(factor.options, tally.counts).map { PollRecord.Count(option: $0.id, label: $0.label, count: $1) }
        slice.desk.record.append(PollRecord(number: poll.number, factor: factor.id, question: factor.question, counts: counts,
                                            notAnswered: tally.notAnswered, opened: slice.desk.opened, closed: state.local.now))
        let apply = Keymap.key(for: .poll(.apply), in: state.with(\.pollSlice, slice))
        return [.flash("poll \(poll.number) closed · \(apply) applies the room's choice, \(Keymap.key(for: .poll(.ask), in: state)) clears it")]
    }

    /// Makes the closed poll's leading option (the most answers) the scenario, and clears the poll; a tie, or no answer,
    /// changes nothing and says so.
    static func apply(_ slice: inout PollSlice, in state: AppState) -> [Action] {
        guard let poll = slice.poll, !poll.open, let last = slice.desk.record.indices.last,
              slice.desk.record[last].number == poll.number else { return [] }
        let record = slice.desk.record[last]
        let leaders = record.leaders
        guard leaders.count == 1, let choice = leaders.first else {
            let clear = Keymap.key(for: .poll(.ask), in: state)
            if leaders.isEmpty { return [.flash("nobody answered poll \(poll.number): nothing to apply · \(clear) clears it")] }
            let names = leaders.map(\.label).joined(separator: " and ")
            return [.flash("a tie: \(names), \(leaders[0].count) each — the scenario is unchanged · \(clear) clears it")]
        }
        var scenario = state.shared.whatIf.scenario
        scenario.choices[record.factor] = choice.option
        scenario.unsettled.remove(record.factor)
        slice.desk.record[last].applied = choice.option
        slice.desk.record[last].scenario = scenario.spec(in: state.briefing)
        slice.poll = nil
        if scenario == state.shared.whatIf.scenario {
            return [.flash("the room chose \(choice.label) (\(choice.count) of \(record.answered)), which the scenario already has")]
        }
        let undo = Keymap.key(for: .whatIf(.undo), in: state.with(\.shared.panel, .whatIf))
        let factor = state.briefing.factors.first { $0.id == record.factor }
        let moot = factor.map { scenario.applies($0) } == false
            ? " (it counts only when \(factor!.appliesWhen.map(\.description).joined(separator: ", ")))" : ""
        return [.whatIf(.change(scenario)), .flash("the room chose \(choice.label) (\(choice.count) of \(record.answered)): applied\(moot) · \(undo) in the what-if panel undoes it")]
    }
}
