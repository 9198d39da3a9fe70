import TrilateralModel

/// The poll's strip at the bottom of every screen: the factor's question, each option numbered
/// with its count and a bar when this screen may see the tally, and what to press. A follower's
/// own answer is marked; nothing shows who else answered what.
struct PollStrip: View {
    let state: AppState

    func draw(in rect: Rect, canvas: inout Canvas) {
        guard let poll = state.poll, let factor = PollGeometry.factor(state, poll), rect.height > 0 else { return }
        canvas.fill(rect, role: .overlay)
        let tally = PollGeometry.tally(state, poll)
        let x = canvas.text(" Poll \(poll.number) \(poll.open ? "open" : "closed") ", x: rect.x, y: rect.y, role: .tabActive) + 1
        canvas.text(heading(poll, factor, tally), x: x, y: rect.y, width: rect.maxX - x - 1, role: .overlay)
        let chosen = state.pollAnswer?.option
        let answered = tally.map { $0.counts.reduce(0, +) } ?? 0
        if rect.height >= 1 + factor.options.count {
            let labelWidth = min(28, factor.options.map { DisplayWidth.of($0.label) }.max() ?? 0)
            for (i, option) in factor.options.enumerated() {
                let y = rect.y + 1 + i
                let mine = chosen == i
                var at = canvas.text((mine ? (state.ascii ? ">" : "▸") : " ") + " \(i + 1) ", x: rect.x + 1, y: y, role: mine ? .selection : .statusKey)
                at = canvas.text(TextLayout.fit(option.label, to: labelWidth), x: at, y: y, role: mine ? .selection : .overlay) + 2
                guard let tally, tally.counts.indices.contains(i) else { continue }
                let count = tally.counts[i]
                let figure = "\(count)" + (PollRecord.percent(count, of: answered).map { " · \($0)%" } ?? "")
                let barWidth = max(0, min(48, rect.maxX - at - DisplayWidth.of(figure) - 3))
                let filled = answered == 0 ? 0 : (barWidth * count + answered - 1) / answered
                at = canvas.text(String(repeating: state.ascii ? "#" : "█", count: filled), x: at, y: y, role: .focusTitle)
                canvas.text(" " + figure, x: at, y: y, width: rect.maxX - at - 1, role: .overlay)
            }
        } else if rect.height >= 2 {
            let line = factor.options.enumerated().map { i, option in
                "\(chosen == i ? (state.ascii ? ">" : "▸") : "")\(i + 1) \(option.label)" + (tally.flatMap { $0.counts.indices.contains(i) ? " \($0.counts[i])" : nil } ?? "")
            }.joined(separator: " · ")
            canvas.text(line, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, role: .overlay)
        }
    }

    /// The heading beside "Poll N open": the question, how many answered, and what to press.
    func heading(_ poll: PollState, _ factor: Factor, _ tally: (counts: [Int], notAnswered: Int)?) -> String {
        let answered = tally.map { t in "\(t.counts.reduce(0, +)) answered, \(t.notAnswered) not" }
        if state.local.following == nil {
            let next = poll.open
                ? "\(Keymap.key(for: .poll(.ask), in: state)) closes"
                : "\(Keymap.key(for: .poll(.apply), in: state)) applies the room's choice · \(Keymap.key(for: .poll(.ask), in: state)) clears"
            return [factor.question, answered ?? "", next].joinedNonEmpty(" · ")
        }
        guard poll.open else { return [factor.question, answered ?? ""].joinedNonEmpty(" · ") }
        let keys = factor.options.count == 1 ? "1" : "1-\(min(9, factor.options.count))"
        let prompt = state.pollAnswer == nil ? "press \(keys) to answer" : "press \(keys) to change your answer"
        return [prompt, factor.question, answered ?? ""].joinedNonEmpty(" · ")
    }
}
