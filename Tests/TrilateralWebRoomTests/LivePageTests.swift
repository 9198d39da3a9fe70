import Crypto
import Foundation
import Testing
import TrilateralExport
import TrilateralModel
import TrilateralUI
import TrilateralWebRoom

/// The live page (`GET /`): its Content-Security-Policy allows exactly the page's own script
/// and styles, recomputed here from the page's text as a browser hashes them; the page has one
/// script; the live bar is hidden until that script runs, so without script the page is the
/// plain handout; the tour caption is spoken politely.
@Suite("The live page")
struct LivePageTests {
    /// A policy as directive → sources.
    static func directives(_ policy: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for directive in policy.split(separator: ";") {
            let words = directive.split(separator: " ").map(String.init)
            guard let name = words.first else { continue }
            #expect(out[name] == nil, "\(name) given twice: a browser uses the first only")
            out[name] = Array(words.dropFirst())
        }
        return out
    }

    /// `'sha256-…'` of a text's UTF-8, as CSP names a hash.
    static func sha256(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// An attribute value as the browser reads it: entities undone.
    static func unescaped(_ value: String) -> String {
        var out = value
        for (entity, c) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: c)
        }
        return out
    }

    /// Bodies of every element `<name …>…</name>` in a page, found without the page's own code.
    /// (Tags in capitals are counted apart: `expectPolicyAllowsExactlyThePage` wants none.)
    static func bodies(of name: String, in html: String) -> [String] {
        var out: [String] = [], cursor = html.startIndex
        while let open = html[cursor...].range(of: "<\(name)") {
            let next = html[open.upperBound...].first
            guard next == ">" || next == " " || next == "\n" || next == "\t" else { cursor = open.upperBound; continue }
            guard let tagEnd = html[open.upperBound...].firstIndex(of: ">"),
                  let close = html[html.index(after: tagEnd)...].range(of: "</\(name)") else { break }
            out.append(String(html[html.index(after: tagEnd)..<close.lowerBound]))
            cursor = close.upperBound
        }
        return out
    }

    /// Every `style` attribute's value in a page, entities undone.
    static func styleAttributes(in html: String) -> [String] {
        var out: [String] = []
        for match in html.matches(of: /\sstyle\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/) {
            out.append(unescaped(String(match.2 ?? match.3 ?? match.4 ?? "")))
        }
        return out
    }

    /// What must hold of any live page and its policy (also used on hostile briefings).
    static func expectPolicyAllowsExactlyThePage(_ page: LivePage, sourceLocation: SourceLocation = #_sourceLocation) {
        let html = page.html, d = directives(page.policy)
        #expect(d["default-src"] == ["'none'"], sourceLocation: sourceLocation)
        #expect(d["connect-src"] == ["'self'"], "the page may open only its own WebSocket", sourceLocation: sourceLocation)
        for unsafe in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:", "ws:", "wss:"] {
            #expect(!page.policy.contains(" \(unsafe)"), "\(unsafe) in the policy", sourceLocation: sourceLocation)
        }
        #expect(Room.count("<script", in: html.lowercased()) == 1, "one script element", sourceLocation: sourceLocation)
        #expect(Room.count("<style", in: html.lowercased()) == Room.count("<style", in: html), "no style tag in capitals", sourceLocation: sourceLocation)
        let scripts = bodies(of: "script", in: html)
        #expect(scripts.count == 1, sourceLocation: sourceLocation)
        #expect(Set(d["script-src"] ?? []) == Set(scripts.map(sha256)), "script-src is the hash of the page's script, nothing else", sourceLocation: sourceLocation)
        let styles = bodies(of: "style", in: html)
        #expect(styles.count == 2, "the handout's style and the bar's", sourceLocation: sourceLocation)
        let attributes = Set(styleAttributes(in: html))
        #expect(!attributes.isEmpty, "the handout colours its outlooks by style attributes", sourceLocation: sourceLocation)
        let styleSources = Set(d["style-src"] ?? [])
        for style in styles { #expect(styleSources.contains(sha256(style)), "a style element the policy blocks", sourceLocation: sourceLocation) }
        for value in attributes.sorted() {
            #expect(styleSources.contains(sha256(value)), "style=\"\(value)\" is blocked by the policy", sourceLocation: sourceLocation)
        }
        // Attribute hashes apply only with 'unsafe-hashes'; and nothing else is allowed.
        #expect(styleSources == Set(styles.map(sha256) + attributes.map(sha256) + ["'unsafe-hashes'"]), sourceLocation: sourceLocation)
    }

    @Test func thePolicyAllowsExactlyThePagesScriptAndStyles() {
        Self.expectPolicyAllowsExactlyThePage(Room.page)
    }

    /// Under another scenario the outlooks' colours (style attributes) change: the policy follows.
    @Test(arguments: ["downward-spiral", "as-it-happened", "trump-tariffs-allies"])
    func thePolicyFollowsTheScenario(_ preset: String) throws {
        let scenario = Scenario.preset(try #require(Room.briefing.preset(preset)), in: Room.briefing)
        Self.expectPolicyAllowsExactlyThePage(LivePage(briefing: Room.briefing, scenario: scenario))
    }

    @Test func theLiveBarIsHiddenUntilTheScriptRunsAndTheCaptionIsPolite() throws {
        let html = Room.page.html
        let bar = try #require(html.firstMatch(of: /<div id="live-bar"[^>]*>/)).output
        #expect(bar.contains(/\shidden[\s>=]/), "without script the bar stays hidden: \(bar)")
        #expect(Room.count("id=\"live-bar\"", in: html) == 1)
        let caption = try #require(html.firstMatch(of: /<[a-z]+ id="live-caption"[^>]*>/)).output
        #expect(caption.contains("aria-live=\"polite\""))
        let follow = try #require(html.firstMatch(of: /<button id="live-follow"[^>]*>/)).output
        #expect(follow.contains(/\shidden[\s>=]/), "Follow shows only once the reader browses")
        // The bar comes first in the body, so it is read before the handout.
        #expect(html.contains("<body>\n<div id=\"live-bar\""))
    }

    /// Taking out the bar, its style and the script leaves exactly the exported handout: a
    /// browser without script shows the plain handout.
    @Test(arguments: [nil, "downward-spiral"] as [String?])
    func withoutTheLivePartsThePageIsTheHandout(_ preset: String?) throws {
        let scenario = try preset.map { Scenario.preset(try #require(Room.briefing.preset($0)), in: Room.briefing) } ?? Room.baseline
        let page = LivePage(briefing: Room.briefing, scenario: scenario).html
        let handout = HandoutHTML(Handout(briefing: Room.briefing, scenario: scenario, hindsight: false), theme: .fallback).page
        var plain = page
        plain.replace(/<div id="live-bar".*?<\/div>\n/.dotMatchesNewlines(), with: "", maxReplacements: 1)
        plain.replace(/<script>.*?<\/script>\n/.dotMatchesNewlines(), with: "", maxReplacements: 1)
        let styles = Self.bodies(of: "style", in: page)
        let live = try #require(styles.last)
        plain = plain.replacingOccurrences(of: "<style>\(live)</style>\n", with: "")
        #expect(plain == handout)
        #expect(page != handout)
    }
}
