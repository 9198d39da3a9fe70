/// The briefing file format as data: every kind of mapping, its keys, what each holds, whether
/// it must be there, and what it means. One source for three readers: the decoder takes each
/// mapping's known keys from here, `trilateral schema` writes it as a JSON Schema (editors show
/// the meanings as tooltips), and FORMAT.md's key tables are made from it (a test keeps them).
package enum BriefingFormat {
    /// What a key holds.
    package indirect enum Value: Sendable {
        /// A string that is not blank.
        case text
        /// A string, possibly empty.
        case string
        /// An id that names this item (`id` keys); the kind of thing it names.
        case defines(String)
        /// The id of an item of this kind defined elsewhere in the file.
        case reference(String)
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case date
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// A number at most this large in magnitude.
        case number(Double)
        /// One of these words.
        case choice([String])
        /// An http or https URL.
        case url
        /// `factor=option`.
        case condition
        /// A mapping of outlook target id to weight.
        case weights
        /// A list of these.
        case list(Value)
        /// A list of these, with a bounded number of items.
        case boundedList(Value, ClosedRange<Int>)
        /// A mapping of the named kind.
        case object(String)
    }

    /// One key of a mapping.
    package struct Key: Sendable {
        package let name: String
        package let value: Value
        package let required: Bool
        package let meaning: String
        init(_ name: String, _ value: Value, required: Bool = false, _ meaning: String) {
            self.name = name; self.value = value; self.required = required; self.meaning = meaning
        }
    }

    /// One kind of mapping.
    package struct Object: Sendable {
        package let name: String
        package let meaning: String
        package let keys: [Key]
    }

    /// The keys a kind of mapping accepts, for the decoder.
    static func keys(of name: String) -> KnownKeys {
        KnownKeys(names: object(name).keys.map(\.name))
    }

    package static func object(_ name: String) -> Object {
        guard let object = objects.first(where: { $0.name == name }) else { preconditionFailure("no format object '\(name)'") }
        return object
    }

    static func cases<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Value where E.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }

    /// A citation: where a statement comes from.
    static let cite = Value.object("citation")

    /// Every kind of mapping, the whole file first.
    package static let objects: [Object] = [
        Object(name: "briefing", meaning: "A briefing: an article's argument, its evidence and the leaders it depends on.", keys: [
            Key("title", .text, required: true, "The briefing's title, as the article gives it."),
            Key("author", .text, required: true, "Who wrote the article."),
            Key("publisher", .string, "Who published it."),
            Key("published", .date, required: true, "When it was published."),
            Key("as_of", .date, "The date its judgements speak from (default: published). The timeline marks it."),
            Key("record_ends", .date, "The last date the \"as it happened\" record covers (default: the last hindsight event); screens say where the record ends."),
            Key("summary", .list(.text), "The key points, one sentence each."),
            Key("sources", .list(.object("source")), "Named sources a citation can point to with `source`."),
            Key("countries", .list(.object("country")), required: true, "The countries: partners get a timeline lane each; external ones appear in events."),
            Key("leaders", .list(.object("leader")), "Tenures in office, drawn as bars on the timeline."),
            Key("transitions", .list(.object("transition")), "Changes of leader; one with a `factor` is a what-if branch point."),
            Key("pillars", .list(.object("pillar")), required: true, "The pillars of cooperation, each a pane; `kind: foundation` ones are the ground they stand on."),
            Key("drivers", .list(.object("driver")), "What pushes the cooperation on (listed in the foundations pane)."),
            Key("series", .list(.object("series")), "Chart data, drawn as line charts."),
            Key("events", .list(.object("event")), "Dated events on the timeline."),
            Key("factors", .list(.object("factor")), "The what-if conditions: each a question with options, one of them the baseline."),
            Key("targets", .list(.object("target")), "Outlook targets besides the cooperation pillars (a leg of the partnership, the whole)."),
            Key("rules", .boundedList(.object("rule"), 0...Limits.rules), "Conditional judgements: when conditions hold, weights move outlooks (at most 10,000)."),
            Key("presets", .list(.object("preset")), "Named scenarios: a choice for some factors."),
            Key("scorecard", .list(.object("scorecard-item")), "The article's expectations judged against what happened (shown with `S`)."),
            Key("tour", .list(.object("tour-step")), "The guided tour (`b`): steps with captions for everyone and notes for the presenter."),
        ]),
        Object(name: "citation", meaning: "Where a statement comes from: an article paragraph, a URL or a named source (at least one), and optionally the words quoted.", keys: [
            Key("para", .integer(1...Int.max), "The article's paragraph, counted from 1 (shown as ¶N): of `source`'s text if it names one, else of the first source with a `text`."),
            Key("url", .url, "A web page the statement comes from."),
            Key("source", .reference("source"), "A source from `sources`."),
            Key("quote", .text, "The source's own words, verbatim (`…` marks words left out). With a source `text`, `validate` proves it is in paragraph `para`."),
        ]),
        Object(name: "source", meaning: "A named source.", keys: [
            Key("id", .defines("source"), required: true, "The source's id."),
            Key("title", .text, required: true, "What the source is."),
            Key("url", .url, "Where it is."),
            Key("text", .text, "A file with the source's own text (UTF-8 plain text or Markdown, paragraphs separated by blank lines; a path relative to the briefing's folder, named `.txt` or `.md` and not hidden, since followers receive it). `para` then counts its paragraphs, `validate` checks every quote against them, and `p` in the detail pane shows the paragraphs an item cites."),
            Key("paragraphs", .object("paragraph-rule"), "Which blocks of `text` count as paragraphs (default: all but Markdown headings)."),
        ]),
        Object(name: "paragraph-rule", meaning: "Which blocks of a source's text count as paragraphs.", keys: [
            Key("skip", .list(cases(ParagraphRule.Skip.self)), "Kinds of block left out: `headings` (Markdown `#` lines and underlined titles) and `bullets` (blocks of list items such as `•` or `►` key points). Default: `[headings]`; `[]` counts every block."),
            Key("from", .text, "Count from the first block that starts with these words (it is ¶1); blocks before it, such as a title and byline, are left out."),
            Key("until", .text, "Leave out the block that starts with these words and everything after it (an author's biography, a footer)."),
        ]),
        Object(name: "country", meaning: "A country.", keys: [
            Key("id", .defines("country"), required: true, "The country's id (e.g. `us`)."),
            Key("name", .text, required: true, "Its name."),
            Key("short", .text, required: true, "A short code shown in lists and lanes (e.g. `US`)."),
            Key("native", .text, "Its name in its own language and script (found by search)."),
            Key("role", cases(Country.Role.self), "`partner` (default: a lane on the timeline) or `external`."),
        ]),
        Object(name: "leader", meaning: "A leader's tenure in office.", keys: [
            Key("id", .defines("leader"), required: true, "The leader's id."),
            Key("name", .text, required: true, "Full name."),
            Key("short", .text, "The name on the timeline bar (default: the full name)."),
            Key("native", .text, "The name in its own script."),
            Key("country", .reference("country"), required: true, "Where they lead."),
            Key("office", .text, required: true, "The office held."),
            Key("start", .date, required: true, "When the tenure began."),
            Key("end", .date, "When it ends or ended; must not precede `start`."),
            Key("end_status", cases(Leader.EndStatus.self), "How sure `end` is: `known`, `expected` (needs `end`), or `open` (no end in sight; the default without `end`)."),
            Key("transition", .reference("transition"), "The transition that ends this tenure."),
            Key("cite", cite, required: true, "The source for the tenure."),
            Key("layer", cases(Event.Layer.self), "`briefing` (default) or `hindsight`: a tenure that began after the article, shown with `H`."),
            Key("actual_end", .date, "When the tenure really ended, if not as expected (needs `actual_end_cite`; shown with `H`)."),
            Key("actual_end_cite", cite, "The source for `actual_end`."),
            Key("note", .text, "A sentence on the tenure (shown in the detail pane)."),
        ]),
        Object(name: "transition", meaning: "A change of leader.", keys: [
            Key("id", .defines("transition"), required: true, "The transition's id."),
            Key("title", .text, required: true, "What changes."),
            Key("country", .reference("country"), required: true, "Where."),
            Key("date", .date, required: true, "When."),
            Key("from", .reference("leader"), "The leader who leaves."),
            Key("factor", .reference("factor"), "A what-if factor that decides who follows: the transition becomes a branch point, the chosen option's `successor` its label."),
            Key("text", .string, "What the article says about it."),
            Key("cite", cite, required: true, "The source."),
        ]),
        Object(name: "pillar", meaning: "A pillar of the cooperation: a pane of commitments.", keys: [
            Key("id", .defines("pillar"), required: true, "The pillar's id; a cooperation pillar's id is also an outlook target."),
            Key("name", .text, required: true, "Its name."),
            Key("short", .text, "A short name for tabs and tables (default: the name)."),
            Key("kind", cases(Pillar.Kind.self), "`cooperation` (default: has an outlook) or `foundation` (lists the drivers and charts too)."),
            Key("summary", .text, required: true, "One sentence on the pillar."),
            Key("cite", cite, required: true, "The source."),
            Key("commitments", .list(.object("commitment")), "What was agreed under it."),
        ]),
        Object(name: "commitment", meaning: "A commitment under a pillar.", keys: [
            Key("id", .defines("commitment"), required: true, "The commitment's id."),
            Key("title", .text, required: true, "A short title (the list row)."),
            Key("text", .text, required: true, "What it commits to, in a sentence or two."),
            Key("countries", .list(.reference("country")), required: true, "Who committed (shown as country codes)."),
            Key("status", cases(Commitment.Status.self), required: true, "How far it has got."),
            Key("cite", cite, required: true, "The source."),
            Key("also", .list(cite), "Further sources."),
            Key("events", .list(.reference("event")), "Events it came from or led to."),
            Key("caveat", .text, "Why it is not quite the source's (not in the article, a label not found verbatim): marked † on screen."),
        ]),
        Object(name: "driver", meaning: "A driver of the cooperation.", keys: [
            Key("id", .defines("driver"), required: true, "The driver's id."),
            Key("title", .text, required: true, "A short title."),
            Key("text", .text, required: true, "What drives what."),
            Key("cite", cite, required: true, "The source."),
            Key("series", .reference("series"), "A chart that shows it."),
        ]),
        Object(name: "series", meaning: "Chart data: lines of yearly values.", keys: [
            Key("id", .defines("series"), required: true, "The chart's id."),
            Key("title", .text, required: true, "The chart's title."),
            Key("unit", .string, "The unit of the values (e.g. `%`)."),
            Key("cite", cite, required: true, "The source of the data."),
            Key("lines", .list(.object("line")), required: true, "The lines."),
            Key("note", .text, "A note on the data (basis, gaps), shown under the chart as the briefing's own."),
        ]),
        Object(name: "line", meaning: "One line of a chart.", keys: [
            Key("id", .defines("line"), required: true, "The line's id."),
            Key("label", .text, required: true, "Its label in the legend."),
            Key("country", .reference("country"), "A country whose colour it takes."),
            Key("points", .list(.object("point")), required: true, "Its points."),
        ]),
        Object(name: "point", meaning: "One value of a line.", keys: [
            Key("x", .integer(Limits.years), required: true, "The year."),
            Key("y", .number(Limits.seriesMagnitude), required: true, "The value (at most 10^15 in magnitude)."),
            Key("confidence", cases(Series.Point.Confidence.self), "`high` (default), `medium` (derived: drawn hollow) or `low`."),
            Key("note", .string, "How the value was derived."),
            Key("cite", cite, required: true, "The source of this value."),
        ]),
        Object(name: "event", meaning: "A dated event on the timeline.", keys: [
            Key("id", .defines("event"), required: true, "The event's id."),
            Key("date", .date, required: true, "When (a year or a month is drawn as a span)."),
            Key("title", .text, required: true, "What happened, in a few words."),
            Key("kind", cases(Event.Kind.self), required: true, "What sort of event (its glyph on the timeline)."),
            Key("countries", .list(.reference("country")), "Who took part (the lane it is drawn in: one partner's, or the shared lane)."),
            Key("text", .string, "More on it."),
            Key("layer", cases(Event.Layer.self), "`briefing` (default: known when the article was written) or `hindsight` (after it; shown with `H`)."),
            Key("cite", cite, required: true, "The source."),
            Key("commitments", .list(.reference("commitment")), "Commitments it bears on."),
            Key("confidence", cases(Event.Confidence.self), "`high` (default) or `medium`: shown as \"reported\", not as fact."),
            Key("also", .list(cite), "Further sources."),
        ]),
        Object(name: "factor", meaning: "A what-if condition: a question with options, one of them the baseline.", keys: [
            Key("id", .defines("factor"), required: true, "The factor's id (used in `factor=option`)."),
            Key("name", .text, required: true, "A short name (the what-if panel's row)."),
            Key("question", .text, required: true, "The question it answers."),
            Key("options", .boundedList(.object("option"), Limits.options), required: true, "The possible answers: 2 to 16."),
            Key("baseline", .reference("option"), required: true, "The option the briefing assumes (one of `options`)."),
            Key("applies_when", .list(.condition), "Conditions under which the question arises at all; otherwise the factor is shown as not applying."),
            Key("cite", cite, required: true, "Where the article raises it."),
        ]),
        Object(name: "option", meaning: "One answer to a factor's question.", keys: [
            Key("id", .defines("option"), required: true, "The option's id (used in `factor=option`)."),
            Key("label", .text, required: true, "Its label in the what-if panel."),
            Key("successor", .text, "Who follows, for a factor behind a transition (the branch label on the timeline)."),
            Key("text", .string, "What choosing it means."),
        ]),
        Object(name: "target", meaning: "An outlook target besides the cooperation pillars.", keys: [
            Key("id", .defines("target"), required: true, "The target's id (used in rules' `effects`)."),
            Key("name", .text, required: true, "Its name."),
            Key("kind", cases(Target.Kind.self), "`leg` (default: one leg of the partnership) or `whole`."),
        ]),
        Object(name: "rule", meaning: "A conditional judgement: when its conditions hold, its weights move outlooks.", keys: [
            Key("id", .defines("rule"), required: true, "The rule's id."),
            Key("all", .list(.condition), "Conditions that must all hold (`factor=option`)."),
            Key("any", .list(.condition), "Conditions of which at least one must hold. A rule needs `all` or `any`."),
            Key("effects", .weights, required: true, "Target id → weight, a whole number from -10 to 10."),
            Key("summary", .text, required: true, "The judgement in a sentence (shown when the rule fires)."),
            Key("because", cite, required: true, "The citation the judgement rests on, with the article's words as `quote`."),
        ]),
        Object(name: "preset", meaning: "A named scenario.", keys: [
            Key("id", .defines("preset"), required: true, "The preset's id (`--scenario ID`)."),
            Key("name", .text, required: true, "Its name."),
            Key("text", .string, "What it stands for."),
            Key("set", .list(.condition), required: true, "The choices it makes (`factor=option`); other factors stay at the baseline."),
            Key("evidence", .list(.object("evidence")), "For a preset that stands for what happened: the events that settle each choice."),
            Key("unsettled", .list(.object("unsettled")), "Factors the record does not settle (at most 4,096 combinations of their options)."),
        ]),
        Object(name: "evidence", meaning: "What settles one of a preset's choices.", keys: [
            Key("set", .condition, required: true, "The choice (one of the preset's `set`)."),
            Key("events", .list(.reference("event")), "The events that settle it."),
            Key("why", .text, "Why they do. Evidence needs `events` or `why`."),
        ]),
        Object(name: "unsettled", meaning: "A factor the record does not settle.", keys: [
            Key("factor", .reference("factor"), required: true, "The factor."),
            Key("why", .text, required: true, "Why it is not settled."),
            Key("events", .list(.reference("event")), "Events that bear on it."),
        ]),
        Object(name: "scorecard-item", meaning: "One of the article's expectations judged against the record.", keys: [
            Key("id", .defines("scorecard"), required: true, "The item's id."),
            Key("claim", .text, required: true, "The expectation, in our words."),
            Key("cite", cite, required: true, "Where the article says it."),
            Key("rules", .list(.reference("rule")), "The rules that model it."),
            Key("verdict", cases(ScorecardItem.Verdict.self), required: true, "`held`, `partly`, `diverged`, `open` (not yet decided) or `untested` (its condition never came about)."),
            Key("outcome", .text, required: true, "What happened, no more than the cited events say."),
            Key("events", .list(.reference("event")), "The events the verdict rests on."),
        ]),
        Object(name: "tour-step", meaning: "One step of the guided tour: what to show, a caption, notes for the presenter.", keys: [
            Key("show", .choice(["pillar", "timeline", "what-if", "explain", "compare", "scorecard"]), required: true,
                "`pillar` (needs `pillar`, may open `item`), `timeline` (needs `event`), `what-if` (needs `preset`), `explain` (needs `target` and `preset`), `compare` (needs `preset`) or `scorecard`."),
            Key("pillar", .reference("pillar"), "The pillar to show."),
            Key("item", .reference("commitment"), "A commitment of that pillar to open."),
            Key("event", .reference("event"), "The event to centre the timeline on."),
            Key("preset", .reference("preset"), "The scenario to apply (`baseline` for the briefing's own)."),
            Key("target", .reference("target"), "The outlook to explain."),
            Key("caption", .text, required: true, "What everyone sees, followers too."),
            Key("notes", .string, "The presenter's speaker notes (`s`, and the presenter view); cut out of what followers receive."),
        ]),
    ]

    /// Which keys a tour step needs for each `show`.
    package static let tourNeeds: [(show: String, keys: [String])] = [
        ("pillar", ["pillar"]), ("timeline", ["event"]), ("what-if", ["preset"]),
        ("explain", ["target", "preset"]), ("compare", ["preset"]),
    ]
}
