import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The contract of `validate`: a briefing it accepts renders in every view, at every size, in
/// bounded time, with no crash and no unsafe character on screen or in `dump`. Checked over
/// seeded random briefings within the documented limits (`RandomBriefing`); a failure prints
/// the seed and the smallest briefing found that still fails.
@Suite("Any briefing validate accepts")
struct AnyBriefingTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// Key scripts that reach every view: each pane focused and its first item opened, zoom,
    /// the full timeline zoomed in and out, what-if with both columns, compare, explain, the
    /// hindsight layer, the scorecard, the tour, help, a search and its matches.
    static let scripts = ["", "<Enter>", "2<Enter>", "3<End><Enter>", "4z", "9", "<Tab><Tab><Tab><Enter>j", "t", "tH+++<End>", "t-<Home><Enter>",
                          "w", "w<Right>jj<Enter>", "c", "e", "S", "Sjj", "H", "b<Space><Space>s", "?", "/e<Enter>n", "/日<Enter>"]
    /// The sizes and scripts briefing number `n` is shown at: in the fast tier one size and
    /// three scripts, rotating so that a run of a few hundred covers every pair; in the slow
    /// tier all of them for every briefing.
    static func views(_ n: Int) -> (sizes: [Size], scripts: [String]) {
        if Tier.slow { return (sizes, scripts) }
        return ([sizes[n % sizes.count]], (0..<3).map { scripts[(n * 3 + $0) % scripts.count] })
    }

    /// The first broken promise for a briefing file at the given views, or nil.
    static func problem(_ yaml: String, views: (sizes: [Size], scripts: [String])) -> String? {
        let loaded: Briefing
        switch BriefingLoader.load(text: yaml, file: "random.yaml") {
        case .success(let l): loaded = l.briefing
        case .failure(let e): return "refused: \(e.description.prefix(400))"
        }
        var text = BriefingText.dump(loaded, hindsight: true) + BriefingText.outlooks(loaded, scenario: .baseline(of: loaded))
        for preset in loaded.presets { text += BriefingText.outlooks(loaded, scenario: .preset(preset, in: loaded)) }
        if text.unicodeScalars.contains(where: { String.isUnsafeForTerminal($0) && $0 != "\n" }) { return "dump holds an unsafe character" }
        for size in views.sizes {
            let fresh = AppState(briefing: loaded, size: size)
            for script in views.scripts {
                var state = fresh
                for input in try! KeyScript.parse(script).get() { AppReducer.handle(&state, input) }
                if let v = FrameInvariants.violation(Dashboard.render(state), size: size) { return "\(size) after '\(script)': \(v)" }
            }
            var state = fresh
            AppReducer.reduce(&state, .whatIf(.toggle))
            for n in loaded.factors.indices {
                AppReducer.reduce(&state, .whatIf(.cycleFactor(n)))
                if let v = FrameInvariants.violation(Dashboard.render(state), size: size) { return "\(size) after toggling factor \(n + 1): \(v)" }
            }
        }
        return nil
    }

    /// Four batches, so the runner spreads them over the cores.
    @Test(.hangGuard(.minutes(20)), arguments: 0..<4)
    func randomBriefingsRenderEverywhere(batch: Int) {
        let count = Tier.count(300, slow: 2_000) / 4
        let base = (ProcessInfo.processInfo.environment["BRIEFING_SEED"].flatMap { UInt64($0) } ?? 20_261_129) + UInt64(batch * count)
        for n in 0..<UInt64(count) {
            var rng = SeededGenerator(seed: base + n)
            let briefing = RandomBriefing.make(&rng)
            let views = Self.views(batch * count + Int(n))
            guard let first = Self.problem(briefing.yaml, views: views) else { continue }
            if first.hasPrefix("refused") {
                Issue.record("seed \(base + n): the generator made a file validate refuses (a generator bug): \(first)")
                return
            }
            let parts = Shrinker.shrink(briefing.parts, budget: 300) { candidate in
                let yaml = RandomBriefing(title: briefing.title, parts: candidate).yaml
                guard let p = Self.problem(yaml, views: views), !p.hasPrefix("refused") else { return nil }
                return candidate.count - 1
            }
            let file = FileManager.default.temporaryDirectory.appending(path: "failing-briefing-\(base + n).yaml")
            try? RandomBriefing(title: briefing.title, parts: parts).yaml.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("seed \(base + n): \(first)\nsmallest failing briefing (\(parts.count) parts): \(file.path)")
            return
        }
    }
}

