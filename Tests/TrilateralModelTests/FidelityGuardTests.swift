import BuiltInBriefings
import Foundation
import Testing
@testable import TrilateralModel

/// Classes of fidelity error a machine can see, checked on the built-in briefing (issue 23).
/// Each check is a function from a briefing to its problems, so that every test can also show,
/// on a copy broken on purpose, that the check fails when it should.
enum FidelityGuards {
    /// A text the screen shows with the events it rests on: outcomes, `why`s and captions.
    struct Placed { var place: String; var text: String; var events: [String] }

    static func outcomesWhysAndCaptions(_ b: Briefing) -> [Placed] {
        var texts = b.scorecard.map { Placed(place: "scorecard[\($0.id)].outcome", text: $0.outcome, events: $0.events) }
        for p in b.presets {
            for e in p.evidence { if let why = e.why { texts.append(.init(place: "presets[\(p.id)].evidence[\(e.choice)].why", text: why, events: e.events)) } }
            for u in p.unsettled { texts.append(.init(place: "presets[\(p.id)].unsettled[\(u.factor)].why", text: u.why, events: u.events)) }
        }
        for (i, step) in b.tour.enumerated() {
            var events: [String] = []
            if case .timeline(let event) = step.show { events = [event] }
            texts.append(.init(place: "tour[\(i)].caption", text: step.caption, events: events))
        }
        return texts
    }

    // MARK: Medium confidence is shown as "reported"

    /// How the briefing's outcomes, `why`s and captions name each medium-confidence event (its
    /// title and day are checked too). Kept by hand: a medium event missing here, or an entry
    /// for an event no longer medium, fails `theNamesTableIsComplete`.
    static let reportedNames: [String: [String]] = [
        "h-waltz-rubio": ["Waltz"],
        "h-vice-fms-tokyo": ["vice foreign ministers"],
        "h-lee-trump": ["Lee's first White House summit", "Lee-Trump", "Lee met Trump"],
        "h-freedom-edge": ["Freedom Edge"],
        "h-taiwan-remark": ["Taiwan remark"],
        "h-wsj-trump-restraint": ["Wall Street Journal", "WSJ"],
        "h-hanwha-frigate": ["frigate"],
        "h-chip-tool-licences": ["licences", "chip-tool"],
        "h-dual-use-ban": ["dual-use"],
        "h-snap-election-called": ["dissolv", "snap election"],
        "h-china-travel": ["travel advice", "advice against travel"],
        "h-takaichi-white-house": ["Takaichi at the White House", "Takaichi's White House", "Takaichi-Trump summit"],
        "h-trump-xi-beijing": ["met Xi in Beijing", "Beijing summit", "Trump-Xi summit"],
        "h-korea-local-elections": ["local elections"],
        "h-lee-takaichi-g20": ["G20"],
        "h-rare-earths": ["rare-earth curbs", "curbs on rare earths"],
    ]

    /// The clauses of a text: split at `,` `;` `:` and sentence ends outside parentheses, so
    /// that "FORGE (Feb 2026, reported)" is one clause and "Pax Silica, FORGE (reported)" two.
    static func clauses(_ text: String) -> [String] {
        var out: [String] = [], current = "", depth = 0
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            let end = depth == 0 && (c == "," || c == ";" || c == ":" || (c == "." && (i + 1 == chars.count || chars[i + 1] == " ")))
            if end { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out
    }

    static func namesTableProblems(_ b: Briefing) -> [String] {
        let medium = Set(b.events.filter(\.isReported).map(\.id)), named = Set(reportedNames.keys)
        return medium.subtracting(named).sorted().map { "\($0) is medium but the names table does not say how the texts name it" }
            + named.subtracting(medium).sorted().map { "\($0) is in the names table but not medium" }
    }

    static func mediumNames(_ e: Event) -> [String] {
        (reportedNames[e.id] ?? []) + [e.title] + (e.date.precision == .day ? [e.date.display] : [])
    }

    /// Whether "reported" stands by the mention at `start..<end` of a clause: in the 30
    /// characters before it (“a reported summit”), or after it up to the end of the first
    /// bracket that follows (“Freedom Edge (Sep 2025, reported)”) or that encloses it.
    static func reportedBeside(_ clause: [Character], start: Int, end: Int) -> Bool {
        var depth = 0, stop = clause.count, i = end
        scan: while i < clause.count {
            switch clause[i] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth <= 0 { stop = i + 1; break scan }
            default: break
            }
            i += 1
        }
        return String(clause[max(0, start - 30)..<stop]).lowercased().contains("reported")
    }

    static func unreportedMentions(_ b: Briefing) -> [String] {
        let medium = b.events.filter(\.isReported)
        var problems: [String] = []
        for placed in outcomesWhysAndCaptions(b) {
            for clause in clauses(placed.text) {
                let chars = Array(clause.lowercased())
                for e in medium {
                    for name in mediumNames(e) {
                        let needle = Array(name.lowercased())
                        guard needle.count <= chars.count else { continue }
                        for start in 0...(chars.count - needle.count) where Array(chars[start..<start + needle.count]) == needle
                            && !reportedBeside(chars, start: start, end: start + needle.count) {
                            problems.append("\(placed.place): “\(name)” names \(e.id) (medium confidence) without “reported” beside it in “\(clause)”")
                        }
                    }
                }
            }
            // A timeline caption on a medium event says so.
            for id in placed.events where placed.place.hasSuffix(".caption") && b.event(id)?.isReported == true
                && !placed.text.lowercased().contains("reported") {
                problems.append("\(placed.place): the step shows \(id) (medium confidence) and the caption does not say “reported”")
            }
        }
        return problems
    }

    // MARK: Outcome lists

    /// Month names as the texts write them, short and long, to their numbers.
    static let monthNumbers: [String: Int] = {
        let long = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var map: [String: Int] = ["sept": 9]
        for (i, name) in long.enumerated() { map[name] = i + 1; map[String(name.prefix(3))] = i + 1 }
        return map
    }()

    /// The month-years a text names ("Apr 2025", "29 Oct 2025", "June 2026"), without the
    /// phrases that say where the record ends ("ends in June 2026", "to June 2026").
    static func monthYears(_ text: String, recordEnd: Day?) -> [(year: Int, month: Int)] {
        var text = text
        if let end = recordEnd, let m = end.month {
            let full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]
            for name in [full, Day.monthNames[m - 1]] {
                for lead in ["ends in ", "up to ", "to ", "after "] { text = text.replacingOccurrences(of: lead + name + " \(end.year)", with: "") }
            }
        }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var found: [(year: Int, month: Int)] = []
        for (i, w) in words.enumerated() where i + 1 < words.count {
            guard let m = monthNumbers[w], words[i + 1].count == 4, let year = Int(words[i + 1]) else { continue }
            found.append((year, m))
        }
        return found
    }

    static func outcomeListProblems(_ b: Briefing) -> [String] {
        var problems: [String] = []
        for placed in outcomesWhysAndCaptions(b) where !placed.place.hasSuffix(".caption") {
            let events = placed.events.compactMap { id -> Event? in
                guard let e = b.event(id) else { problems.append("\(placed.place): no event \(id)"); return nil }
                return e
            }
            for (year, month) in monthYears(placed.text, recordEnd: b.recordEnd)
            where !events.contains(where: { $0.date.year == year && $0.date.month == month }) {
                problems.append("\(placed.place) names \(Day.monthNames[month - 1]) \(year) but lists no event of that month")
            }
        }
        return problems
    }

    // MARK: No double count

    /// Every combination of every factor's options.
    static func allScenarios(_ b: Briefing) -> [Scenario] {
        var scenarios = [Scenario(choices: [:])]
        for f in b.factors {
            scenarios = scenarios.flatMap { s in f.options.map { o in var t = s; t.choices[f.id] = o.id; return t } }
        }
        return scenarios
    }

    /// Two rules that fire in exactly the same scenarios and move a target in common.
    static func doubleCounts(_ b: Briefing) -> [String] {
        let engine = OutlookEngine(briefing: b)
        let scenarios = allScenarios(b)
        let firing = b.rules.map { rule in Set(scenarios.indices.filter { engine.fires(rule, in: scenarios[$0]) }) }
        var problems: [String] = []
        for i in b.rules.indices {
            for j in b.rules.indices where j > i && firing[i] == firing[j] {
                let shared = Set(b.rules[i].effects.keys).intersection(b.rules[j].effects.keys)
                if !shared.isEmpty {
                    problems.append("\(b.rules[i].id) and \(b.rules[j].id) fire on the same conditions and both move \(shared.sorted().joined(separator: ", "))")
                }
            }
        }
        return problems
    }

    // MARK: Words that overstated before

    /// The sentences allowed to say "came true", "unlike" or "institutionali(s|z)ed": each read
    /// against its source. Add one only after checking it against the article (¶6 says "many of
    /// the domestic components", not the whole course).
    static let approvedSentences: Set<String> = [
        "The 2022 act institutionalised many domestic components of trilateral economic-security cooperation, so the Ishiba administration is not expected to deviate from Kishida's path.",
        "Continuity: Japan's 2022 Economic Security Promotion Act has institutionalised many of the domestic components of trilateral economic-security cooperation, and Ishiba was considered more favourable than Takaichi to sustaining the rapprochement.",
        "The article's judgement of Ishiba's government (Oct 2024): the Economic Security Promotion Act has institutionalised many of the domestic components of trilateral economic-security cooperation, so Japan is not expected to deviate from Kishida's path; Kiuchi's appointment signals work with like-minded partners on chips and critical minerals.",
        "The article does not expect him to deviate from Kishida's path on economic security: Japan's 2022 Economic Security Promotion Act 'has institutionalized many of the domestic components to trilateral cooperation in this area' (¶5-6).",
    ]

    /// Every text the briefing shows in its own words (quotes excepted: they are the source's).
    static func ownTexts(_ b: Briefing) -> [(place: String, text: String)] {
        var t: [(String, String)] = b.summary.map { ("summary", $0) }
        t += b.scorecard.flatMap { [("scorecard[\($0.id)].claim", $0.claim), ("scorecard[\($0.id)].outcome", $0.outcome)] }
        t += b.factors.flatMap { f in [("factors[\(f.id)].question", f.question)] + f.options.map { ("factors[\(f.id)].options[\($0.id)]", $0.label + ". " + $0.text) } }
        t += b.rules.map { ("rules[\($0.id)].summary", $0.summary) }
        t += b.presets.flatMap { p in [("presets[\(p.id)].text", p.text)] + p.evidence.compactMap { e in e.why.map { ("presets[\(p.id)].why", $0) } } + p.unsettled.map { ("presets[\(p.id)].why", $0.why) } }
        t += b.tour.enumerated().flatMap { [("tour[\($0.offset)].caption", $0.element.caption), ("tour[\($0.offset)].notes", $0.element.notes)] }
        t += b.allCommitments.flatMap { [("commitments[\($0.commitment.id)]", $0.commitment.text), ("commitments[\($0.commitment.id)].caveat", $0.commitment.caveat ?? "")] }
        t += b.drivers.map { ("drivers[\($0.id)]", $0.text) }
        t += b.events.flatMap { [("events[\($0.id)]", $0.title + ". " + $0.text)] }
        t += b.transitions.map { ("transitions[\($0.id)]", $0.text) }
        t += b.leaders.map { ("leaders[\($0.id)].note", $0.note ?? "") }
        return t
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = [], current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            current.append(c)
            if c == ".", i + 1 == chars.count || chars[i + 1] == " " {
                out.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    static func watched(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        let words = lower.split { !$0.isLetter }
        return lower.contains("came true") || words.contains("unlike") || lower.contains("institutionali")
    }

    static func unapprovedWords(_ b: Briefing, approved: Set<String> = approvedSentences) -> [String] {
        ownTexts(b).flatMap { placed in
            sentences(placed.text).filter { watched($0) && !approved.contains($0) }.map { "\(placed.place): “\($0)” is not on the allow-list" }
        }
    }
}

@Suite("Fidelity guards of the built-in briefing")
struct FidelityGuardTests {
    let b = BuiltInBriefings.standard

    // Medium confidence → "reported", wherever an outcome, a why or a caption names the event.

    @Test func mediumConfidenceEventsAreReportedWhereverTheyAreNamed() {
        let problems = FidelityGuards.unreportedMentions(b)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theNamesTableIsComplete() {
        let problems = FidelityGuards.namesTableProblems(b)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theReportedCheckCanFail() throws {
        var broken = b
        let i = try #require(broken.scorecard.firstIndex { $0.id == "camp-david-new-era" })
        broken.scorecard[i].outcome = broken.scorecard[i].outcome.replacingOccurrences(of: "Freedom Edge exercise (Sep 2025, reported)", with: "Freedom Edge exercise (Sep 2025)")
        #expect(broken.scorecard[i].outcome != b.scorecard[i].outcome)
        #expect(FidelityGuards.unreportedMentions(broken).contains { $0.contains("h-freedom-edge") })
        // A medium event named in a list is one clause, and "reported" on its neighbour does not cover it.
        #expect(FidelityGuards.clauses("Pax Silica, FORGE (Feb 2026, reported)") == ["Pax Silica", " FORGE (Feb 2026, reported)"])
        // A new medium event, or one raised to high, must be entered in the names table, or removed from it.
        var medium = b
        let e = try #require(medium.events.firstIndex { $0.id == "h-pax-silica" })
        medium.events[e].confidence = .medium
        #expect(FidelityGuards.namesTableProblems(medium) == ["h-pax-silica is medium but the names table does not say how the texts name it"])
        var raised = b
        let r = try #require(raised.events.firstIndex { $0.id == "h-freedom-edge" })
        raised.events[r].confidence = .high
        #expect(FidelityGuards.namesTableProblems(raised) == ["h-freedom-edge is in the names table but not medium"])
    }

    // Outcome lists: every event exists; every month-year named has an event of that month.

    @Test func outcomeListsHoldTheirEventsAndMonths() {
        let problems = FidelityGuards.outcomeListProblems(b)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(FidelityGuards.outcomesWhysAndCaptions(b).filter { !FidelityGuards.monthYears($0.text, recordEnd: b.recordEnd).isEmpty }.count >= 12,
                "the check reads the month-years of most outcomes")
    }

    @Test func theOutcomeListCheckCanFail() throws {
        var broken = b
        let i = try #require(broken.scorecard.firstIndex { $0.id == "korea-2027-test" })
        broken.scorecard[i].events.removeAll { $0 == "h-yoon-impeached" || $0 == "h-martial-law" }
        #expect(FidelityGuards.outcomeListProblems(broken).contains { $0.contains("korea-2027-test") && $0.contains("Dec 2024") })
        broken.scorecard[i].events.append("h-no-such-event")
        #expect(FidelityGuards.outcomeListProblems(broken).contains { $0.contains("no event h-no-such-event") })
        // The record's end is not a month that needs an event; other months are.
        #expect(FidelityGuards.monthYears("The record ends in June 2026; shuttle diplomacy (Jun 2025) and 29 Oct 2025.", recordEnd: b.recordEnd).map { "\($0.month)/\($0.year)" } == ["6/2025", "10/2025"])
    }

    // No two rules on the same conditions for the same target.

    @Test func noTwoRulesCountTheSameJudgementTwice() {
        let problems = FidelityGuards.doubleCounts(b)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theDoubleCountCheckCanFail() throws {
        var broken = b
        let spiral = try #require(broken.rules.first { $0.id == "downward-spiral" })
        var hawks = spiral
        hawks.id = "moon-line-hawks"
        // Written another way round but firing in the same scenarios (ldp-response applies only under moon-line).
        hawks.all = [Condition(factor: "ldp-response", option: "hawks-gain")]
        hawks.effects = ["japan-korea": -2, "trilateral": -1]
        broken.rules.append(hawks)
        #expect(FidelityGuards.doubleCounts(broken) == ["downward-spiral and moon-line-hawks fire on the same conditions and both move japan-korea"])
    }

    // "came true", "unlike", "institutionalised": only approved sentences.

    @Test func overstatingWordsOnlyInApprovedSentences() {
        let problems = FidelityGuards.unapprovedWords(b)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // Every approved sentence is still in use (a stale allow-list approves nothing by accident).
        let used = Set(FidelityGuards.ownTexts(b).flatMap { FidelityGuards.sentences($0.text) })
        for sentence in FidelityGuards.approvedSentences { #expect(used.contains(sentence), "no longer in the briefing: \(sentence)") }
    }

    @Test func theWordCheckCanFail() throws {
        var broken = b
        let i = try #require(broken.scorecard.firstIndex { $0.id == "tariffs-on-allies" })
        broken.scorecard[i].outcome = "The 'unless' came true: Japan and Korea were tariffed."
        let f = try #require(broken.factors.firstIndex { $0.id == "japan-course" })
        let o = try #require(broken.factors[f].options.firstIndex { $0.id == "kishida-line" })
        broken.factors[f].options[o].text = "Continuity: the Economic Security Promotion Act institutionalised much of it."
        let t = try #require(broken.scorecard.firstIndex { $0.id == "trump-not-a-repeat" })
        broken.scorecard[t].outcome += " Unlike it: the ministers met."
        let problems = FidelityGuards.unapprovedWords(broken)
        #expect(problems.contains { $0.contains("tariffs-on-allies") && $0.contains("came true") })
        #expect(problems.contains { $0.contains("kishida-line") && $0.contains("much of it") })
        #expect(problems.contains { $0.contains("trump-not-a-repeat") && $0.contains("Unlike it") })
        #expect(!FidelityGuards.watched("It is unlikely that he would."), "'unlikely' is not 'unlike'")
    }
}
