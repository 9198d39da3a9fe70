/// The starting briefing `trilateral new` writes: small, valid and commented, for a person to
/// edit into their own (two pillars, a leader per country, one factor with two options, one
/// rule, a two-step tour). A test keeps it valid.
package enum BriefingTemplate {
    /// What the template says about its source: placeholders, or (`new --from`) the article's
    /// own text, its paragraphs and real quotes from them.
    package struct Source {
        /// The `sources:` entry, as YAML lines.
        var entry: [String]
        var title = "What the briefing is about"
        var author = "Your Name"
        var published = "2026-01-15"
        /// The citations, in the template's order: the first pillar, its commitment, the second
        /// pillar, its commitment, the transition, the factor, the rule.
        var cites: [String]
        var summary = ["The first thing a reader should take away.", "The second."]
        /// Comment lines listing the text's paragraphs.
        var listing: [String] = []

        /// The placeholders of a briefing started from nothing.
        package static let placeholder = Source(
            entry: [#"  - { id: article, title: The article this briefing follows, url: "https://example.org/article" }"#],
            cites: [#"{ para: 1, quote: "the article's own words, verbatim" }"#, "{ para: 1 }", "{ para: 2 }", "{ para: 2 }",
                    "{ para: 3 }", "{ para: 3 }", #"{ para: 3, quote: "the sentence the judgement rests on" }"#])

        /// A briefing started from an article's text: the source names the file (`path`,
        /// relative to the briefing), the first pillar and commitment, the transition and the
        /// rule cite real paragraphs with short verbatim quotes, and a comment lists every
        /// paragraph by its first words.
        package static func from(_ text: StartingText, path: String) -> Source {
            let count = text.paragraphs.count
            func n(_ wanted: Int) -> Int { min(wanted, count) }
            func cite(_ p: Int, quoted: Bool) -> String {
                quoted ? "{ para: \(n(p)), quote: \(yamlString(text.quote(from: n(p)))) }" : "{ para: \(n(p)) }"
            }
            var rule: [String] = []
            if !text.rule.skip.isEmpty { rule.append("skip: [" + ParagraphRule.Skip.allCases.filter(text.rule.skip.contains).map(\.rawValue).joined(separator: ", ") + "]") }
            if let from = text.rule.from { rule.append("from: \(yamlString(from))") }
            if let until = text.rule.until { rule.append("until: \(yamlString(until))") }
            var source = Source(
                entry: ["  - id: article",
                        "    title: \(yamlString(text.title ?? "The article this briefing follows"))",
                        "    text: \(yamlString(path))",
                        "    paragraphs: { \(rule.joined(separator: ", ")) }" + (text.rule.until == nil ? "   # add  until: \"First words\"  to leave out a closing biography" : "")],
                cites: [cite(1, quoted: true), cite(2, quoted: true), cite(2, quoted: false), cite(2, quoted: false),
                        cite(3, quoted: false), cite(3, quoted: false), cite(3, quoted: true)])
            source.title = text.title ?? source.title
            source.author = text.author ?? source.author
            source.published = text.published ?? source.published
            source.summary = ["In your own words, the first thing a reader should take away (¶1 begins: \(text.opening(of: 1)))",
                              "The second, in your words too."]
            let shown = min(count, 200)
            source.listing = ["# The paragraphs of \(comment(path)) as `para` counts them:"]
                + (1...shown).map { "#   ¶\($0)  \(comment(text.opening(of: $0)))" }
                + (count > shown ? ["#   … and \(count - shown) more"] : [])
            return source
        }
    }

    /// A YAML scalar for `s`: as it is when plain words need no quoting (no comma: the
    /// template writes citations as flow mappings), otherwise a double-quoted string.
    static func yamlString(_ s: String) -> String {
        let plain = s.first.map { $0.isASCII && $0.isLetter } == true
            && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " .'()-".contains($0)) } && s.last != " "
        // JSON strings are YAML double-quoted scalars.
        return plain ? s : JSON.quoted(s)
    }

    /// Text for a YAML comment: on one line, without control characters.
    static func comment(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The template's text; `schema` is what the editor modeline points at.
    package static func text(schema: String, source: Source = .placeholder) -> String {
        let c = source.cites
        return """
        # yaml-language-server: $schema=\(schema)
        # A starting briefing: replace the example text with your own. Every statement needs a
        # `cite` (an article paragraph `para`, a `url`, or a named `source`). Check it with
        #   trilateral validate THIS-FILE
        # and show it, reloading on every save, with
        #   trilateral --briefing THIS-FILE --watch
        # The whole format, key by key: FORMAT.md (or hover over a key in your editor).

        title: \(yamlString(source.title))
        author: \(yamlString(source.author))
        publisher: Where it appeared
        published: \(source.published)          # YYYY-MM-DD, YYYY-MM or YYYY
        summary:
        \(source.summary.map { "  - " + yamlString($0) }.joined(separator: "\n"))

        sources:
        \((source.entry + source.listing).joined(separator: "\n"))

        countries:                     # partners get a lane on the timeline
          - { id: us, name: United States, short: US }
          - { id: jp, name: Japan, short: JP }
          - { id: kr, name: South Korea, short: KR }

        leaders:                       # a tenure per country, drawn as bars
          - { id: us-leader, name: A President, short: President, country: us, office: President, start: 2025-01-20, end: 2029-01-20, end_status: expected, transition: us-next, cite: { source: article } }
          - { id: jp-leader, name: A Prime Minister, short: PM, country: jp, office: Prime Minister, start: 2025-10-21, cite: { source: article } }
          - { id: kr-leader, name: Another President, short: President, country: kr, office: President, start: 2025-06-04, cite: { source: article } }

        transitions:                   # a `factor` makes this a what-if branch point
          - id: us-next
            title: The next US election
            country: us
            date: 2029-01
            from: us-leader
            factor: us-course
            text: Who follows decides how the partnership goes on.
            cite: \(c[4])

        pillars:                       # each pillar is a pane; cooperation pillars get an outlook
          - id: supply-chains
            name: Supply-chain resilience
            short: Supply chains
            summary: Warn each other of shortages and share critical minerals.
            cite: \(c[0])
            commitments:
              - id: early-warning
                title: An early-warning system
                text: The three share information on supply disruptions.
                countries: [us, jp, kr]
                status: agreed         # agreed, launched, discussed, established or stalled
                cite: \(c[1])
          - id: technology
            name: Technology cooperation
            short: Technology
            summary: Research and development on chips and batteries.
            cite: \(c[2])
            commitments:
              - id: chips
                title: Joint chip research
                text: Shared research on semiconductors.
                countries: [us, jp, kr]
                status: discussed
                cite: \(c[3])

        events:                        # dated events on the timeline
          - { id: summit, date: 2026-01-10, title: A trilateral summit, kind: summit, countries: [us, jp, kr], cite: { source: article } }

        factors:                       # what-if: a question, its options, the baseline
          - id: us-course
            name: US course
            question: Does the next US administration keep to the partnership?
            baseline: keeps
            cite: \(c[5])
            options:
              - { id: keeps, label: Keeps to it, successor: Continuity }
              - { id: drifts, label: Drifts away, successor: Change }

        rules:                         # when the conditions hold, weights (-10..10) move outlooks
          - id: drift-hurts
            all: [us-course=drifts]
            effects: { supply-chains: -2, technology: -1 }
            summary: A drifting United States weakens both pillars.
            because: \(c[6])

        tour:                          # b starts it; captions for everyone, notes for you (s)
          - show: pillar
            pillar: supply-chains
            item: early-warning
            caption: Start with supply chains, the heart of it.
            notes: Say why the early-warning system matters.
          - show: timeline
            event: summit
            caption: The summit that set it going.
            notes: Then open the what-if panel with w.

        """
    }
}
