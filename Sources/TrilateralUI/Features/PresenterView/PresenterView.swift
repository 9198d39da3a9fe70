import TrilateralModel

extension Mode {
    /// The presenter's own second screen (`follow --presenter-view`): its keys, then the dashboard's.
    public static let presenterView = Mode("presenter-view", title: "presenter view", below: .dashboard) {
        $0.local.following?.presenterView == true
    }
}

/// The presenter's own second screen (`trilateral follow NAME --presenter-view`): the tour
/// step's caption and speaker notes in large type, what comes next, and the clock; outside the
/// tour, what the room sees now and its sources. Its keys drive the tour on the presenter's
/// screen (a clicker on the laptop); it never changes the shared view itself.
struct PresenterView: View {
    let state: AppState

    static let bindings: [Binding] = [
        Binding(.presenterView, "Space → PgDn", "the tour's next step (starts the tour), on the presenter's screen", hint: Hint(keys: "Space →", text: "next"),
                hintIn: [.presenterView], on: [.char(" "), .right, .pageDown], .follow(.command(.next))),
        Binding(.presenterView, "← Backspace PgUp", "the tour's previous step, on the presenter's screen", hint: Hint(keys: "←", text: "back"),
                hintIn: [.presenterView], on: [.left, .pageUp, .backspace], .follow(.command(.previous))),
    ]

    /// Draws the presenter view over the whole screen but the status bar: its title row, then
    /// the rest.
    func draw(in screen: Rect, canvas: inout Canvas) {
        canvas.fill(screen, role: .panel)
        canvas.text(" Presenter view │ \(state.briefing.title)", x: screen.x, y: screen.y, width: screen.width, role: .titleBar)
        let rect = screen.splitTop(1).1
        let b = state.briefing
        let clock = state.local.clock
        var y = rect.y
        let x = rect.x + 2, width = max(1, rect.width - 4)
        func line(_ text: String, _ role: StyleRole) {
            guard y < rect.maxY else { return }
            canvas.text(text, x: x, y: y, width: width, role: role)
            y += 1
        }
        func paragraph(_ text: String, _ role: StyleRole, spaced: Bool = false) {
            for wrapped in TextLayout.wrap(text, width: width) {
                line(wrapped, role)
                if spaced { y += 1 }
            }
        }
        // The clock row: elapsed, this step, left and pace with --duration, the time of day.
        var times: [String] = []
        if let started = clock.tourStarted {
            times.append("elapsed \(ClockText.duration(state.local.now - started))")
            if let step = clock.stepStarted { times.append("this step \(ClockText.duration(state.local.now - step))") }
            if let left = ClockText.left(clock, now: state.local.now) { times.append(left) }
            if let pace = ClockText.pace(clock, now: state.local.now, steps: b.tour.count) { times.append(pace) }
        } else if let duration = clock.duration {
            times.append("planned \(ClockText.duration(duration))")
        }
        let wall = state.local.wallClock
        canvas.text(times.joined(separator: " · "), x: x, y: y, width: width - DisplayWidth.of(wall) - 1, role: .heading)
        canvas.text(wall, x: rect.maxX - 2 - DisplayWidth.of(wall), y: y, role: .heading)
        y += 2
        guard let n = state.shared.tour.step, b.tour.indices.contains(n) else {
            outsideTheTour(line: line, paragraph: paragraph)
            return
        }
        let step = b.tour[n]
        line("STEP \(n + 1) OF \(b.tour.count) · \(Self.shows(step.show, in: b))", .focusTitle)
        paragraph(step.caption, .text)
        y += 1
        line("NOTES", .focusTitle)
        if step.notes.isEmpty { line("(no notes for this step)", .muted) }
        // Double-spaced, bold: read at a glance from a step away.
        for part in step.notes.split(separator: "\n", omittingEmptySubsequences: true) { paragraph(String(part), .heading, spaced: true) }
        y += 1
        if b.tour.indices.contains(n + 1) {
            let next = b.tour[n + 1]
            line("NEXT · step \(n + 2) · \(Self.shows(next.show, in: b))", .focusTitle)
            paragraph(next.caption, .muted)
        } else {
            line("NEXT · the end of the tour", .focusTitle)
        }
    }

    /// Outside the tour: the pane and item the room sees, with what the detail pane says of it
    /// (its sources among it), so the briefer can answer a question without touching the
    /// shared screen.
    func outsideTheTour(line: (String, StyleRole) -> Void, paragraph: (String, StyleRole, Bool) -> Void) {
        let pane = state.panes.indices.contains(state.shared.panes.focus) ? state.panes[state.shared.panes.focus] : nil
        line("NOT TOURING · Space starts the tour on the presenter's screen", .focusTitle)
        let name = switch pane {
        case .pillar(let p)?: state.briefing.pillars[p].name
        case .timeline?: "the timeline"
        case .detail?, nil: "the detail pane"
        }
        line("The room sees: \(name)\(state.shared.panel.map { " with \($0.spoken) open" } ?? "")", .muted)
        line("", .text)
        let item = state.shared.detail.opened ?? state.selectedItem(in: state.shared.panes.focus)
        for p in DetailContent.paragraphs(for: item, state: state) { paragraph(p.text, p.role, false) }
    }

    /// What a tour step puts on screen, in a few words.
    static func shows(_ show: TourStep.Show, in b: Briefing) -> String {
        func preset(_ id: String) -> String { b.preset(id)?.name ?? id }
        switch show {
        case .pillar(let id, let item):
            let pillar = b.pillars.first { $0.id == id }
            let commitment = item.flatMap { i in pillar?.commitments.first { $0.id == i } }
            return [pillar?.name ?? id, commitment?.title ?? ""].joinedNonEmpty(": ")
        case .timeline(let event): return "timeline: \(b.event(event)?.title ?? event)"
        case .whatIf(let p): return "what-if: \(preset(p))"
        case .explain(let target, let p): return "why \(b.target(target)?.name ?? target) moves under \(preset(p))"
        case .compare(let p): return "baseline against \(preset(p))"
        case .scorecard: return "the hindsight scorecard"
        }
    }
}
