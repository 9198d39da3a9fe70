import TrilateralModel

/// The handout as Markdown, for reports and issue trackers: the same content as the HTML page,
/// as headings, lists and tables (the timeline as tables). Every piece of briefing text is
/// escaped, and only http and https addresses become links.
public struct HandoutMarkdown {
    let handout: Handout
    public init(_ handout: Handout) { self.handout = handout }

    var b: Briefing { handout.briefing }
    static let md = Markup.markdown

    public var text: String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func table(_ header: [String], _ rows: [[String]]) {
            line("| " + header.joined(separator: " | ") + " |")
            line("|" + String(repeating: " --- |", count: header.count))
            for row in rows { line("| " + row.joined(separator: " | ") + " |") }
            line()
        }
        let md = Self.md
        line("# \(md(b.title))")
        line()
        line(md([b.author, b.publisher, "published \(b.published.display)", b.asOf == b.published ? "" : "judgements as of \(b.asOf.display)"].joinedNonEmpty(" · ")))
        line()
        line("**Scenario:** \(md(handout.scenarioName)) · " + md(handout.layerText))
        line()
        line("## Key points")
        line()
        for point in b.summary { line("- \(md(point))") }
        if b.summary.isEmpty { line("The briefing lists no key points.") }
        line()

        func pillars(_ list: [Pillar]) {
            for pillar in list {
                var heading = "### \(md(pillar.name))"
                if pillar.kind == .cooperation, handout.outlook(pillar.id) != nil {
                    heading += " — \(md(handout.level(pillar.id))), \(md(handout.change(pillar.id)))"
                }
                line(heading)
                line()
                line("\(md(pillar.summary)) \(cite(pillar.cite))")
                line()
                if !pillar.commitments.isEmpty {
                    table(["Status", "Commitment", "Countries", "Source"], pillar.commitments.map { c in
                        let caveat = c.caveat.map { " † \(md($0))" } ?? ""
                        return [md(Handout.status(c.status)), "**\(md(c.title))**: \(md(c.text))\(caveat)", md(handout.countries(c.countries)),
                                ([cite(c.cite)] + c.also.map(cite)).joined(separator: " ")]
                    })
                }
            }
        }
        line("## Pillars of cooperation")
        line()
        pillars(handout.cooperation)
        if !handout.foundations.isEmpty || !b.drivers.isEmpty {
            line("## Foundations and drivers")
            line()
            pillars(handout.foundations)
            if !b.drivers.isEmpty {
                line("### Drivers")
                line()
                for d in b.drivers { line("- **\(md(d.title))**: \(md(d.text)) \(cite(d.cite))") }
                line()
            }
        }

        line("## Leaders, transitions and events")
        line()
        if handout.hindsight, let note = b.recordEndNote { line(md(note.prefix(1).uppercased() + note.dropFirst()) + "."); line() }
        table(["Country", "Leader", "Office", "From", "To", "Source"], handout.leaders.map { l in
            let to = handout.tenureEndText(l)
            return [md(b.country(l.country)?.short ?? l.country), md(l.name) + (l.layer == .hindsight ? " (as it happened)" : ""), md(l.office),
                    md(l.start.display), md(to), cite(l.cite)]
        })
        if !b.transitions.isEmpty {
            for t in b.transitions {
                var branch = ""
                if let id = t.factor, let factor = b.factor(id), let option = handout.scenario.choices[id].flatMap(factor.option) {
                    branch = " ◇ in this scenario: \(md(option.label))."
                }
                line("- **\(md(t.date.display))** \(md(t.title)).\(branch) \(md(t.text)) \(cite(t.cite))")
            }
            line()
        }
        let asOf = b.asOf.endOrdinal
        table(["Date", "Event", "Kind", "Countries", "Source"], handout.events.map { e in
            let mark = e.layer == .hindsight ? " (as it happened)" : (e.date.startOrdinal > asOf ? " (expected)" : "")
            return [md(e.date.display), (e.isReported ? "Reported: " : "") + md(e.title) + mark, md(e.kind.rawValue), md(handout.countries(e.countries)),
                    ([cite(e.cite)] + e.also.map(cite)).joined(separator: " ")]
        })

        if !b.series.isEmpty {
            line("## Data")
            line()
            for s in b.series {
                line("### \(md(s.title))\(s.unit.isEmpty ? "" : " (\(md(s.unit)))")")
                line()
                line("\(cite(s.cite))\(s.note.map { " Note: \(md($0))" } ?? "") ‡ marks a derived value.")
                line()
                let years = Array(Set(s.lines.flatMap { $0.points.map(\.x) })).sorted()
                table(["Year"] + s.lines.map { md($0.label) }, years.map { year in
                    ["\(year)"] + s.lines.map { line in
                        guard let p = line.points.first(where: { $0.x == year }) else { return "—" }
                        return md(ValueFormat.full(p.y) + s.unit) + (p.confidence != .high ? " ‡" : "") + " " + cite(p.cite)
                    }
                })
            }
        }

        if !b.factors.isEmpty {
            line("## What if: \(md(handout.scenarioName))")
            line()
            line("Scores: ≥ 2 Strong, 0–1 Steady, −1 to −2 Strained, ≤ −3 Faltering. The baseline is the article's own assumption.")
            line()
            table(["Factor", "Question", "Chosen", "Source"], b.factors.map { f in
                let chosen: String
                if handout.scenario.unsettled.contains(f.id) { chosen = "unsettled: every option is tried" }
                else if !handout.scenario.applies(f) { chosen = "does not apply" }
                else {
                    let option = handout.scenario.choices[f.id].flatMap(f.option)
                    chosen = (option?.label ?? "?") + (option?.id == f.baseline ? " (baseline)" : " (changed)")
                }
                return [md(f.name), md(f.question), md(chosen), cite(f.cite)]
            })
            table(["Outlook", "Baseline", "This scenario", "Change", "Rules that fire"], b.targets.compactMap { target in
                guard let o = handout.outlook(target.id) else { return nil }
                let base = handout.baseline[target.id].map { Wording.level($0.score) } ?? ""
                let rules = o.now.trace.compactMap { c in b.rule(c.rule).map { r in
                    "\(Wording.signed(c.weight)) \(md(r.summary))" + (r.because.quote.map { " “\(md($0))”" } ?? "") + " " + cite(r.because)
                } }
                return [md(target.name), md(base), md(handout.level(target.id)), "\(md(handout.change(target.id)))",
                        rules.isEmpty ? "none" : rules.joined(separator: "<br>")]
            })
        }

        if handout.hindsight && !b.scorecard.isEmpty {
            line("## The expectations against the record")
            line()
            if let note = b.recordEndNote { line(md(note.prefix(1).uppercased() + note.dropFirst()) + "."); line() }
            table(["Expectation", "Verdict", "What happened"], b.scorecard.map { item in
                let events = handout.events(item.events).map { "\(md($0.date.display)) \($0.isReported ? "Reported: " : "")\(md($0.title)) \(cite($0.cite))" }
                return ["\(md(item.claim)) \(cite(item.cite))", md(Wording.verdict(item.verdict)),
                        md(item.outcome) + (events.isEmpty ? "" : "<br>" + events.joined(separator: "<br>"))]
            })
        }

        if !handout.polls.isEmpty {
            line("## \(RoomPolls.title)")
            line()
            line(md(RoomPolls.note))
            line()
            for poll in handout.polls.map({ RoomPolls.worded($0, in: b) }) {
                line("### \(md(RoomPolls.heading(poll)))")
                line()
                line(md(RoomPolls.when(poll)))
                line()
                table(["Answer", "Followers", "Share"], poll.counts.map { [md($0.label), "\($0.count)", RoomPolls.share($0.count, of: poll)] })
                line(md(RoomPolls.outcome(poll, in: b)))
                line()
            }
        }

        line("## Sources")
        line()
        line("\(handout.work.prefix(1).uppercased() + handout.work.dropFirst()): \(md([b.author, "“\(b.title)”", b.publisher, b.published.display].joinedNonEmpty(", "))).")
        line()
        for (number, quotes, text) in handout.paragraphs {
            line("**¶\(number)**")
            line()
            if let text {
                // The whole paragraph from the source's text.
                line("> \(md(text))")
            } else {
                if quotes.isEmpty { line("Cited without a quotation.") }
                for q in quotes { line("> \(md(q))"); line() }
                if !quotes.isEmpty { out.removeLast() }
            }
            line()
        }
        if !b.sources.isEmpty {
            for s in b.sources { line("- \(md(s.title))\(s.url.map { " — " + Markup.markdownLink($0) } ?? "")") }
            line()
        }
        return out.joined(separator: "\n")
    }

    /// A citation: ¶N, a named source, a link to the web page.
    func cite(_ c: Citation) -> String {
        var parts: [String] = []
        if let p = c.paragraph { parts.append("¶\(p)") }
        if let s = c.source { parts.append(Self.md(b.sources.first { $0.id == s }?.title ?? s)) }
        if let url = c.url { parts.append(Markup.markdownLink(url, label: Markup.host(url))) }
        return "(" + parts.joined(separator: "; ") + ")"
    }
}
