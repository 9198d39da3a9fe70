import BuiltInBriefings
import Foundation
import TestSupport
import Testing
@testable import TrilateralModel

/// Regression tests for the classes of problem that `validate` now rules out or the model now
/// handles, one or more per class (the renderer's are in TrilateralUITests).
@Suite("What validate promises")
struct AnyBriefingContractTests {
    static let minimal = "title: T\nauthor: A\npublished: 2024-10-09\ncountries: [{ id: us, name: United States, short: US }]\npillars: [{ id: p, name: P, summary: S, cite: { para: 1 } }]\n"

    @Test func aByteOrderMarkIsAccepted() throws {
        let loaded = try BriefingLoader.load(data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.minimal.utf8), file: "bom.yaml").get()
        #expect(loaded.briefing.title == "T")
    }

    @Test func scoresCannotOverflow() throws {
        // The most a briefing can add up on one target stays far inside Int.
        #expect(Limits.rules * Limits.weight.upperBound < Int(Int32.max))
        let rules = (0..<50).map { "  - { id: r\($0), all: [f=a], effects: { p: 10 }, summary: S, because: { para: 1 } }\n" }.joined()
        let text = Self.minimal + "factors: [{ id: f, name: F, question: Q, baseline: a, cite: { para: 1 }, options: [{ id: a, label: A }, { id: b, label: B }] }]\nrules:\n" + rules
        let b = try BriefingLoader.load(text: text, file: "x.yaml").get().briefing
        #expect(OutlookEngine(briefing: b).outlooks(for: .baseline(of: b)).first?.score == 500)
    }

    @Test func chartValuesAreWrittenForAnyMagnitude() {
        #expect(ValueFormat.full(234_567) == "234,567")
        #expect(ValueFormat.full(0.000456) == "0.000456")
        #expect(ValueFormat.full(1e11) == "100,000,000,000")
        #expect(ValueFormat.full(19.8) == "19.8")
        #expect(ValueFormat.axis(234_567, step: 50_000) == "234.6k" || ValueFormat.axis(234_567, step: 50_000) == "235k")
        #expect(ValueFormat.axis(1e11, step: 2e10) == "100B")
        #expect(ValueFormat.axis(0.25, step: 0.05) == "0.25")
        #expect(ValueFormat.axis(0.000456, step: 0.0001).contains("e-4"))
        #expect(ValueFormat.axis(12.5, step: 2.5) == "12.5")
        let ticks = ValueFormat.ticks(low: 0.000456, high: 0.25, count: 5)
        #expect(ticks.low <= 0.000456 && ticks.high >= 0.25 && ticks.low >= 0, "no tick below zero for positive data")
    }

    @Test func scenariosAreStrict() {
        let b = BuiltInBriefings.standard
        for bad in ["", " ", ",,,", "us-election=trump,us-election=harris", "us-election=trump,", "nope"] {
            guard case .failure = Scenario.parse(bad, in: b) else { Issue.record("'\(bad)' was accepted"); continue }
        }
        guard case .failure(let e) = Scenario.parse("downward-spirl", in: b) else { Issue.record("accepted"); return }
        #expect(e.description.contains("did you mean 'downward-spiral'"))
        guard case .failure(let f) = Scenario.parse("us-election=\u{1B}[31m", in: b) else { Issue.record("accepted"); return }
        #expect(!f.description.contains("\u{1B}"))
    }

    @Test func invisibleCharactersAreShownEscaped() {
        #expect("\u{200B}x\u{FEFF}".escapingControls == "\\u{200B}x\\u{FEFF}")
        #expect("a\u{200D}b".escapingControls == "a\u{200D}b", "joiners stay: scripts and emoji need them")
        #expect(String(VisibleCharacters("\u{1B}[2Jok")) == "\\e[2Jok")
    }

    @Test func didYouMean() {
        #expect(Suggestion.closest(to: "kishida-lne", among: ["kishida-line", "departs"]) == "kishida-line")
        #expect(Suggestion.closest(to: "c", among: ["a", "b"]) == nil, "one letter is no evidence of a typo")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["harris", "trump"]) == nil)
    }

    /// The scenario parser never traps, whatever it is given.
    @Test func scenarioParserTakesAnything() {
        var rng = SeededGenerator(seed: 42)
        let b = BuiltInBriefings.standard
        let alphabet = Array("us-election=trump,harris korea-2027=moon-line,, =\u{1B}é語1⃣\u{0}")
        for _ in 0..<Tier.count(2_000, slow: 50_000) {
            let text = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            if case .success(let s) = Scenario.parse(text, in: b) {
                for f in b.factors { #expect(f.option(s.choices[f.id] ?? "") != nil) }
            }
        }
    }
}
