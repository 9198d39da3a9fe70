import Foundation

/// A random briefing within the format's documented limits, as parts that can be dropped one
/// by one (to shrink a failing case) and printed as YAML.
///
/// It reaches for what breaks renderers: words of tens of thousands of characters, long URLs,
/// wide scripts, emoji sequences, zero-width and format characters, combining marks at the
/// start of a text, control characters and escape sequences, dozens of countries with long
/// codes, dates from 1000 to 9999, chart values from 1e-9 to 1e15 over years far apart, heavy
/// rule sets with extreme weights, and presets with unsettled factors.
public struct RandomBriefing {
    /// One thing the briefing declares. Parts refer to each other by id; a part whose
    /// reference was dropped makes a file that `validate` refuses, which a shrinker skips.
    public enum Part {
        case country(id: String, name: String, short: String, partner: Bool)
        case leader(id: String, name: String, country: String, start: String, end: String?, hindsight: Bool)
        case transition(id: String, title: String, country: String, date: String, factor: String?)
        case pillar(id: String, name: String, short: String, foundation: Bool, summary: String)
        case commitment(pillar: String, id: String, title: String, text: String, countries: [String], status: String, caveat: String?)
        case driver(id: String, title: String, text: String, series: String?)
        case series(id: String, title: String, unit: String, lines: [(label: String, points: [(x: Int, y: Double, derived: Bool)])])
        case event(id: String, date: String, title: String, text: String, countries: [String], hindsight: Bool, reported: Bool)
        case factor(id: String, name: String, options: [String], appliesWhen: String?)
        case rule(id: String, all: [String], any: [String], effects: [(target: String, weight: Int)], summary: String)
        case preset(id: String, name: String, set: [String], unsettled: [String])
        case scorecard(id: String, claim: String, verdict: String, events: [String])
        case tour(show: String, target: String?, caption: String)
    }

    public var title: String
    public var parts: [Part]

    /// A briefing drawn from `rng`.
    public static func make<R: RandomNumberGenerator>(_ rng: inout R) -> RandomBriefing {
        var g = Draw(rng: rng)
        let briefing = g.briefing()
        rng = g.rng
        return briefing
    }

    /// The YAML file, every string double-quoted with escapes (so any character can be given).
    public var yaml: String {
        var out = "title: \(q(title))\nauthor: \(q("A. Tester"))\npublished: 2030-01-01\nas_of: 2030-01-01\n"
        func section(_ name: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += "\(name):\n" + items.map { "  - " + $0 + "\n" }.joined()
        }
        var countries: [String] = [], leaders: [String] = [], transitions: [String] = [], pillars: [String] = []
        var drivers: [String] = [], series: [String] = [], events: [String] = [], factors: [String] = []
        var rules: [String] = [], presets: [String] = [], scorecard: [String] = [], tour: [String] = []
        var commitments: [String: [String]] = [:]
        var heads: [String: String] = [:]
        let cite = "{ para: 1, quote: \(q("q")) }"
        for part in parts {
            switch part {
            case let .country(id, name, short, partner):
                countries.append("{ id: \(id), name: \(q(name)), short: \(q(short)), role: \(partner ? "partner" : "external") }")
            case let .leader(id, name, country, start, end, hindsight):
                leaders.append("{ id: \(id), name: \(q(name)), country: \(country), office: Head, start: \(start)\(end.map { ", end: \($0), end_status: expected" } ?? ", end_status: open"), layer: \(hindsight ? "hindsight" : "briefing"), cite: { url: \"https://example.org/\(id)\" } }")
            case let .transition(id, title, country, date, factor):
                transitions.append("{ id: \(id), title: \(q(title)), country: \(country), date: \(date)\(factor.map { ", factor: \($0)" } ?? ""), cite: \(cite) }")
            case let .pillar(id, name, short, foundation, summary):
                pillars.append(id)
                heads[id] = "{ id: \(id), name: \(q(name)), short: \(q(short)), kind: \(foundation ? "foundation" : "cooperation"), summary: \(q(summary)), cite: \(cite), commitments: ["
            case let .commitment(pillar, id, title, text, countries, status, caveat):
                commitments[pillar, default: []].append("{ id: \(id), title: \(q(title)), text: \(q(text)), countries: [\(countries.joined(separator: ", "))], status: \(status)\(caveat.map { ", caveat: \(q($0))" } ?? ""), cite: \(cite) }")
            case let .driver(id, title, text, seriesID):
                drivers.append("{ id: \(id), title: \(q(title)), text: \(q(text)), cite: \(cite)\(seriesID.map { ", series: \($0)" } ?? "") }")
            case let .series(id, title, unit, lines):
                let body = lines.enumerated().map { n, line in
                    "{ id: \(id)-l\(n), label: \(q(line.label)), points: [" + line.points.map { p in
                        "{ x: \(p.x), y: \(p.y), confidence: \(p.derived ? "medium" : "high"), cite: \(cite) }"
                    }.joined(separator: ", ") + "] }"
                }.joined(separator: ", ")
                series.append("{ id: \(id), title: \(q(title)), unit: \(q(unit)), cite: \(cite), lines: [\(body)] }")
            case let .event(id, date, title, text, countries, hindsight, reported):
                events.append("{ id: \(id), date: \(date), title: \(q(title)), kind: meeting, text: \(q(text)), countries: [\(countries.joined(separator: ", "))], layer: \(hindsight ? "hindsight" : "briefing"), confidence: \(reported ? "medium" : "high"), cite: { url: \"https://example.org/\(id)\" } }")
            case let .factor(id, name, options, appliesWhen):
                factors.append("{ id: \(id), name: \(q(name)), question: \(q(name + "?")), baseline: \(options[0]), cite: \(cite)\(appliesWhen.map { ", applies_when: [\($0)]" } ?? ""), options: [" + options.map { "{ id: \($0), label: \(q($0.uppercased())) }" }.joined(separator: ", ") + "] }")
            case let .rule(id, all, any, effects, summary):
                rules.append("{ id: \(id), all: [\(all.joined(separator: ", "))], any: [\(any.joined(separator: ", "))], effects: { \(effects.map { "\($0.target): \($0.weight)" }.joined(separator: ", ")) }, summary: \(q(summary)), because: \(cite) }")
            case let .preset(id, name, set, unsettled):
                presets.append("{ id: \(id), name: \(q(name)), set: [\(set.joined(separator: ", "))], unsettled: [" + unsettled.map { "{ factor: \($0), why: \(q("open")) }" }.joined(separator: ", ") + "] }")
            case let .scorecard(id, claim, verdict, events):
                scorecard.append("{ id: \(id), claim: \(q(claim)), verdict: \(verdict), outcome: \(q(claim)), cite: \(cite), events: [\(events.joined(separator: ", "))] }")
            case let .tour(show, target, caption):
                tour.append("{ show: \(show)\(target.map { ", \($0)" } ?? ""), caption: \(q(caption)) }")
            }
        }
        section("countries", countries)
        section("leaders", leaders)
        section("transitions", transitions)
        out += "pillars:\n" + pillars.map { "  - " + heads[$0]! + commitments[$0, default: []].joined(separator: ", ") + "] }\n" }.joined()
        if pillars.isEmpty { out += "  []\n" }
        section("drivers", drivers)
        section("series", series)
        section("events", events)
        section("factors", factors)
        section("rules", rules)
        section("presets", presets)
        section("scorecard", scorecard)
        section("tour", tour)
        return out
    }

    /// A YAML double-quoted string: printable characters as they are (so the loader meets the
    /// real bytes), quotes and backslashes escaped, controls and format characters as `\u`.
    func q(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFEFF || v == 0x2028 || v == 0x2029 {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public init(title: String, parts: [Part]) { self.title = title; self.parts = parts }
}

/// The random choices behind one `RandomBriefing`.
private struct Draw<R: RandomNumberGenerator> {
    var rng: R
    var serial = 0

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func id(_ prefix: String) -> String { serial += 1; return "\(prefix)\(serial)" }

    /// Text that stresses a renderer.
    mutating func text(_ maximum: Int = 80) -> String {
        let pools: [[String]] = [
            ["Camp", "David", "supply", "chains", "the", "trilateral", "economic", "security", "—", "“quoted”", "¶3"],
            ["日本", "대한민국", "中国", "経済安全保障", "반도체", "동맹", "半導体"],
            ["👍🏽", "🇯🇵", "👩‍👩‍👧", "❤️", "🏳️‍🌈", "1️⃣"],
            ["e\u{301}", "\u{301}\u{302}start", "\u{200B}\u{200B}", "\u{FEFF}", "\u{200D}", "\u{2060}", "a\u{20DD}"],
            ["שלום", "مرحبا", "\u{202E}reversed\u{202C}", "\u{2066}isolate\u{2069}"],
            ["\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{9B}31m", "\t", "\n", "\u{7F}", "\u{1B}]52;c;SGVsbG8=\u{07}"],
        ]
        // About one monster per briefing: a word or a URL of tens of thousands of characters.
        if int(0...999) < 3 { return String(repeating: pick(["W", "語", "é", "👍"]), count: int(1_000...60_000)) }
        if int(0...999) < 3 { return "https://example.org/" + String(repeating: "a", count: int(1_000...80_000)) }
        var out = ""
        let words = int(0...max(1, maximum / 6))
        for n in 0..<words {
            if n > 0 && !chance(10) { out += " " }
            out += pick(pick(pools))
        }
        return out.allSatisfy(\.isWhitespace) ? "x" + out : out
    }

    mutating func date() -> String {
        let year = chance(80) ? int(2015...2040) : int(1000...9999)
        switch int(0...2) {
        case 0: return String(year)
        case 1: return String(format: "%04d-%02d", year, int(1...12))
        default: return String(format: "%04d-%02d-%02d", year, int(1...12), int(1...28))
        }
    }

    mutating func value() -> Double {
        switch int(0...4) {
        case 0: return Double(int(-100...100))
        case 1: return Double(int(0...1_000_000)) / 1_000_000
        case 2: return Double(int(1...999)) * pow10(int(3...12))
        case 3: return Double(int(1...999)) / pow10(int(4...9))
        default: return Double(int(-999...999)) * pow10(int(0...12))
        }
    }

    func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    mutating func briefing() -> RandomBriefing {
        var parts: [RandomBriefing.Part] = []
        let countryCount = chance(10) ? int(10...40) : int(1...5)
        var countries: [String] = []
        for n in 0..<countryCount {
            let id = id("c")
            countries.append(id)
            let short = chance(20) ? String(text(12).prefix(int(1...24))) : pick(["US", "JP", "KR", "CN", "AU", "IN", "EU"])
            parts.append(.country(id: id, name: text(20), short: short.allSatisfy(\.isWhitespace) ? "X" + short : short, partner: n == 0 || chance(80)))
        }
        func someCountries(_ d: inout Draw) -> [String] {
            (0..<d.int(0...min(countries.count, d.chance(10) ? 40 : 4))).map { _ in d.pick(countries) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
        var pillars: [String] = []
        var cooperation: [String] = []
        for n in 0..<int(1...(chance(10) ? 9 : 4)) {
            let id = id("p")
            pillars.append(id)
            let foundation = n > 0 && chance(25)
            if !foundation { cooperation.append(id) }
            parts.append(.pillar(id: id, name: text(30), short: text(10), foundation: foundation, summary: text(120)))
            for _ in 0..<int(0...(chance(10) ? 60 : 6)) {
                parts.append(.commitment(pillar: id, id: self.id("m"), title: text(60), text: text(400), countries: someCountries(&self),
                                         status: pick(["agreed", "launched", "discussed", "established", "stalled"]), caveat: chance(20) ? text(80) : nil))
            }
        }
        var factors: [(id: String, options: [String])] = []
        for _ in 0..<int(0...(chance(10) ? 12 : 4)) {
            let id = id("f")
            let options = (0..<int(2...(chance(10) ? 16 : 3))).map { _ in self.id("o") }
            let applies = factors.isEmpty || !chance(25) ? nil : factors.last.map { "\($0.id)=\($0.options[0])" }
            factors.append((id, options))
            parts.append(.factor(id: id, name: text(24), options: options, appliesWhen: applies))
        }
        for country in countries.prefix(6) where chance(70) {
            let leader = id("l")
            let transition: String? = chance(50) ? id("t") : nil
            parts.append(.leader(id: leader, name: text(20), country: country, start: date(), end: chance(50) ? "9999" : nil, hindsight: false))
            if let transition {
                parts.append(.transition(id: transition, title: text(30), country: country, date: date(), factor: factors.isEmpty || chance(50) ? nil : pick(factors).id))
            }
            if chance(30) { parts.append(.leader(id: id("l"), name: text(20), country: country, start: date(), end: nil, hindsight: true)) }
        }
        var events: [String] = []
        for _ in 0..<int(0...(chance(10) ? 300 : 20)) {
            let id = id("e")
            events.append(id)
            parts.append(.event(id: id, date: date(), title: text(60), text: text(200), countries: someCountries(&self), hindsight: chance(30), reported: chance(20)))
        }
        for _ in 0..<int(0...2) {
            let id = id("s")
            let lines = (0..<int(1...(chance(10) ? 8 : 4))).map { _ -> (label: String, points: [(x: Int, y: Double, derived: Bool)]) in
                let start = chance(70) ? int(2000...2030) : int(1000...9000)
                let spread = chance(70) ? int(1...10) : int(1...999)
                let points = (0..<int(0...(chance(10) ? 60 : 8))).map { _ in (x: min(9999, start + int(0...spread)), y: value(), derived: chance(30)) }
                return (label: text(20), points: points)
            }
            parts.append(.series(id: id, title: text(40), unit: pick(["%", "bn", "", "t", "¥"]), lines: lines))
            parts.append(.driver(id: self.id("d"), title: text(40), text: text(200), series: id))
        }
        let targets = cooperation
        if !factors.isEmpty {
            for _ in 0..<int(1...(chance(10) ? 400 : 12)) {
                let f = pick(factors)
                let g = pick(factors)
                let effects = (0..<int(1...3)).map { _ in (target: pick(targets), weight: int(-10...10)) }
                    .reduce(into: [(target: String, weight: Int)]()) { list, e in if !list.contains(where: { $0.target == e.target }) { list.append(e) } }
                parts.append(.rule(id: id("r"), all: ["\(f.id)=\(pick(f.options))"], any: chance(30) ? ["\(g.id)=\(pick(g.options))"] : [],
                                   effects: effects, summary: text(80)))
            }
            var combinations = 1
            let unsettled = factors.filter { f in
                guard chance(40), combinations * f.options.count <= 4096 else { return false }
                combinations *= f.options.count
                return true
            }.map(\.id)
            let preset = id("x")
            parts.append(.preset(id: preset, name: text(20), set: [factors.map { "\($0.id)=\($0.options.last!)" }.first!], unsettled: unsettled))
            if chance(50) { parts.append(.tour(show: "what-if", target: "preset: \(preset)", caption: text(100))) }
        }
        if !events.isEmpty {
            for _ in 0..<int(0...4) {
                parts.append(.scorecard(id: id("k"), claim: text(100), verdict: pick(["held", "partly", "diverged", "open", "untested"]), events: [pick(events)]))
            }
            parts.append(.tour(show: "timeline", target: "event: \(pick(events))", caption: text(120)))
        }
        parts.append(.tour(show: "pillar", target: "pillar: \(pick(pillars))", caption: text(120)))
        if chance(30) { parts.append(.tour(show: "scorecard", target: nil, caption: text(40))) }
        return RandomBriefing(title: chance(5) ? String(repeating: "T", count: 100_000) : text(80), parts: parts)
    }
}
