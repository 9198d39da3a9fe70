import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// Regression tests for the renderer's side of the `validate` contract: one or more for each
/// class of crash, hang or wrong output that files `validate` accepted used to cause.
@Suite("Renderer contract", .hangGuard(.minutes(1)))
struct RendererContractTests {
    func briefing(_ extra: String, countries: String = "  - { id: us, name: United States, short: US }\n") throws -> Briefing {
        let text = "title: T\nauthor: A\npublished: 2030-01-01\ncountries:\n" + countries + extra
        return try BriefingLoader.load(text: text, file: "x.yaml").get().briefing
    }

    func render(_ b: Briefing, _ size: Size, _ keys: String = "") -> Canvas {
        var s = AppState(briefing: b, size: size)
        for input in try! KeyScript.parse(keys).get() { AppReducer.handle(&s, input) }
        return Dashboard.render(s)
    }

    @Test func aLongUnbrokenWordWrapsIntoWholeLines() {
        let word = String(repeating: "w", count: 300_000)
        let lines = TextLayout.wrap("a " + word + " b", width: 40)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == "a" + word + "b")
        #expect(TextLayout.wrap(word, width: 40, limit: 3).count == 3, "the first lines without shaping the rest")
        let title = String(repeating: "語", count: 100_000)
        #expect(TextLayout.truncate(title, to: 9) == "語語語語…")
    }

    @Test func aLongTitleAndURLRenderAtEverySize() throws {
        let url = "https://example.org/" + String(repeating: "a", count: 300_000)
        let b = try briefing("pillars: [{ id: p, name: \"\(String(repeating: "P", count: 200_000))\", summary: S, cite: { para: 1 }, commitments: [{ id: c, title: C, text: \"see \(url)\", countries: [us], status: agreed, cite: { url: \"\(url)\" } }] }]\n")
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            for keys in ["", "<Enter>", "1z<Enter>"] {
                #expect(FrameInvariants.violation(render(b, size, keys), size: size) == nil)
            }
        }
    }

    /// A dozen countries, with long codes, never push into the title or past the border.
    @Test func manyCountriesStayInTheirRow() throws {
        let countries = (0..<12).map { "  - { id: c\($0), name: Country \($0), short: LONGCODE\($0) }\n" }.joined()
            + (0..<12).map { "  - { id: d\($0), name: D \($0), short: D\($0) }\n" }.joined()
        let ids = (0..<12).map { "c\($0)" }.joined(separator: ", ")
        let short = (0..<12).map { "d\($0)" }.joined(separator: ", ")
        let b = try briefing("pillars: [{ id: p, name: P, summary: S, cite: { para: 1 }, commitments: [{ id: a, title: IPEF-sized list, text: T, countries: [\(ids)], status: agreed, cite: { para: 1 } }, { id: b, title: Short codes, text: T, countries: [\(short)], status: agreed, cite: { para: 1 } }] }, { id: q, name: Q, summary: S, cite: { para: 1 } }]\n", countries: countries)
        let canvas = render(b, Size(width: 120, height: 40))
        let rows = (0..<40).map { canvas.row($0) }
        let listed = try #require(rows.first { $0.contains("IPEF-sized list") })
        #expect(listed.contains("+12") || listed.contains("LONGCODE0"))
        let other = try #require(rows.first { $0.contains("Short codes") })
        #expect(other.contains("D0 D1") && other.contains("+"), "as many codes as fit, then +N")
        for row in rows where row.contains("IPEF") || row.contains("Short codes") {
            #expect(row.hasPrefix("┃") || row.hasPrefix("│"))
            #expect(row.filter { $0 == "┃" || $0 == "│" }.count >= 2, "the pane border survives: \(row)")
        }
    }

    /// The shipped example's 2032 transition is on the axis (it used to end at the last event).
    @Test func theTimelineSpansTenuresAndTransitions() throws {
        let example = try BriefingLoader.load(text: BuiltInBriefings.text(named: "example-harbour-pact.yaml")!, file: "e").get().briefing
        let span = TimeScale.span(of: example)
        #expect(Day.from(ordinal: span.end).year >= 2032)
        let screen = CanvasText.plain(render(example, Size(width: 120, height: 40), "t"))
        #expect(screen.contains("2032"))
    }

    @Test func zeroWidthAndFormatCharactersAreVisible() throws {
        var canvas = Canvas(size: Size(width: 30, height: 2))
        canvas.text("\u{301}start", x: 0, y: 0, role: .text)
        #expect(canvas.row(0).hasPrefix("◌\u{301}start"))
        canvas.text("\u{200B}\u{FEFF}hidden", x: 0, y: 1, role: .text)
        #expect(canvas.row(1).hasPrefix("\\u{200B}\\u{FEFF}hidden"))
    }

    @Test func aWideGlyphOverAnotherLeavesNoOrphan() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.text("語", x: 1, y: 0, role: .text)
        canvas.text("本", x: 1, y: 0, role: .text)
        #expect(FrameInvariants.violation(canvas, size: canvas.size) == nil)
        #expect(canvas.row(0).hasPrefix(" 本"))
    }

    @Test func searchIsBoundedAndNarrows() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        AppReducer.reduce(&s, .search(.start))
        for c in "tra" { AppReducer.reduce(&s, .search(.input(c))) }
        let broad = s.shared.search.matches.count
        AppReducer.reduce(&s, .search(.input("d")))
        #expect(s.shared.search.matches.count <= broad && s.shared.search.matches.count > 0)
        #expect(s.shared.search.matches == Search.matches(s, "trad"), "narrowing finds what a fresh search finds")
        for _ in 0..<20_000 { AppReducer.reduce(&s, .search(.input("a"))) }
        #expect(s.shared.search.query.count == Limits.searchLength)
        #expect(s.local.flash?.contains("at most \(Limits.searchLength)") == true)
    }

    /// A digit with a combining mark (a keycap, a tilde) is not a pane or a factor number.
    @Test func digitsWithMarksAreNotNumbers() {
        var s = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        for key in ["1\u{20E3}", "1\u{303}", "\u{661}"] {
            AppReducer.handle(&s, .key(.char(Character(key))))
            #expect(s.shared.panes.focus == 0)
            AppReducer.reduce(&s, .whatIf(.toggle))
            AppReducer.handle(&s, .key(.char(Character(key))))
            #expect(s.shared.whatIf.scenario == Scenario.baseline(of: s.briefing))
            AppReducer.reduce(&s, .whatIf(.toggle))
        }
    }

    /// Years far apart and values of any size: ticks and labels stay few and inside the chart.
    @Test func chartsOfAnyRange() throws {
        let b = try briefing("""
        pillars: [{ id: p, name: P, summary: S, cite: { para: 1 } }]
        drivers: [{ id: d, title: D, text: T, cite: { para: 1 }, series: s }]
        series:
          - { id: s, title: S, cite: { para: 1 }, lines: [{ id: a, label: small, points: [{ x: 1000, y: 0.000456, cite: { para: 1 } }, { x: 9999, y: 0.25, cite: { para: 1 } }] }, { id: b, label: big, points: [{ x: 2000, y: 234567, cite: { para: 1 } }, { x: 2001, y: 1e11, cite: { para: 1 } }] }] }

        """)
        let canvas = render(b, Size(width: 120, height: 40), "<End><Enter>")
        #expect(FrameInvariants.violation(canvas, size: canvas.size) == nil)
        let text = CanvasText.plain(canvas)
        #expect(text.contains("100B"))
        #expect(text.contains("2000") && text.contains("8000"))
        #expect(text.contains("1000 0.000456"), "the detail lists values in full")
    }

    @Test func whatIfWithoutTargetsExplainsNothing() throws {
        let b = try briefing("pillars: [{ id: f, name: F, kind: foundation, summary: S, cite: { para: 1 } }]\nfactors: [{ id: x, name: X, question: Q, baseline: a, cite: { para: 1 }, options: [{ id: a, label: A }, { id: b, label: B }] }]\n")
        let canvas = render(b, Size(width: 120, height: 40), "w<Right>e<Enter>1")
        #expect(FrameInvariants.violation(canvas, size: canvas.size) == nil)
    }
}

/// The `--keys` parser takes anything: it returns inputs or an error, never traps, and what it
/// returns replays into frames that keep every invariant.
@Suite("Key scripts from anywhere")
struct KeyScriptFuzzTests {
    @Test func anyScriptParsesOrIsRefused() {
        var rng = SeededGenerator(seed: 7)
        let pieces = ["<", ">", "<Tab>", "<resize:", "0x0>", "<resize:9999x9999>", "<click:", "-5,3>", "<C-", "<lt>", "1⃣", "1\u{303}", "é", "語", "\u{1B}", "w", "1", "S", "b", " ", "t", "+", "/", "<Enter>", "<Esc>", "q"]
        let briefing = BuiltInBriefings.standard
        for _ in 0..<Tier.count(500, slow: 20_000) {
            let script = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            guard case .success(let inputs) = KeyScript.parse(script) else { continue }
            var s = AppState(briefing: briefing, size: Size(width: 80, height: 24))
            for input in inputs { AppReducer.handle(&s, input) }
            #expect(FrameInvariants.violation(Dashboard.render(s), size: s.size) == nil, "\(script)")
        }
    }
}
