import TrilateralModel
import TrilateralStyle
import TrilateralUI

/// The handout as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts, no
/// requests to any server. Readable on a phone, printable (sections start on new pages, link
/// addresses are printed, no dark backgrounds), and accessible: a language, landmarks, one
/// `h1` and ordered headings, every picture with a title, a description and a table beside it.
public struct HandoutHTML {
    let handout: Handout
    let palette: HandoutPalette

    public init(_ handout: Handout, theme: Theme) {
        self.handout = handout
        palette = HandoutPalette(theme: theme)
    }

    var b: Briefing { handout.briefing }

    public var page: String {
        var sections: [(id: String, title: String, body: String)] = []
        sections.append(("key-points", "Key points", keyPoints))
        sections.append(("pillars", "Pillars of cooperation", pillars(handout.cooperation)))
        if !handout.foundations.isEmpty || !b.drivers.isEmpty { sections.append(("foundations", "Foundations and drivers", foundations)) }
        sections.append(("timeline", "Leaders, transitions and events", timeline))
        if !b.series.isEmpty { sections.append(("data", "Data", data)) }
        if !b.factors.isEmpty { sections.append(("what-if", "What if: \(handout.scenarioName)", whatIf)) }
        if handout.hindsight && !b.scorecard.isEmpty { sections.append(("scorecard", "The expectations against the record", scorecard)) }
        if !handout.polls.isEmpty { sections.append(("room", RoomPolls.title, room)) }
        sections.append(("sources", "Sources", sources))

        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"trilateral export\">\n"
        out += "<title>\(Markup.html(b.title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<header>\n<p class=\"kicker\">Briefing handout</p>\n<h1>\(Markup.html(b.title))</h1>\n"
        let byline = [b.author, b.publisher, "published \(b.published.display)", b.asOf == b.published ? "" : "judgements as of \(b.asOf.display)"]
        out += "<p class=\"byline\">\(Markup.html(byline.joinedNonEmpty(" · ")))</p>\n"
        out += "<p class=\"scenario\">Scenario: <strong>\(Markup.html(handout.scenarioName))</strong> · "
        out += Markup.html(handout.layerText)
        out += "</p>\n</header>\n"
        out += "<nav aria-label=\"Contents\">\n<h2 class=\"visually-hidden\">Contents</h2>\n<ol>\n"
        for s in sections { out += "<li><a href=\"#\(s.id)\">\(Markup.html(s.title))</a></li>\n" }
        out += "</ol>\n</nav>\n<main>\n"
        for s in sections {
            out += "<section id=\"\(s.id)\" aria-labelledby=\"\(s.id)-heading\">\n<h2 id=\"\(s.id)-heading\">\(Markup.html(s.title))</h2>\n\(s.body)</section>\n"
        }
        out += "</main>\n<footer>\n<p>Made with <code>trilateral export</code> from the briefing "
        out += "“\(Markup.html(b.title))”. Every statement carries its source: ¶N is a paragraph of the article (quoted under Sources), other sources are linked.</p>\n"
        return out + "</footer>\n</body>\n</html>\n"
    }

    // MARK: sections

    var keyPoints: String {
        guard !b.summary.isEmpty else { return "<p>The briefing lists no key points.</p>\n" }
        return "<ul class=\"points\">\n" + b.summary.map { "<li>\(Markup.html($0))</li>\n" }.joined() + "</ul>\n"
    }

    func pillars(_ list: [Pillar]) -> String {
        var out = ""
        for pillar in list {
            out += "<article class=\"pillar\" id=\"pillar-\(Markup.html(pillar.id))\">\n<h3>\(Markup.html(pillar.name))</h3>\n"
            if pillar.kind == .cooperation, let o = handout.outlook(pillar.id) {
                let css = HandoutPalette.cssName(Glyphs.role(for: o.now.level))
                out += "<p class=\"outlook\"><span class=\"gauge\" style=\"color: var(--\(css))\">\(Self.gauge(o.now.score))</span> "
                out += "<strong style=\"color: var(--\(css))\">\(Markup.html(handout.level(pillar.id)))</strong> "
                out += "<span class=\"change\">\(Markup.html(handout.change(pillar.id)))</span></p>\n"
            }
            out += "<p>\(Markup.html(pillar.summary)) \(cite(pillar.cite))</p>\n"
            if !pillar.commitments.isEmpty {
                out += "<ul class=\"commitments\">\n"
                for c in pillar.commitments {
                    out += "<li><span class=\"status\">\(Markup.html(Handout.status(c.status)))</span> <strong>\(Markup.html(c.title))</strong>"
                    out += " <span class=\"countries\">\(countryCodes(c.countries))</span>"
                    out += "<br>\(Markup.html(c.text)) \(cite(c.cite))"
                    for a in c.also { out += " \(cite(a))" }
                    if let caveat = c.caveat { out += "<br><span class=\"caveat\">† \(Markup.html(caveat))</span>" }
                    out += "</li>\n"
                }
                out += "</ul>\n"
            }
            out += "</article>\n"
        }
        return out
    }

    var foundations: String {
        var out = pillars(handout.foundations)
        if !b.drivers.isEmpty {
            out += "<h3>Drivers</h3>\n<ul class=\"drivers\">\n"
            for d in b.drivers { out += "<li><strong>\(Markup.html(d.title))</strong>: \(Markup.html(d.text)) \(cite(d.cite))</li>\n" }
            out += "</ul>\n"
        }
        return out
    }

    var timeline: String {
        var out = "<figure class=\"wide\">\n\(TimelineSVG(handout: handout).svg)\n"
        out += "<figcaption>Bars: tenures in office, solid to the as-of date (\(Markup.html(b.asOf.display))), "
        out += handout.hindsight ? "then what happened (hindsight colour). " : "dashed after. "
        out += "◆ transitions, ● events (○ after the as-of date). Hover for details; the tables below hold the same.</figcaption>\n</figure>\n"
        if handout.hindsight, let note = b.recordEndNote { out += "<p class=\"note\">\(Markup.html(note.prefix(1).uppercased() + note.dropFirst())).</p>\n" }
        let asOf = b.asOf.endOrdinal
        out += "<h3>Tenures</h3>\n<div class=\"scroll\"><table>\n<caption>Leaders in office, by country</caption>\n"
        out += "<thead><tr><th scope=\"col\">Country</th><th scope=\"col\">Leader</th><th scope=\"col\">Office</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
        for leader in handout.leaders {
            let to = handout.tenureEndText(leader)
            let layer = leader.layer == .hindsight ? " <span class=\"tag\">as it happened</span>" : ""
            out += "<tr><td>\(Markup.html(b.country(leader.country)?.short ?? leader.country))</td><td>\(Markup.html(leader.name))\(layer)"
            if let note = leader.note { out += "<br><span class=\"note\">\(Markup.html(note))</span>" }
            out += "</td><td>\(Markup.html(leader.office))</td><td>\(Markup.html(leader.start.display))</td><td>\(Markup.html(to))</td>"
            out += "<td>\(cite(leader.cite))\(handout.hindsight ? leader.actualEndCite.map { " " + cite($0) } ?? "" : "")</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        if !b.transitions.isEmpty {
            out += "<h3>Transitions</h3>\n<ul class=\"transitions\">\n"
            for t in b.transitions {
                var branch = ""
                if let id = t.factor, let factor = b.factor(id), let option = handout.scenario.choices[id].flatMap(factor.option) {
                    branch = " <span class=\"branch\">◇ in this scenario: \(Markup.html(option.label))</span>"
                }
                out += "<li><strong>\(Markup.html(t.date.display))</strong> \(Markup.html(t.title))\(branch)"
                if !t.text.isEmpty { out += "<br>\(Markup.html(t.text))" }
                out += " \(cite(t.cite))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h3>Events</h3>\n<div class=\"scroll\"><table>\n<caption>Events in date order\(handout.hindsight ? ", with what happened after the article" : "")</caption>\n"
        out += "<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th><th scope=\"col\">Kind</th><th scope=\"col\">Countries</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
        for e in handout.events {
            let mark = e.layer == .hindsight ? " <span class=\"tag\">as it happened</span>" : (e.date.startOrdinal > asOf ? " <span class=\"tag\">expected</span>" : "")
            let reported = e.isReported ? "<em>Reported:</em> " : ""
            out += "<tr><td class=\"date\">\(Markup.html(e.date.display))</td><td>\(reported)\(Markup.html(e.title))\(mark)"
            if !e.text.isEmpty { out += "<br><span class=\"note\">\(Markup.html(e.text))</span>" }
            out += "</td><td>\(Markup.html(e.kind.rawValue))</td><td>\(countryCodes(e.countries))</td><td>\(cite(e.cite))\(e.also.map { " " + cite($0) }.joined())</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    var data: String {
        var out = ""
        for (n, s) in b.series.enumerated() {
            out += "<figure>\n\(ChartSVG(series: s, id: "chart-\(n + 1)").svg)\n<figcaption>\(Markup.html(s.title))"
            if !s.unit.isEmpty { out += " (\(Markup.html(s.unit)))" }
            out += ". \(cite(s.cite))"
            if let note = s.note { out += " <span class=\"note\">Note: \(Markup.html(note))</span>" }
            out += "</figcaption>\n</figure>\n"
            let years = Array(Set(s.lines.flatMap { $0.points.map(\.x) })).sorted()
            out += "<div class=\"scroll\"><table>\n<caption>\(Markup.html(s.title)): every value (‡ derived)</caption>\n<thead><tr><th scope=\"col\">Year</th>"
            for line in s.lines { out += "<th scope=\"col\">\(Markup.html(line.label))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for year in years {
                out += "<tr><th scope=\"row\">\(year)</th>"
                for line in s.lines {
                    guard let p = line.points.first(where: { $0.x == year }) else { out += "<td>—</td>"; continue }
                    let derived = p.confidence != .high ? " ‡" : ""
                    out += "<td>\(Markup.html(ValueFormat.full(p.y) + s.unit))\(derived) \(cite(p.cite))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        return out
    }

    var whatIf: String {
        var out = "<p>The briefing's conditional judgements as a model: each factor is a question the article raises; "
        out += "rules say how an answer moves each outlook (scores: ≥ 2 Strong, 0–1 Steady, −1 to −2 Strained, ≤ −3 Faltering). "
        out += "This handout shows <strong>\(Markup.html(handout.scenarioName))</strong> beside the baseline, the article's own assumption.</p>\n"
        out += "<div class=\"scroll\"><table>\n<caption>Factors and the option chosen</caption>\n<thead><tr><th scope=\"col\">Factor</th><th scope=\"col\">Question</th><th scope=\"col\">Chosen</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
        for f in b.factors {
            let chosen: String
            if handout.scenario.unsettled.contains(f.id) {
                chosen = "unsettled: every option is tried"
            } else if !handout.scenario.applies(f) {
                chosen = "does not apply (needs \(f.appliesWhen.map(\.description).joined(separator: ", ")))"
            } else {
                let option = handout.scenario.choices[f.id].flatMap(f.option)
                chosen = (option?.label ?? "?") + (option?.id == f.baseline ? " (baseline)" : " (changed; baseline: \(f.option(f.baseline)?.label ?? f.baseline))")
            }
            out += "<tr><th scope=\"row\">\(Markup.html(f.name))</th><td>\(Markup.html(f.question))</td><td>\(Markup.html(chosen))</td><td>\(cite(f.cite))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        out += "<div class=\"scroll\"><table>\n<caption>Outlooks: this scenario against the baseline, and the rules behind each</caption>\n"
        out += "<thead><tr><th scope=\"col\">Outlook</th><th scope=\"col\">Baseline</th><th scope=\"col\">This scenario</th><th scope=\"col\">Change</th><th scope=\"col\">Rules that fire</th></tr></thead>\n<tbody>\n"
        for target in b.targets {
            guard let o = handout.outlook(target.id) else { continue }
            let base = handout.baseline[target.id].map { Wording.level($0.score) } ?? ""
            let css = HandoutPalette.cssName(Glyphs.role(for: o.now.level))
            out += "<tr><th scope=\"row\">\(Markup.html(target.name))</th><td>\(Markup.html(base))</td>"
            out += "<td><strong style=\"color: var(--\(css))\">\(Markup.html(handout.level(target.id)))</strong></td>"
            out += "<td>\(Markup.html(handout.change(target.id)))</td><td>"
            if o.now.trace.isEmpty { out += "none" }
            for c in o.now.trace {
                guard let rule = b.rule(c.rule) else { continue }
                out += "<p class=\"rule\"><strong>\(Wording.signed(c.weight))</strong> \(Markup.html(rule.summary))"
                if let q = rule.because.quote { out += " <q>\(Markup.html(q))</q>" }
                out += " \(cite(rule.because))</p>"
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    var scorecard: String {
        var out = ""
        if let note = b.recordEndNote { out += "<p class=\"note\">\(Markup.html(note.prefix(1).uppercased() + note.dropFirst())). Verdicts say no more than the events they cite; medium-confidence events are marked <em>Reported</em>.</p>\n" }
        out += "<div class=\"scroll\"><table>\n<caption>Each expectation, its verdict and what happened</caption>\n"
        out += "<thead><tr><th scope=\"col\">Expectation</th><th scope=\"col\">Verdict</th><th scope=\"col\">What happened</th></tr></thead>\n<tbody>\n"
        for item in b.scorecard {
            out += "<tr><th scope=\"row\">\(Markup.html(item.claim)) \(cite(item.cite))</th>"
            out += "<td><span class=\"verdict verdict-\(item.verdict.rawValue)\">\(Wording.verdict(item.verdict))</span></td><td>\(Markup.html(item.outcome))"
            let events = handout.events(item.events)
            if !events.isEmpty {
                out += "<ul class=\"evidence\">"
                for e in events { out += "<li>\(Markup.html(e.date.display)) \(e.isReported ? "<em>Reported:</em> " : "")\(Markup.html(e.title)) \(cite(e.cite))</li>" }
                out += "</ul>"
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    var room: String {
        var out = "<p class=\"note\">\(Markup.html(RoomPolls.note))</p>\n"
        for poll in handout.polls.map({ RoomPolls.worded($0, in: b) }) {
            out += "<h3>\(Markup.html(RoomPolls.heading(poll)))</h3>\n<p>\(Markup.html(RoomPolls.when(poll)))</p>\n"
            out += "<div class=\"scroll\"><table>\n<caption>The room's answers to poll \(poll.number)</caption>\n"
            out += "<thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Followers</th><th scope=\"col\">Share</th></tr></thead>\n<tbody>\n"
            for count in poll.counts {
                out += "<tr><th scope=\"row\">\(Markup.html(count.label))</th><td>\(count.count)</td><td>\(RoomPolls.share(count.count, of: poll))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n<p>\(Markup.html(RoomPolls.outcome(poll, in: b)))</p>\n"
        }
        return out
    }

    var sources: String {
        var out = "<p>\(handout.work.prefix(1).uppercased() + handout.work.dropFirst()): \(Markup.html([b.author, "“\(b.title)”", b.publisher, b.published.display].joinedNonEmpty(", "))).</p>\n"
        if !handout.paragraphs.isEmpty {
            out += "<h3>The article's paragraphs cited</h3>\n<dl class=\"paragraphs\">\n"
            for (number, quotes, text) in handout.paragraphs {
                out += "<dt id=\"para-\(number)\">¶\(number)</dt>\n<dd>"
                if let text {
                    // The whole paragraph from the source's text, the words quoted marked.
                    out += "<blockquote class=\"paragraph\">\(Self.marked(text, quotes: quotes))</blockquote>"
                } else {
                    out += quotes.isEmpty ? "Cited without a quotation." : quotes.map { "<blockquote>\(Markup.html($0))</blockquote>" }.joined()
                }
                out += "</dd>\n"
            }
            out += "</dl>\n"
        }
        if !b.sources.isEmpty {
            out += "<h3>Named sources</h3>\n<ul class=\"named-sources\">\n"
            for s in b.sources { out += "<li id=\"source-\(Markup.html(s.id))\">\(Markup.html(s.title))\(s.url.map { " — " + web($0) } ?? "")</li>\n" }
            out += "</ul>\n"
        }
        if !handout.webPages.isEmpty {
            out += "<h3>Web pages cited</h3>\n<ol class=\"web-pages\">\n"
            for (n, url) in handout.webPages.enumerated() { out += "<li id=\"web-\(n + 1)\">\(Markup.htmlLink(url))</li>\n" }
            out += "</ol>\n"
        }
        return out
    }

    // MARK: pieces

    /// A paragraph as HTML with every quote's words in `<mark>`.
    static func marked(_ text: String, quotes: [String]) -> String {
        let ranges = quotes.flatMap { QuoteMatch.ranges(of: $0, in: text) ?? [] }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound { merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound) }
            else { merged.append(r) }
        }
        var out = "", at = text.startIndex
        for r in merged {
            out += Markup.html(String(text[at..<r.lowerBound])) + "<mark>" + Markup.html(String(text[r])) + "</mark>"
            at = r.upperBound
        }
        return out + Markup.html(String(text[at...]))
    }

    /// A citation: ¶N linking to the quoted paragraph, a named source, a link to a web page.
    func cite(_ c: Citation) -> String {
        var parts: [String] = []
        if let p = c.paragraph { parts.append("<a href=\"#para-\(p)\">¶\(p)</a>") }
        if let s = c.source { parts.append("<a href=\"#source-\(Markup.html(s))\">\(Markup.html(b.sources.first { $0.id == s }?.title ?? s))</a>") }
        if let url = c.url { parts.append(web(url)) }
        return "<cite class=\"source\">(\(parts.joined(separator: "; ")))</cite>"
    }

    /// A web page: its host as the link, and its number in the appendix, where the whole
    /// address is printed.
    func web(_ url: String) -> String {
        let number = handout.webNumber[url].map { "<a class=\"ref\" href=\"#web-\($0)\">[\($0)]</a>" } ?? ""
        return Markup.htmlLink(url, label: Markup.host(url)) + number
    }

    /// Country codes, each in its colour and always as text.
    func countryCodes(_ ids: [String]) -> String {
        let roles = Glyphs.countryRoles(b.countries)
        return ids.compactMap { id in
            b.country(id).map { "<span class=\"country\" style=\"color: var(--\(HandoutPalette.cssName(roles[id] ?? .text)))\">\(Markup.html($0.short))</span>" }
        }.joined(separator: " ")
    }

    /// A score as the dashboard's gauge: eight cells, filled by level.
    public static func gauge(_ score: Int) -> String {
        let filled = max(0, min(8, 4 + score))
        return String(repeating: "▰", count: filled) + String(repeating: "▱", count: 8 - filled)
    }

    var css: String {
        func vars(_ list: [(String, String)]) -> String { list.map { "  \($0.0): \($0.1);\n" }.joined() }
        return """
        :root {
        \(vars(palette.light))  --page: #ffffff; --panel: #f4f6f9;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
        \(vars(palette.dark))    --page: #101418; --panel: #1a2029;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--page); }
        h1 { font-size: 1.7rem; line-height: 1.2; margin: .2rem 0 .4rem; }
        h2 { font-size: 1.35rem; color: var(--heading); border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
        a { color: var(--link); }
        .kicker, .byline, .note, caption, figcaption, cite, .tag { color: var(--muted); }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; margin: 0; }
        cite { font-style: normal; font-size: .85em; }
        .scenario { background: var(--panel); padding: .5rem .75rem; border-left: 4px solid var(--heading); }
        nav ol { columns: 2; padding-left: 1.2rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .pillar { border-left: 3px solid var(--rule); padding-left: .8rem; margin: 1rem 0; }
        .outlook { margin: .2rem 0; }
        .gauge { letter-spacing: -.05em; }
        .commitments, .drivers, .transitions { padding-left: 1.1rem; }
        .commitments li, .transitions li { margin: .4rem 0; }
        .status { white-space: nowrap; color: var(--heading); }
        .country { font-weight: 700; margin-right: .2em; }
        .caveat { color: var(--warning); font-size: .9em; }
        .tag { font-size: .8em; border: 1px solid var(--rule); border-radius: .3em; padding: 0 .3em; white-space: nowrap; }
        .branch { color: var(--warning); }
        .rule { margin: .2rem 0; }
        q { color: var(--quote); font-style: italic; }
        blockquote.paragraph { font-style: normal; color: inherit; }
        blockquote.paragraph mark { background: none; color: var(--quote); font-style: italic; text-decoration: underline; }
        blockquote { margin: .3rem 0 .6rem 1rem; padding-left: .6rem; border-left: 3px solid var(--rule); color: var(--quote); font-style: italic; }
        .verdict { font-weight: 700; white-space: nowrap; }
        .verdict-held { color: var(--strong); } .verdict-partly { color: var(--strained); } .verdict-diverged { color: var(--faltering); }
        .verdict-open, .verdict-untested { color: var(--muted); }
        .scroll { overflow-x: auto; }
        .ref { font-size: .75em; vertical-align: super; text-decoration: none; margin-left: .1em; }
        .web-pages { font-size: .85rem; word-break: break-all; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .92rem; }
        caption { text-align: left; padding: .2rem 0; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
        td.date { white-space: nowrap; }
        thead th { border-bottom: 2px solid var(--rule); }
        figure { margin: 1rem 0; }
        svg { width: 100%; height: auto; display: block; font: 12px system-ui, sans-serif; }
        svg text { fill: var(--text); }
        .lane-label { font-weight: 700; font-size: 13px; }
        .lane-rule, .grid { stroke: var(--rule); stroke-width: .5; }
        .axis, .tick { stroke: var(--axis); stroke-width: 1; }
        .year, .value, .legend, .leader, .as-of-label, .record-end-label, .branch { font-size: 11px; }
        .bar-past { fill: var(--bar-past); }
        .bar-future { fill: none; stroke: var(--bar-future); stroke-width: 1.5; stroke-dasharray: 4 3; }
        .bar-hindsight { fill: var(--hindsight); }
        .transition { fill: var(--page); stroke: var(--warning); stroke-width: 2; }
        svg .branch { fill: var(--warning); }
        .event-past { fill: var(--text); }
        .event-future { fill: var(--page); stroke: var(--text); stroke-width: 1.5; }
        .event-hindsight { fill: var(--hindsight); }
        .as-of { stroke: var(--as-of); stroke-width: 1.5; stroke-dasharray: 5 3; }
        .as-of-label { fill: var(--as-of); }
        .record-end { stroke: var(--hindsight); stroke-width: 1.5; stroke-dasharray: 2 3; }
        .record-end-label { fill: var(--hindsight); }
        .series-line { fill: none; stroke-width: 2; }
        .point-derived { fill: var(--page); stroke-width: 2; }
        .point { stroke-width: 1; }
        footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--rule); }
        @media (max-width: 40rem) {
          body { padding: .6rem; font-size: 15px; }
          nav ol { columns: 1; }
          th, td { padding: .3rem; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; background: #ffffff; color: #000000; }
          nav { display: none; }
          main > section { break-before: page; }
          main > section:first-child { break-before: auto; }
          h2, h3 { break-after: avoid-page; }
          figure, tr, li, .pillar > p { break-inside: avoid; }
          a { color: #000000; text-decoration: none; }
          .web-pages a, .named-sources a { word-break: break-all; }
          .scenario { background: none; }
          .scroll { overflow: visible; }
        }

        """
    }
}
