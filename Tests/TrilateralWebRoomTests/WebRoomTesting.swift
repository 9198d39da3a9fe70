import BuiltInBriefings
import Foundation
import TrilateralModel
import TrilateralUI
import TrilateralWebRoom

/// What the web room's tests share: a presenter's dashboard on a briefing with keys pressed
/// the way a presenter presses them, the live page, JSON decoding, and a rough reader of the
/// page's HTML (elements by id, with their nested content) standing in for the browser's DOM.
enum Room {
    static let briefing = BuiltInBriefings.standard
    static let baseline = Scenario.baseline(of: briefing)
    /// The live page for the built-in briefing at its baseline, built once.
    static let page = LivePage(briefing: briefing, scenario: baseline)

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh dashboard on a briefing (the built-in one unless told).
    static func fresh(_ briefing: Briefing = briefing) -> AppState { AppState(briefing: briefing, size: Size(width: 120, height: 40)) }

    /// Presses the keys of a script (`KeyScript`: "j<Enter>", "b<Space>") on a state.
    static func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&state, input) }
    }

    /// A fresh dashboard after the keys of a script.
    static func run(_ script: String, on briefing: Briefing = briefing) -> AppState {
        var s = fresh(briefing)
        press(&s, script)
        return s
    }

    /// A JSON text message as an object.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw Problem("not a JSON object: \(text)") }
        return dictionary
    }

    struct Problem: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

    /// Text as an HTML attribute value or content (what the handout's escaping makes of it).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: some StringProtocol) -> Int {
        var n = 0, rest = text[...]
        while let r = rest.range(of: needle) { n += 1; rest = rest[r.upperBound...] }
        return n
    }
}

/// A rough DOM over a page's text: enough to find an element by id or by its opening tag and
/// take it whole (its nested elements of the same name counted), as `getElementById` and
/// `querySelectorAll` would.
struct PageText {
    let html: String

    /// How many elements carry this id (a page must have exactly one for `getElementById`).
    func idCount(_ id: String) -> Int { Room.count(" id=\"\(Room.escaped(id))\"", in: html) }

    /// The element with this id, from its `<` to its closing tag.
    func element(id: String) -> Substring? {
        guard let r = html.range(of: " id=\"\(Room.escaped(id))\""), let open = html[..<r.lowerBound].lastIndex(of: "<") else { return nil }
        return Self.element(at: open, in: html[...])
    }

    /// The first element inside `scope` whose opening tag starts with `openTag` (`<ul class="commitments">`).
    static func first(_ openTag: String, in scope: Substring) -> Substring? {
        guard let r = scope.range(of: openTag) else { return nil }
        return element(at: r.lowerBound, in: scope)
    }

    /// The last such element inside `scope`.
    static func last(_ openTag: String, in scope: Substring) -> Substring? {
        var found: Substring?, rest = scope
        while let r = rest.range(of: openTag), let e = element(at: r.lowerBound, in: scope) {
            found = e
            rest = scope[e.endIndex...]
        }
        return found
    }

    /// The element whose `<` is at `start`: up to the closing tag that matches it.
    static func element(at start: String.Index, in text: Substring) -> Substring? {
        let name = text[text.index(after: start)...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        guard !name.isEmpty, let openEnd = text[start...].firstIndex(of: ">") else { return nil }
        let open = "<\(name)", close = "</\(name)>"
        var depth = 1, cursor = text.index(after: openEnd)
        while depth > 0 {
            guard let c = text[cursor...].range(of: close) else { return nil }
            var scan = cursor
            while let o = text[scan..<c.lowerBound].range(of: open) {
                if let next = text[o.upperBound...].first, next == " " || next == ">" || next == "\n" { depth += 1 }
                scan = o.upperBound
            }
            depth -= 1
            cursor = c.upperBound
        }
        return text[start..<cursor]
    }

    /// How many elements the live script's `list` selector finds under an element, for the
    /// selectors `PresenterPlace` uses; nil for one this reader does not know.
    static func count(list: String, under scope: Substring) -> Int? {
        func children(_ openTag: String) -> Int {
            guard let ul = first(openTag, in: scope) else { return 0 }
            return Room.count("<li>", in: ul) + Room.count("<li ", in: ul)
        }
        switch list {
        case ".commitments > li": return children("<ul class=\"commitments\"")
        case ".drivers > li": return children("<ul class=\"drivers\"")
        case "figure": return Room.count("<figure>", in: scope) + Room.count("<figure ", in: scope)
        case "div.scroll:last-of-type tbody > tr":
            // The last div of the element must be a scroll box, else `:last-of-type` picks none.
            guard let div = last("<div class=\"scroll\"", in: scope), last("<div", in: scope) == div,
                  let body = first("<tbody>", in: div) else { return 0 }
            return Room.count("<tr>", in: body) + Room.count("<tr ", in: body)
        default: return nil
        }
    }

    /// Why the live script finds nothing for a place on this page; nil when it finds the element.
    func problem(with place: PresenterPlace) -> String? {
        guard idCount(place.section) == 1, let section = element(id: place.section) else {
            return "section '\(place.section)': \(idCount(place.section)) elements with that id"
        }
        guard section.hasPrefix("<section") else { return "'\(place.section)' is not a section" }
        var target = section
        if let anchor = place.anchor {
            guard idCount(anchor) == 1, let element = element(id: anchor) else { return "anchor '\(anchor)': \(idCount(anchor)) elements with that id" }
            guard section.contains(" id=\"\(Room.escaped(anchor))\"") else { return "anchor '\(anchor)' is not inside section '\(place.section)'" }
            target = element
        }
        if let list = place.list {
            guard let n = place.n else { return "a list without n" }
            guard let count = Self.count(list: list, under: target) else { return "unknown list selector '\(list)': teach PageText.count" }
            guard (0..<count).contains(n) else { return "element \(n) of '\(list)' under '\(place.anchor ?? place.section)', which has \(count)" }
        } else if place.n != nil {
            return "n without a list"
        }
        return nil
    }
}
