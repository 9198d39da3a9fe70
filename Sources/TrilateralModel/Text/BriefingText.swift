/// The briefing as plain, linear text: everything the dashboard shows, in reading order,
/// every statement followed by its citation. Control characters are escaped.
public enum BriefingText {
    /// The briefing as the article knew it; with `hindsight`, also what happened after it: the
    /// hindsight events and tenures, the scorecard, and how the record settles each factor.
    public static func dump(_ b: Briefing, hindsight: Bool = false) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s.escapingControls) }
        func cite(_ c: Citation, indent: String = "  ") {
            if let q = c.quote { line("\(indent)“\(q)”") }
            var ref = c.reference
            if let s = c.source, let src = b.source(s) { ref += " \(src.title)" + (src.url.map { " <\($0)>" } ?? "") }
            line("\(indent)Source: \(ref)")
        }
        func countries(_ ids: [String]) -> String { ids.compactMap { b.country($0)?.short }.joined(separator: ", ") }
        /// An event as evidence: date, title (marked when only reported) and its source.
        func reference(_ e: Event) -> String {
            "\(e.date.display) \(e.isReported ? "Reported: " : "")\(e.title) <\(e.cite.url ?? e.cite.reference)>"
        }

        line(b.title)
        line([b.author, b.publisher, "published \(b.published.display)", "as of \(b.asOf.display)"].joinedNonEmpty(" · "))
        line()
        if !b.summary.isEmpty {
            line("SUMMARY")
            for s in b.summary { line("- \(s)") }
            line()
        }
        line("COUNTRIES")
        for c in b.countries { line("- \(c.short) \(c.name)\(c.native.map { " (\($0))" } ?? "") — \(c.role.rawValue)") }
        line()
        for p in b.pillars {
            line("PILLAR: \(p.name.uppercased()) [\(p.kind.rawValue)]")
            line(p.summary)
            cite(p.cite, indent: "")
            for c in p.commitments {
                line("- [\(c.status.rawValue)] \(c.title) (\(countries(c.countries)))")
                line("  \(c.text)")
                if let caveat = c.caveat { line("  Caveat: \(caveat)") }
                cite(c.cite)
                for a in c.also { cite(a) }
            }
            line()
        }
        if !b.drivers.isEmpty {
            line("DRIVERS")
            for d in b.drivers { line("- \(d.title): \(d.text)"); cite(d.cite) }
            line()
        }
        for s in b.series {
            line("DATA: \(s.title) (\(s.unit))")
            for l in s.lines {
                let points = l.points.map { "\($0.x) \(ValueFormat.full($0.y))\($0.confidence == .high ? "" : "*")" }
                line("- \(l.label): " + points.joined(separator: ", "))
            }
            line("  * medium confidence: derived from reported values")
            for l in s.lines {
                for p in l.points { if let note = p.note { line("  \(l.label) \(p.x): \(note)") } }
            }
            if let note = s.note { line("  Note (this briefing's, not a source's): \(note)") }
            cite(s.cite)
            line()
        }
        line("LEADERS")
        for l in b.leaders where hindsight || l.layer == .briefing {
            var end = l.end.map { "\($0.display) (\(l.endStatus.rawValue))" } ?? "open"
            if l.layer == .hindsight, l.end == nil, let last = b.recordEnd { end = "at least the record's end, \(last.display)" }
            line("- \(b.country(l.country)?.short ?? l.country) \(l.office): \(l.name)\(l.native.map { " \($0)" } ?? "") — \(l.start.display) to \(end)\(l.layer == .hindsight ? " [as it happened]" : "")")
            cite(l.cite)
            if hindsight, let actual = l.actualEnd, let c = l.actualEndCite {
                line("  As it happened: held the office until \(actual.display)")
                cite(c)
            }
            if hindsight || l.layer == .briefing, let note = l.note, l.layer == .hindsight || l.actualEnd != nil { line("  \(note)") }
        }
        line()
        if !b.transitions.isEmpty {
            line("TRANSITIONS")
            for t in b.transitions {
                line("- \(t.date.display) \(t.title)\(t.factor.map { " (open question: factor \($0))" } ?? "")")
                if !t.text.isEmpty { line("  \(t.text)") }
                cite(t.cite)
            }
            line()
        }
        func event(_ e: Event, status: String) {
            line("- \(e.date.display) · \(e.isReported ? "Reported: " : "")\(e.title) [\([e.kind.rawValue, countries(e.countries), status].joinedNonEmpty("; "))]")
            if !e.text.isEmpty { line("  \(e.text)") }
            cite(e.cite)
            for a in e.also { cite(a, indent: "  ") }
        }
        line("TIMELINE (the briefing's own, as of \(b.asOf.display))")
        for e in b.events where e.layer == .briefing {
            event(e, status: "\(e.happened(asOf: b.asOf) ? "had happened" : "still expected") as of \(b.asOf.display)")
        }
        line()
        if hindsight, b.events.contains(where: { $0.layer == .hindsight }) {
            line("AS IT HAPPENED after \(b.asOf.display) — \(b.recordEndNote ?? "where the record ends is not stated")")
            line("Events marked 'Reported' rest on a single less-established source or a derived figure.")
            for e in b.events where e.layer == .hindsight { event(e, status: "after the briefing\(e.isReported ? "; medium confidence" : "")") }
            line()
        }
        if !b.factors.isEmpty {
            line("WHAT-IF FACTORS")
            for f in b.factors {
                line("- \(f.id): \(f.question) options: \(f.options.map(\.id).joined(separator: " | ")); baseline \(f.baseline)"
                     + (f.appliesWhen.isEmpty ? "" : "; applies when \(f.appliesWhen.map(\.description).joined(separator: ", "))"))
                cite(f.cite)
            }
            line()
            line("RULES")
            for r in b.rules {
                let when = (r.all.map(\.description) + (r.any.isEmpty ? [] : ["any of (" + r.any.map(\.description).joined(separator: ", ") + ")"])).joined(separator: " and ")
                let effects = r.effects.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value)" }.joined(separator: ", ")
                line("- \(r.id): when \(when) → \(effects)")
                line("  \(r.summary)")
                cite(r.because)
            }
            line()
        }
        if hindsight && !b.scorecard.isEmpty {
            line("HINDSIGHT SCORECARD — \(b.recordEndNote ?? "where the record ends is not stated")")
            line("Verdicts: " + ScorecardItem.Verdict.allCases.map { "\(Wording.verdict($0)) (\(Wording.meaning($0)))" }.joined(separator: "; ") + ".")
            for item in b.scorecard {
                line("- \(Wording.verdict(item.verdict)): \(item.claim)")
                cite(item.cite)
                line("  What happened: \(item.outcome)")
                if !item.rules.isEmpty { line("  Rules: \(item.rules.joined(separator: ", "))") }
                for e in b.events(item.events) { line("  - \(reference(e))") }
            }
            line()
        }
        if hindsight {
            for preset in b.presets where !preset.evidence.isEmpty || !preset.unsettled.isEmpty {
                line("PRESET \(preset.id): \(preset.text)")
                for c in preset.choices {
                    let evidence = preset.evidence(for: c)
                    line("- \(c)" + (evidence == nil ? " (no evidence given)" : ""))
                    if let why = evidence?.why { line("    \(why)") }
                    for e in b.events(evidence?.events ?? []) {
                        line("    ← \(reference(e))")
                    }
                }
                for u in preset.unsettled {
                    line("- \(u.factor)=unsettled: \(u.why)")
                    for e in b.events(u.events) { line("    \(reference(e))") }
                }
                line()
            }
        }
        if !b.sources.isEmpty {
            line("SOURCES")
            for s in b.sources { line("- [\(s.id)] \(s.title)\(s.url.map { " <\($0)>" } ?? "")") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Each target's outlook under a scenario: level, score, change against the baseline, and
    /// the trace of rules that fired with their weights and quotes.
    public static func outlooks(_ b: Briefing, scenario: Scenario) -> String {
        guard !b.factors.isEmpty else { return "" }
        let engine = OutlookEngine(briefing: b)
        let baseline = Dictionary(uniqueKeysWithValues: engine.outlooks(for: .baseline(of: b)).map { ($0.target, $0) })
        var out = ["", "OUTLOOKS for \(scenario.changes(in: b))", "scenario: \(scenario.spec(in: b))"]
        for f in b.factors where !scenario.applies(f) {
            out.append("note: \(f.id) does not apply (needs \(f.appliesWhen.map(\.description).joined(separator: ", ")))")
        }
        let ranges = scenario.unsettled.isEmpty ? [:] : engine.ranges(for: scenario)
        for f in b.factors where scenario.unsettled.contains(f.id) {
            out.append("note: \(f.id) is unsettled: each outlook is a range over its options")
        }
        for o in engine.outlooks(for: scenario) {
            let name = b.target(o.target)?.name ?? o.target
            if let r = ranges[o.target], r.count > 1 {
                let base = baseline[o.target]?.score ?? 0
                out.append("- \(name): \(Wording.range(r)) over the unsettled factors; \(Wording.change(over: (r.lowerBound - base)...(r.upperBound - base)))")
                continue
            }
            let delta = o.score - (baseline[o.target]?.score ?? 0)
            out.append("- \(name): \(Wording.level(o.score)); \(Wording.changeInWords(delta))")
            for c in o.trace {
                guard let r = b.rule(c.rule) else { continue }
                out.append("  \(Wording.signed(c.weight)) \(r.id): \(r.summary)")
                out.append("     “\(r.because.quote ?? "")” (\(r.because.reference))")
            }
        }
        return out.map(\.escapingControls).joined(separator: "\n") + "\n"
    }

}
