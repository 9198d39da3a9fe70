import BuiltInBriefings
import Foundation
import TestSupport
import Testing
@testable import TrilateralExport
import TrilateralModel
import TrilateralUI

/// Handouts (`trilateral export`): golden files for the built-in briefing, the structure a
/// reader and a screen reader rely on, and hostile briefing text kept as text.
@Suite("Handouts")
struct ExportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    static let briefing = BuiltInBriefings.standard

    static func handout(_ preset: String?, hindsight: Bool, briefing: Briefing = briefing) -> Handout {
        let scenario = preset.flatMap { briefing.preset($0) }.map { Scenario.preset($0, in: briefing) } ?? .baseline(of: briefing)
        return Handout(briefing: briefing, scenario: scenario, hindsight: hindsight)
    }

    static func html(_ h: Handout) -> String { HandoutHTML(h, theme: ThemeLoader.builtIn("dark")!).page }

    /// The page in the README's example, and the article's own account at its baseline.
    @Test(arguments: [("downward-spiral", true, "downward-spiral-hindsight"), (nil, false, "baseline-briefing")])
    func goldenFiles(_ preset: String?, _ hindsight: Bool, _ name: String) {
        let h = Self.handout(preset, hindsight: hindsight)
        SnapshotFile.expect(Self.html(h), named: "\(name).html", in: Self.golden)
        SnapshotFile.expect(HandoutMarkdown(h).text, named: "\(name).md", in: Self.golden)
    }

    /// With a source `text`, the appendix quotes each cited paragraph whole, the quoted words marked.
    @Test func theAppendixQuotesTheParagraphsFromTheText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try BriefingLoader.load(path: root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml").path).get().briefing
        let h = Self.handout(nil, hindsight: false, briefing: example)
        let page = Self.html(h)
        #expect(page.contains("<dt id=\"para-1\">¶1</dt>\n<dd><blockquote class=\"paragraph\">Aquila, Brisa and Corvo agree to <mark>pool their harbour data</mark>, so that a shortage in one port is seen in the others before it bites.</blockquote></dd>"))
        #expect(page.contains("¶3</dt>\n<dd><blockquote class=\"paragraph\">The three have traded across the strait for centuries"), "a paragraph cited without a quote is shown whole, nothing marked")
        #expect(HandoutMarkdown(h).text.contains("> The charter sets a review for 2031, and the first review will test it."))
        // Without the text (the embedded copy), the quotes alone, as before.
        #expect(Self.html(Self.handout(nil, hindsight: false, briefing: BuiltInBriefings.briefing(named: "example-harbour-pact.yaml")!)).contains("<blockquote>pool their harbour data</blockquote>"))
    }

    @Test func thePageIsSelfContainedAndAccessible() {
        let page = Self.html(Self.handout("downward-spiral", hindsight: true))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for forbidden in ["<script", "<link", "@import", "url(", "<img", "<iframe", "src=", "font-face"] {
            #expect(!page.contains(forbidden), "\(forbidden): the page must make no requests and run nothing")
        }
        #expect(page.components(separatedBy: "<h1").count == 2, "one h1")
        for landmark in ["<header>", "<nav aria-label=\"Contents\">", "<main>", "<footer>"] { #expect(page.contains(landmark)) }
        // Headings never skip a level.
        var previous = 1
        for match in page.matches(of: /<h([1-6])/) {
            let level = Int(match.1)!
            #expect(level <= previous + 1, "h\(level) after h\(previous)")
            previous = level
        }
        // Every picture has a title and a description, and says so to assistive technology.
        let svgs = page.components(separatedBy: "<svg").count - 1
        #expect(svgs == 1 + Self.briefing.series.count)
        #expect(page.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == svgs)
        #expect(page.components(separatedBy: "<title id=").count - 1 == svgs)
        #expect(page.components(separatedBy: "<desc id=").count - 1 == svgs)
        // Sections a reader looks for, and sources that resolve.
        for id in ["key-points", "pillars", "timeline", "data", "what-if", "scorecard", "sources"] { #expect(page.contains("<section id=\"\(id)\"")) }
        for match in page.matches(of: /href="#(para-[0-9]+|web-[0-9]+|source-[a-z0-9-]+)"/) {
            #expect(page.contains("id=\"\(match.1)\""), "a citation links to \(match.1), which the appendix must hold")
        }
        #expect(page.contains("@media print"))
        #expect(page.contains("prefers-color-scheme: dark"))
    }

    /// Only the hindsight layer has the scorecard and the record's end; the briefing layer
    /// has neither, nor any event after the article.
    @Test func theLayerDecidesWhatIsIn() {
        let plain = Self.html(Self.handout(nil, hindsight: false))
        #expect(!plain.contains("id=\"scorecard\""))
        #expect(!plain.contains("as it happened</span>"))
        let hindsight = Self.html(Self.handout(nil, hindsight: true))
        #expect(hindsight.contains("id=\"scorecard\""))
        #expect(hindsight.contains("The record here ends in Jun 2026"))
    }

    @Test(arguments: [
        #"<script>alert(1)</script>"#,
        #"" onmouseover="alert(1)"#,
        #"[click](javascript:alert(1))"#,
        #"<img src=x onerror=alert(1)>"#,
        "\u{1B}]52;c;aGVsbG8=\u{07}\u{202E}evil\u{0}",
        #"**bold** _it_ `code` | cell | ~~gone~~ # head"#,
    ])
    func hostileTextStaysText(_ payload: String) throws {
        var text = BuiltInBriefings.text(named: "example-harbour-pact.yaml")!
        let quoted = "\"" + payload.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{07}", with: "\\a").replacingOccurrences(of: "\u{0}", with: "\\0")
            .replacingOccurrences(of: "\u{202E}", with: "\\u202E") + "\""
        text = text.replacingOccurrences(of: "title: The Harbour Pact and the tides of coastal trade", with: "title: \(quoted)")
            .replacingOccurrences(of: "text: One feed of arrivals.", with: "text: \(quoted)")
            .replacingOccurrences(of: "url: \"https://example.org/feed\"", with: "url: \"https://example.org/x\\\" onmouseover=\\\"alert(1)\"")
        let briefing = try BriefingLoader.load(text: text, file: "hostile.yaml").get().briefing
        let h = Handout(briefing: briefing, scenario: .baseline(of: briefing), hindsight: true)
        let page = Self.html(h), markdown = HandoutMarkdown(h).text
        for out in [page, markdown] {
            #expect(!out.contains("<script>alert") && !out.contains("<img src=x"), "markup from the briefing is escaped")
            #expect(!out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0.value == 0x202E },
                    "no control or bidi characters")
        }
        #expect(!page.contains("\" onmouseover=\""), "no attribute breaks out")
        #expect(!page.contains("href=\"javascript:"))
        #expect(markdown.firstMatch(of: /[^\\]\]\(javascript:/) == nil, "a link only if the bracket is not escaped")
        #expect(!page.contains("href=\"https://example.org/x\\\""), "an address with a quote is not a link")
        if payload.hasPrefix("**") {
            #expect(markdown.contains(#"\*\*bold\*\*"#) && markdown.contains(#"\| cell \|"#), "Markdown syntax in the briefing stays literal")
        }
    }

    @Test func onlyHTTPAddressesBecomeLinks() {
        #expect(Markup.safeURL("https://example.org/a?b=c") != nil)
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://a.org/\"x", "http://a b", "https://a.org/<x>", "file:///etc/passwd", "https://"] {
            #expect(Markup.safeURL(bad) == nil, "\(bad)")
        }
    }

    /// The theme's colours where they read; others replaced by colours that do.
    @Test(arguments: ["dark", "light", "high-contrast", "colorblind", "terminal", "mono"])
    func everyColourReadsOnPaperAndScreen(_ name: String) throws {
        let palette = HandoutPalette(theme: try #require(ThemeLoader.builtIn(name)))
        for (set, background) in [(palette.light, HandoutPalette.paper), (palette.dark, HandoutPalette.screen)] {
            for ((variable, hex), (_, _, text)) in zip(set, HandoutPalette.roles) {
                let v = Int(hex.dropFirst(), radix: 16)!
                let rgb = (Double(v >> 16), Double(v >> 8 & 0xff), Double(v & 0xff))
                #expect(Contrast.ratio(rgb, background) >= (text ? 4.5 : 3.0), "\(name) \(variable) \(hex)")
            }
        }
    }
}
