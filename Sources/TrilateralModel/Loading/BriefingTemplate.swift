/// The starting briefing `trilateral new` writes: small, valid and commented, for a person to
/// edit into their own (two pillars, a leader per country, one factor with two options, one
/// rule, a two-step tour). A test keeps it valid.
package enum BriefingTemplate {
    /// The template's text; `schema` is what the editor modeline points at.
    package static func text(schema: String) -> String {
        """
        # yaml-language-server: $schema=\(schema)
        # A starting briefing: replace the example text with your own. Every statement needs a
        # `cite` (an article paragraph `para`, a `url`, or a named `source`). Check it with
        #   trilateral validate THIS-FILE
        # and show it, reloading on every save, with
        #   trilateral --briefing THIS-FILE --watch
        # The whole format, key by key: FORMAT.md (or hover over a key in your editor).

        title: What the briefing is about
        author: Your Name
        publisher: Where it appeared
        published: 2026-01-15          # YYYY-MM-DD, YYYY-MM or YYYY
        summary:
          - The first thing a reader should take away.
          - The second.

        sources:
          - { id: article, title: The article this briefing follows, url: "https://example.org/article" }

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
            cite: { para: 3 }

        pillars:                       # each pillar is a pane; cooperation pillars get an outlook
          - id: supply-chains
            name: Supply-chain resilience
            short: Supply chains
            summary: Warn each other of shortages and share critical minerals.
            cite: { para: 1, quote: "the article's own words, verbatim" }
            commitments:
              - id: early-warning
                title: An early-warning system
                text: The three share information on supply disruptions.
                countries: [us, jp, kr]
                status: agreed         # agreed, launched, discussed, established or stalled
                cite: { para: 1 }
          - id: technology
            name: Technology cooperation
            short: Technology
            summary: Research and development on chips and batteries.
            cite: { para: 2 }
            commitments:
              - id: chips
                title: Joint chip research
                text: Shared research on semiconductors.
                countries: [us, jp, kr]
                status: discussed
                cite: { para: 2 }

        events:                        # dated events on the timeline
          - { id: summit, date: 2026-01-10, title: A trilateral summit, kind: summit, countries: [us, jp, kr], cite: { source: article } }

        factors:                       # what-if: a question, its options, the baseline
          - id: us-course
            name: US course
            question: Does the next US administration keep to the partnership?
            baseline: keeps
            cite: { para: 3 }
            options:
              - { id: keeps, label: Keeps to it, successor: Continuity }
              - { id: drifts, label: Drifts away, successor: Change }

        rules:                         # when the conditions hold, weights (-10..10) move outlooks
          - id: drift-hurts
            all: [us-course=drifts]
            effects: { supply-chains: -2, technology: -1 }
            summary: A drifting United States weakens both pillars.
            because: { para: 3, quote: "the sentence the judgement rests on" }

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
