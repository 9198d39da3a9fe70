import BuiltInBriefings
import Foundation
import TestSupport
import Testing
@testable import TrilateralUI
import TrilateralModel

/// In-process soak: seeded random keys, clicks, wheel turns, resizes (1×1 to 500×200), what-if
/// toggles and tour steps through `update`, with the state's invariants checked after every
/// action and the canvas's after every `renderEvery`-th. A failure prints the seed and the
/// shortest action sequence found that still fails.
///
/// `SOAK_ACTIONS` (default 20,000; 1,000,000 in the slow tier, about two minutes in a debug
/// build) and `SOAK_SEED`
/// choose the run.
@Suite("In-process soak")
struct SoakTests {
    enum Step: CustomStringConvertible {
        case input(Input)
        case action(Action)
        var description: String {
            switch self {
            case .input(let i): "\(i)"
            case .action(let a): "\(a)"
            }
        }
    }

    static let renderEvery = 50
    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .delete, .ctrl("c"), .ctrl("g")]
        + "jkhl123456789ztTHSbwcerunN+-./?sxq é語".map { Key.char($0) }

    static func step(_ rng: inout SeededGenerator) -> Step {
        switch rng.next() % 100 {
        case 0..<70:
            return .input(.key(keys[Int(rng.next() % UInt64(keys.count))]))
        case 70..<78:
            let x = Int(rng.next() % 520) - 10, y = Int(rng.next() % 220) - 10
            let kind: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
            return .input(.mouse(MouseEvent(x: x, y: y, kind: kind[Int(rng.next() % 3)])))
        case 78..<86:
            let big = rng.next() % 10 == 0
            let w = big ? Int(1 + rng.next() % 500) : Int(20 + rng.next() % 200)
            let h = big ? Int(1 + rng.next() % 200) : Int(6 + rng.next() % 70)
            return .input(.resize(Size(width: w, height: h)))
        case 86..<93:
            return .action(.whatIf(.cycleFactor(Int(rng.next() % 8))))
        case 93..<97:
            return .action(.tour(.step(rng.next() % 2 == 0 ? 1 : -1)))
        default:
            return .action(.whatIf(.applyPreset(Int(rng.next() % 7))))
        }
    }

    static func apply(_ step: Step, to state: inout AppState) {
        switch step {
        case .input(let input): AppReducer.handle(&state, input)
        case .action(let action): AppReducer.reduce(&state, action)
        }
        // Effects (quit, suspend, a theme change) are the event loop's: a soak goes on.
    }

    /// What must hold after any action; nil when it does.
    static func violation(_ s: AppState) -> String? {
        guard s.panes.indices.contains(s.shared.panes.focus) else { return "focus \(s.shared.panes.focus) out of range" }
        let b = s.briefing
        for pane in s.panes.indices {
            let count = s.items(in: pane).count
            if s.shared.panes.selection[pane] < 0 { return "pane \(pane): negative selection" }
            if s.panes[pane] != .detail, count > 0, s.shared.panes.selection[pane] >= count { return "pane \(pane): selection \(s.shared.panes.selection[pane]) of \(count)" }
            if s.shared.panes.scroll[pane] < 0 { return "pane \(pane): negative scroll" }
        }
        if let t = s.shared.tour.step, !b.tour.indices.contains(t) { return "tour step \(t)" }
        if !(0..<max(1, b.factors.count + b.presets.count)).contains(s.shared.whatIf.row) { return "what-if row \(s.shared.whatIf.row)" }
        if !(0..<max(1, b.targets.count)).contains(s.shared.whatIf.outlookRow) { return "outlook row \(s.shared.whatIf.outlookRow)" }
        if !(0..<max(1, b.scorecard.count)).contains(s.shared.scorecard.row) { return "scorecard row \(s.shared.scorecard.row)" }
        if !s.local.theme.names.contains(s.local.theme.current) { return "theme \(s.local.theme.current)" }
        for f in b.factors where !f.options.contains(where: { $0.id == s.shared.whatIf.scenario.choices[f.id] }) { return "factor \(f.id) has no valid option" }
        if let current = s.shared.search.current, !s.shared.search.matches.indices.contains(current) { return "search match \(current) of \(s.shared.search.matches.count)" }
        return nil
    }

    /// Replays steps from a fresh state; the index and text of the first violation. Frames are
    /// checked at the usual cadence and after the last step.
    static func replay(_ steps: [Step], briefing: Briefing) -> (Int, String)? {
        var state = fresh(briefing)
        for (i, step) in steps.enumerated() {
            apply(step, to: &state)
            if let v = violation(state) { return (i, v) }
            if i % renderEvery == 0 || i == steps.count - 1, let v = FrameInvariants.violation(Dashboard.render(state), size: state.size) { return (i, v) }
        }
        return nil
    }

    static func fresh(_ briefing: Briefing) -> AppState {
        AppState(briefing: briefing, size: Size(width: 120, height: 40),
                 theme: ThemeState(names: ["dark", "light", "broken"], current: "dark", problems: ["broken": "line 1: bad"]))
    }

    @Test("random actions keep every invariant", arguments: [BuiltInBriefings.defaultName, "example-harbour-pact.yaml"])
    func soak(file: String) throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["SOAK_ACTIONS"].flatMap { Int($0) } ?? Tier.count(20_000, slow: 1_000_000)
        let seed = env["SOAK_SEED"].flatMap { UInt64($0) } ?? 1_129
        let briefing = try BriefingLoader.load(text: BuiltInBriefings.text(named: file)!, file: file).get().briefing
        var rng = SeededGenerator(seed: seed)
        var state = Self.fresh(briefing)
        var steps: [Step] = []
        steps.reserveCapacity(count)
        for i in 0..<count {
            let step = Self.step(&rng)
            steps.append(step)
            Self.apply(step, to: &state)
            var problem = Self.violation(state)
            if problem == nil, i % Self.renderEvery == 0 { problem = FrameInvariants.violation(Dashboard.render(state), size: state.size) }
            if let problem {
                let shortest = Shrinker.shrink(steps) { Self.replay($0, briefing: briefing)?.0 }
                Issue.record("seed \(seed), action \(i): \(problem)\nshortest failing sequence (\(shortest.count)): \(shortest.map(\.description).joined(separator: ", "))")
                return
            }
        }
    }

    @Test("the shrinker finds a short failing sequence")
    func shrinker() {
        // A planted failure: any state with the tour on step 3 "fails".
        var rng = SeededGenerator(seed: 7)
        let steps = (0..<300).map { _ in Self.step(&rng) } + [.input(.key(.char("b"))), .action(.tour(.step(1))), .action(.tour(.step(1)))]
        let briefing = BuiltInBriefings.standard
        /// The step at which the tour first reaches step 3, if it does.
        func failing(_ candidate: [Step]) -> Int? {
            var state = AppState(briefing: briefing, size: Size(width: 120, height: 40))
            for (i, step) in candidate.enumerated() { Self.apply(step, to: &state); if state.shared.tour.step == 2 { return i } }
            return nil
        }
        #expect(failing(steps) != nil)
        let current = Shrinker.shrink(steps, fails: failing)
        #expect(current.count <= 4)
    }
}
