import Crypto
import FoundationEssentials
import TrilateralExport
import TrilateralModel
import TrilateralStyle

/// The page `GET /` serves: the handout (`export --format html`) for the presenter's briefing
/// and scenario, with the live bar, its style and the one script added, and the
/// Content-Security-Policy that allows exactly those: no requests but this page's own
/// WebSocket, the script and both style elements by hash, and the handout's `style` attributes
/// (a few `color: var(--…)`) each by hash.
public struct LivePage: Sendable {
    public let html: String
    public let policy: String

    /// `hindsight`: with what happened after the briefing and the scorecard, as the presenter's
    /// screen shows them (`PresenterPlace.showsHindsight`).
    public init(briefing: Briefing, scenario: Scenario, hindsight: Bool = false) {
        let handout = HandoutHTML(Handout(briefing: briefing, scenario: scenario, hindsight: hindsight), theme: .fallback).page
        // The bar names the page's scenario, so the script knows when a view is for another.
        let bar = "<div id=\"live-bar\" role=\"region\" aria-label=\"Live\" data-scenario=\"\(LiveMessage.scenarioKey(scenario))\" hidden><span id=\"live-mode\">connecting</span> "
            + "<span id=\"live-caption\" aria-live=\"polite\"></span> <button id=\"live-follow\" type=\"button\" hidden>Follow</button></div>\n"
        var page = handout.replacing("</head>\n<body>\n", with: "<style>\(Self.style)</style>\n</head>\n<body>\n" + bar, maxReplacements: 1)
        page = page.replacing("</body>\n", with: "<script>\(LiveScript.source)</script>\n</body>\n", maxReplacements: 1)
        html = page
        policy = Self.policy(for: page)
    }

    /// The bar's style: fixed at the top, over the page, in its colours; the presenter's place
    /// outlined (a colour and a line, so it shows in both schemes and without colour).
    static let style = """
    #live-bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; padding: .4rem .6rem; margin: -1rem -1rem 1rem; background: var(--panel); color: var(--text); border-bottom: 2px solid var(--heading); font-size: .95rem; }
    #live-bar[hidden] { display: none; }
    #live-mode { font-weight: 700; }
    #live-follow { font: inherit; padding: .2rem .8rem; min-height: 2.2rem; }
    .live-here { outline: 3px solid var(--link); outline-offset: 4px; }
    .live-stale { border-left: 4px solid var(--heading); padding: .4rem .6rem; background: var(--panel); }
    .live-stale button { font: inherit; margin-left: .3rem; min-height: 2.2rem; }
    @media (max-width: 40rem) { #live-bar { margin: -.6rem -.6rem .8rem; } }
    """

    /// The policy for a page: hashes of its scripts, style elements and style attributes.
    static func policy(for page: String) -> String {
        let scripts = Self.contents(of: "<script>", to: "</script>", in: page).map(hash)
        let styles = Self.contents(of: "<style>", to: "</style>", in: page).map(hash)
        let attributes = Set(Self.contents(of: " style=\"", to: "\"", in: page).map(unescapeAttribute)).sorted().map(hash)
        let styleSources = (styles + (attributes.isEmpty ? [] : ["'unsafe-hashes'"] + attributes)).joined(separator: " ")
        return "default-src 'none'; script-src \(scripts.joined(separator: " ")); style-src \(styleSources); "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    /// `'sha256-…'` of a text.
    static func hash(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// The handout's attribute values are its own (`color: var(--strong)`); undoing the
    /// entities is what the browser hashes.
    static func unescapeAttribute(_ text: String) -> String {
        text.replacing("&quot;", with: "\"").replacing("&#39;", with: "'")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }

    /// Every text between `open` and the next `close`.
    static func contents(of open: String, to close: String, in text: String) -> [String] {
        var out: [String] = [], rest = text[...]
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            out.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }
}
