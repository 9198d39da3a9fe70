// trilateral-bench: in-process benchmarks (run in release: `swift run -c release trilateral-bench`).
// Prints medians of repeated timings; numbers are for reporting, never asserted by tests.
import BuiltInBriefings
import Foundation
import TrilateralModel
import TrilateralShare
import TrilateralUI

/// Median wall time of `body` over `runs` runs, in microseconds.
func measure(_ runs: Int = 21, _ body: () -> Void) -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
    return samples.sorted()[runs / 2]
}

func report(_ name: String, _ micros: Double) {
    let value = micros >= 1000 ? CFormat.format("%9.2f ms", micros / 1000) : CFormat.format("%9.1f µs", micros)
    print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
}

/// Peak resident memory so far, in MiB.
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

/// A generated briefing: the built-in one plus `events` events and `commitments` commitments.
func generatedYAML(events: Int, commitments: Int) -> String {
    var text = EmbeddedBuiltIn.text
    text += "\n"
    // Extra events at the head of the events list, and a pillar with many commitments.
    var extra = ""
    for i in 0..<events {
        extra += "  - { id: gen-\(i), date: \(2021 + i % 7)-\(CFormat.format("%02d", 1 + i % 12))-\(CFormat.format("%02d", 1 + i % 28)), title: Generated event \(i), kind: meeting, countries: [us, jp], cite: { para: 1 } }\n"
    }
    text = text.replacingOccurrences(of: "\nevents:\n", with: "\nevents:\n" + extra)
    var pillar = "  - id: generated\n    name: Generated pillar\n    summary: Many commitments.\n    cite: { para: 1 }\n    commitments:\n"
    for i in 0..<commitments {
        pillar += "      - { id: gc-\(i), title: Commitment \(i), text: Text \(i)., countries: [us, kr], status: agreed, cite: { para: 3 } }\n"
    }
    return text.replacingOccurrences(of: "\npillars:\n", with: "\npillars:\n" + pillar)
}

enum EmbeddedBuiltIn {
    static let text = BuiltInBriefings.text(named: BuiltInBriefings.defaultName)!
}

/// A state after replaying `setup`, then the median cost of one more key (alternating between
/// `keys`) through update + view.
func perKey(_ briefing: Briefing, size: Size, setup: String, keys: [String], runs: Int = 201) -> Double {
    var state = AppState(briefing: briefing, size: size)
    for input in try! KeyScript.parse(setup).get() { AppReducer.handle(&state, input) }
    let inputs = keys.map { try! KeyScript.parse($0).get() }
    var i = 0
    return measure(runs) {
        for input in inputs[i % inputs.count] { AppReducer.handle(&state, input) }
        i += 1
        _ = Dashboard.render(state)
    }
}

/// The views a user spends time in, each with a key that changes it.
let views: [(name: String, setup: String, keys: [String])] = [
    ("dashboard (j/k)", "", ["j", "k"]),
    ("zoomed pane (j/k)", "z", ["j", "k"]),
    ("timeline (l/h)", "t", ["l", "h"]),
    ("what-if panel (1)", "w", ["1"]),
    ("tour step (Space/←)", "b<Space><Space><Space>", ["<Space>", "<Left>"]),
    ("search next (n)", "/semi<Enter>", ["n"]),
]

print("trilateral-bench (medians; µs or ms per operation)")
// `trilateral-bench quotes`: the quote check against a large source text alone.
if CommandLine.arguments.dropFirst().first == "quotes" { SourceTextBench.run(); exit(0) }
let builtInRSSBefore = peakRSS()
report("load built-in briefing from its YAML (what the build does once)", measure { _ = BriefingLoader.load(text: EmbeddedBuiltIn.text, file: "built-in") })
print(CFormat.format("peak RSS after loading the built-in briefing: %.1f MiB (%.1f before)", peakRSS(), builtInRSSBefore))
let briefing = BuiltInBriefings.standard
report("recompute all outlooks (built-in)", measure(1001) { _ = OutlookEngine(briefing: briefing).outlooks(for: Scenario.baseline(of: briefing)) })
for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60), Size(width: 300, height: 100)] {
    for view in views {
        report("update + view, \(view.name) at \(size)", perKey(briefing, size: size, setup: view.setup, keys: view.keys))
    }
}
// `trilateral-bench views` stops here (for profiling the per-key path alone).
if CommandLine.arguments.dropFirst().first == "views" { exit(0) }
let big = generatedYAML(events: 100_000, commitments: 10_000)
let before = peakRSS()
var loadedBig: Briefing?
report("load + validate 100k events, 10k commitments", measure(3) {
    if case .success(let l) = BriefingLoader.load(text: big, file: "generated") { loadedBig = l.briefing } else { print("generated briefing failed") }
})
print(CFormat.format("peak RSS before / after the big load: %.1f / %.1f MiB", before, peakRSS()))
if let loadedBig {
    let size = Size(width: 120, height: 40)
    report("100k events: update + view, timeline (l/h) at 120×40", perKey(loadedBig, size: size, setup: "t", keys: ["l", "h"], runs: 21))
    report("100k events: update + view, timeline zoomed ×64 (l/h)", perKey(loadedBig, size: size, setup: "t++++++", keys: ["l", "h"], runs: 21))
    report("100k events: search next (n) over 'Generated event 99'", perKey(loadedBig, size: size, setup: "/Generated event 99<Enter>", keys: ["n"], runs: 21))
    report("100k events: type one search character", perKey(loadedBig, size: size, setup: "/Generated event 9", keys: ["9", "<BS>"], runs: 11))
}

// Quotes checked against a 5 MB source text, against grep -F.
SourceTextBench.run()

// Shared sessions: what a follower does per presenter change.
do {
    var presenter = AppState(briefing: briefing, size: Size(width: 120, height: 40))
    AppReducer.handle(&presenter, .key(.char("b")))
    var follower = AppState(briefing: briefing, size: Size(width: 120, height: 40))
    AppReducer.reduce(&follower, .follow(.start(session: "bench")))
    AppReducer.reduce(&follower, .follow(.link(.live)))
    var step = 1
    func nextView() -> Data {
        step = step % (briefing.tour.count - 1) + 1
        AppReducer.reduce(&presenter, .tour(.toggle))
        AppReducer.reduce(&presenter, .tour(.toggle))
        for _ in 0..<step { AppReducer.reduce(&presenter, .tour(.step(1))) }
        return Wire.frame(presenter.shared)
    }
    let frames = (0..<briefing.tour.count).map { _ in nextView() }
    print("view message size: \(frames.map(\.count).min()!)–\(frames.map(\.count).max()!) bytes")
    var i = 0
    report("presenter: encode a view", measure(201) { _ = Wire.frame(presenter.shared) })
    report("follower: decode a view", measure(201) {
        var reader = FrameReader()
        _ = try? reader.feed(Data(Wire.preamble) + frames[i % frames.count]); i += 1
    })
    let views: [SharedState] = frames.map {
        var reader = FrameReader()
        guard case .view(let v)? = try? reader.feed(Data(Wire.preamble) + $0).first else { fatalError() }
        return v
    }
    report("follower: apply a view (tour step)", measure(201) { AppReducer.reduce(&follower, .follow(.received(views[i % views.count]))); i += 1 })
    report("follower: apply + render (tour step) at 120×40", measure(201) {
        AppReducer.reduce(&follower, .follow(.received(views[i % views.count]))); i += 1
        _ = Dashboard.render(follower)
    })
}
