/// Decodes the YAML briefing format (see `Sources/BuiltInBriefings/FORMAT.md`) field by field. Each
/// `decode…` returns nil after reporting what is wrong, and decoding carries on, so one run
/// reports every problem it can find.
struct BriefingDecoder {
    let diagnostics: Diagnostics

    // The keys each kind of mapping accepts: from the format table (`BriefingFormat`), which
    // the schema and FORMAT.md are made from too.
    static let briefingKeys = BriefingFormat.keys(of: "briefing")
    static let tourStepKeys = BriefingFormat.keys(of: "tour-step")
    static let scorecardItemKeys = BriefingFormat.keys(of: "scorecard-item")
    static let citationKeys = BriefingFormat.keys(of: "citation")
    static let sourceKeys = BriefingFormat.keys(of: "source")
    static let paragraphRuleKeys = BriefingFormat.keys(of: "paragraph-rule")
    static let countryKeys = BriefingFormat.keys(of: "country")
    static let leaderKeys = BriefingFormat.keys(of: "leader")
    static let transitionKeys = BriefingFormat.keys(of: "transition")
    static let pillarKeys = BriefingFormat.keys(of: "pillar")
    static let commitmentKeys = BriefingFormat.keys(of: "commitment")
    static let driverKeys = BriefingFormat.keys(of: "driver")
    static let seriesKeys = BriefingFormat.keys(of: "series")
    static let lineKeys = BriefingFormat.keys(of: "line")
    static let pointKeys = BriefingFormat.keys(of: "point")
    static let eventKeys = BriefingFormat.keys(of: "event")
    static let factorKeys = BriefingFormat.keys(of: "factor")
    static let optionKeys = BriefingFormat.keys(of: "option")
    static let targetKeys = BriefingFormat.keys(of: "target")
    static let ruleKeys = BriefingFormat.keys(of: "rule")
    static let presetKeys = BriefingFormat.keys(of: "preset")
    static let evidenceKeys = BriefingFormat.keys(of: "evidence")
    static let unsettledKeys = BriefingFormat.keys(of: "unsettled")

    func decode(_ root: Field) -> Briefing? {
        guard let f = root.fields(known: Self.briefingKeys) else {
            return nil
        }
        let title = f.required("title")?.text
        let author = f.required("author")?.text
        let published = f.required("published")?.day
        let asOf = f.optional("as_of")?.day ?? published
        let recordEnds = f.optional("record_ends")?.day
        let briefing = Briefing(
            title: title ?? "", author: author ?? "", publisher: f.optional("publisher")?.string ?? "",
            published: published ?? Day(year: 2000), asOf: asOf ?? Day(year: 2000),
            summary: list(f.optional("summary")) { $0.text },
            sources: list(f.optional("sources"), source),
            countries: list(f.required("countries"), country),
            leaders: list(f.optional("leaders"), leader),
            transitions: list(f.optional("transitions"), transition),
            pillars: list(f.required("pillars"), pillar),
            drivers: list(f.optional("drivers"), driver),
            series: list(f.optional("series"), series),
            events: list(f.optional("events"), event),
            factors: list(f.optional("factors"), factor),
            extraTargets: list(f.optional("targets"), target),
            rules: limited(f.optional("rules"), Limits.rules, "rules", rule),
            presets: list(f.optional("presets"), preset),
            scorecard: list(f.optional("scorecard"), scorecardItem),
            tour: list(f.optional("tour"), tourStep),
            recordEnds: recordEnds)
        if let field = f.optional("record_ends"), let end = recordEnds {
            for e in briefing.events where e.layer == .hindsight && e.date.startOrdinal > end.endOrdinal {
                field.error("the record ends (\(end)) before hindsight event '\(e.id)' (\(e.date))")
            }
        }
        return title == nil || author == nil || published == nil ? nil : briefing
    }

    func tourStep(_ field: Field) -> TourStep? {
        guard let f = field.fields(known: Self.tourStepKeys) else { return nil }
        let caption = f.required("caption")?.text
        let notes = f.optional("notes")?.string ?? ""
        guard let kindField = f.required("show"), let kind = kindField.string else { return nil }
        func need(_ key: String, _ kind: IDKind) -> String? { f.required(key)?.ref(kind) }
        let show: TourStep.Show?
        switch kind {
        case "pillar": show = need("pillar", .pillar).map { .pillar($0, item: f.optional("item")?.ref(.commitment)) }
        case "timeline": show = need("event", .event).map { .timeline(event: $0) }
        case "what-if": show = need("preset", .preset).map { .whatIf(preset: $0) }
        case "explain":
            let target = need("target", .target), preset = need("preset", .preset)
            show = target.flatMap { t in preset.map { .explain(target: t, preset: $0) } }
        case "compare": show = need("preset", .preset).map { .compare(preset: $0) }
        case "scorecard": show = .scorecard
        default:
            diagnostics.error(at: kindField.node, kindField.path, "'\(kind)' is not one of: pillar, timeline, what-if, explain, compare, scorecard")
            show = nil
        }
        guard let show, let caption else { return nil }
        return TourStep(show: show, caption: caption, notes: notes)
    }

    func scorecardItem(_ field: Field) -> ScorecardItem? {
        guard let f = field.fields(known: Self.scorecardItemKeys) else { return nil }
        let id = f.defines(.scorecard), claim = f.required("claim")?.text, cite = citation(f.required("cite"))
        let verdict = f.required("verdict")?.choice(ScorecardItem.Verdict.self), outcome = f.required("outcome")?.text
        let rules = list(f.optional("rules")) { $0.ref(.rule) }, events = list(f.optional("events")) { $0.ref(.event) }
        guard let id, let claim, let cite, let verdict, let outcome else { return nil }
        return ScorecardItem(id: id, claim: claim, cite: cite, rules: rules, verdict: verdict, outcome: outcome, events: events)
    }

    /// Decodes a list that may hold at most `limit` items.
    func limited<T>(_ field: Field?, _ limit: Int, _ what: String, _ item: (Field) -> T?) -> [T] {
        if let field, let items = field.list, items.count > limit {
            field.error("\(items.count) \(what); a briefing may hold at most \(limit)")
            return []
        }
        return list(field, item)
    }

    /// Decodes each item of a list field, dropping the ones that fail.
    func list<T>(_ field: Field?, _ item: (Field) -> T?) -> [T] {
        guard let items = field?.list else { return [] }
        return items.compactMap(item)
    }

    func citation(_ field: Field?) -> Citation? {
        guard let field, let f = field.fields(known: Self.citationKeys) else { return nil }
        let paragraph = f.optional("para")?.int
        if let paragraph, paragraph < 1 { diagnostics.error(at: f.field("para")?.node, field.path + ".para", "paragraphs count from 1") }
        let url = f.optional("url")?.text
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            diagnostics.error(at: f.field("url")?.node, field.path + ".url", "'\(url)' is not an http(s) URL")
        }
        let cite = Citation(paragraph: paragraph, url: url, source: f.optional("source")?.ref(.source), quote: f.optional("quote")?.text)
        if cite.paragraph == nil && cite.url == nil && cite.source == nil {
            diagnostics.error(at: field.node, field.path, "a citation needs 'para', 'url' or 'source'")
            return nil
        }
        if let paragraph, paragraph >= 1 {
            let quote = f.optional("quote")
            diagnostics.citedParagraphs.append(.init(cite: cite, paraNode: f.field("para")?.node, quoteNode: quote?.node,
                                                     path: field.path, quotePath: quote?.path))
        }
        return cite
    }

    func conditions(_ field: Field?) -> [Condition] {
        list(field) { item in
            guard let text = item.string else { return nil }
            guard let c = Condition.parse(text) else {
                diagnostics.error(at: item.node, item.path, "'\(text)' is not of the form factor=option")
                return nil
            }
            diagnostics.refer(c, at: item)
            return c
        }
    }

    func source(_ field: Field) -> Briefing.Source? {
        guard let f = field.fields(known: Self.sourceKeys) else { return nil }
        guard let id = f.defines(.source), let title = f.required("title")?.text else { return nil }
        let text = f.optional("text")
        let textFile = text?.text
        if let text, let textFile { diagnostics.textFiles.append(.init(source: id, file: textFile, node: text.node, path: text.path)) }
        return .init(id: id, title: title, url: f.optional("url")?.text, textFile: textFile,
                     paragraphRule: paragraphRule(f.optional("paragraphs")) ?? .standard)
    }

    func paragraphRule(_ field: Field?) -> ParagraphRule? {
        guard let field, let f = field.fields(known: Self.paragraphRuleKeys) else { return nil }
        var rule = ParagraphRule(from: f.optional("from")?.text, until: f.optional("until")?.text)
        if let skip = f.optional("skip") { rule.skip = Set(list(skip) { $0.choice(ParagraphRule.Skip.self) }) }
        return rule
    }

    func country(_ field: Field) -> Country? {
        guard let f = field.fields(known: Self.countryKeys) else { return nil }
        guard let id = f.defines(.country), let name = f.required("name")?.text,
              let short = f.required("short")?.text else { return nil }
        return Country(id: id, name: name, short: short, native: f.optional("native")?.text,
                       role: f.optional("role")?.choice(Country.Role.self) ?? .partner)
    }

    func leader(_ field: Field) -> Leader? {
        guard let f = field.fields(known: Self.leaderKeys) else { return nil }
        let id = f.defines(.leader), name = f.required("name")?.text, country = f.required("country")?.ref(.country)
        let office = f.required("office")?.text, start = f.required("start")?.day, cite = citation(f.required("cite"))
        let end = f.optional("end")?.day
        let status = f.optional("end_status")?.choice(Leader.EndStatus.self) ?? (end == nil ? .open : .known)
        if end == nil, status != .open {
            diagnostics.error(at: f.node, field.path, "end_status '\(status.rawValue)' needs an 'end' date")
        }
        if let start, let end, end.endOrdinal < start.startOrdinal, let endField = f.field("end") {
            diagnostics.error(at: endField.node, endField.path, "tenure ends (\(end)) before it starts (\(start))")
        }
        let actualEnd = f.optional("actual_end")?.day
        let actualEndCite = citation(f.optional("actual_end_cite"))
        if actualEnd != nil, actualEndCite == nil {
            diagnostics.error(at: f.node, field.path, "'actual_end' needs an 'actual_end_cite' with a source")
        }
        let layer = f.optional("layer")?.choice(Event.Layer.self) ?? .briefing
        guard let id, let name, let country, let office, let start, let cite else { return nil }
        return Leader(id: id, name: name, short: f.optional("short")?.text, native: f.optional("native")?.text, country: country, office: office,
                      start: start, end: end, endStatus: status, transition: f.optional("transition")?.ref(.transition), cite: cite,
                      layer: layer, actualEnd: actualEnd, actualEndCite: actualEndCite, note: f.optional("note")?.text)
    }

    func transition(_ field: Field) -> Transition? {
        guard let f = field.fields(known: Self.transitionKeys) else { return nil }
        let id = f.defines(.transition), title = f.required("title")?.text, country = f.required("country")?.ref(.country)
        let date = f.required("date")?.day, cite = citation(f.required("cite"))
        guard let id, let title, let country, let date, let cite else { return nil }
        return Transition(id: id, title: title, country: country, date: date, from: f.optional("from")?.ref(.leader),
                          factor: f.optional("factor")?.ref(.factor), text: f.optional("text")?.string ?? "", cite: cite)
    }

    func pillar(_ field: Field) -> Pillar? {
        guard let f = field.fields(known: Self.pillarKeys) else { return nil }
        let id = f.defines(.pillar), name = f.required("name")?.text, summary = f.required("summary")?.text
        let cite = citation(f.required("cite"))
        let commitments = list(f.optional("commitments"), commitment)
        let kind = f.optional("kind")?.choice(Pillar.Kind.self) ?? .cooperation
        if let id, kind == .cooperation, let idField = f.field("id") { diagnostics.define(.target, id, at: idField) }
        guard let id, let name, let summary, let cite else { return nil }
        return Pillar(id: id, name: name, short: f.optional("short")?.text ?? name,
                      kind: kind,
                      summary: summary, cite: cite, commitments: commitments)
    }

    func commitment(_ field: Field) -> Commitment? {
        guard let f = field.fields(known: Self.commitmentKeys) else { return nil }
        let id = f.defines(.commitment), title = f.required("title")?.text, text = f.required("text")?.text
        let status = f.required("status")?.choice(Commitment.Status.self), cite = citation(f.required("cite"))
        let countries = list(f.required("countries")) { $0.ref(.country) }
        guard let id, let title, let text, let status, let cite else { return nil }
        return Commitment(id: id, title: title, text: text, countries: countries, status: status, cite: cite,
                          also: list(f.optional("also"), citation), events: list(f.optional("events")) { $0.ref(.event) },
                          caveat: f.optional("caveat")?.text)
    }

    func driver(_ field: Field) -> Driver? {
        guard let f = field.fields(known: Self.driverKeys) else { return nil }
        let id = f.defines(.driver), title = f.required("title")?.text, text = f.required("text")?.text
        let cite = citation(f.required("cite"))
        guard let id, let title, let text, let cite else { return nil }
        return Driver(id: id, title: title, text: text, cite: cite, series: f.optional("series")?.ref(.series))
    }

    func series(_ field: Field) -> Series? {
        guard let f = field.fields(known: Self.seriesKeys) else { return nil }
        let id = f.defines(.series), title = f.required("title")?.text, cite = citation(f.required("cite"))
        let lines: [Series.Line] = list(f.required("lines")) { lineField in
            guard let l = lineField.fields(known: Self.lineKeys) else { return nil }
            let id = l.defines(.line), label = l.required("label")?.text
            let points: [Series.Point] = list(l.required("points")) { pointField in
                guard let p = pointField.fields(known: Self.pointKeys) else { return nil }
                let x = p.required("x")?.int, y = p.required("y")?.double, cite = citation(p.required("cite"))
                if let x, !Limits.years.contains(x), let field = p.field("x") {
                    field.error("x is a year; \(x) is outside \(Limits.years.lowerBound)-\(Limits.years.upperBound)")
                    return nil
                }
                if let y, abs(y) > Limits.seriesMagnitude, let field = p.field("y") {
                    field.error("\(y) is too large; chart values are at most \(Int(Limits.seriesMagnitude)) in magnitude")
                    return nil
                }
                guard let x, let y, let cite else { return nil }
                return Series.Point(x: x, y: y, confidence: p.optional("confidence")?.choice(Series.Point.Confidence.self) ?? .high,
                                    note: p.optional("note")?.string, cite: cite)
            }
            guard let id, let label else { return nil }
            return Series.Line(id: id, label: label, country: l.optional("country")?.ref(.country), points: points)
        }
        guard let id, let title, let cite else { return nil }
        return Series(id: id, title: title, unit: f.optional("unit")?.string ?? "", lines: lines, cite: cite,
                      note: f.optional("note")?.text)
    }

    func event(_ field: Field) -> Event? {
        guard let f = field.fields(known: Self.eventKeys) else { return nil }
        let id = f.defines(.event), date = f.required("date")?.day, title = f.required("title")?.text
        let kind = f.required("kind")?.choice(Event.Kind.self), cite = citation(f.required("cite"))
        let countries = list(f.optional("countries")) { $0.ref(.country) }
        guard let id, let date, let title, let kind, let cite else { return nil }
        return Event(id: id, date: date, title: title, kind: kind, countries: countries,
                     text: f.optional("text")?.string ?? "", layer: f.optional("layer")?.choice(Event.Layer.self) ?? .briefing,
                     cite: cite, commitments: list(f.optional("commitments")) { $0.ref(.commitment) },
                     confidence: f.optional("confidence")?.choice(Event.Confidence.self) ?? .high,
                     also: list(f.optional("also"), citation))
    }

    func factor(_ field: Field) -> Factor? {
        guard let f = field.fields(known: Self.factorKeys) else { return nil }
        let id = f.defines(.factor), name = f.required("name")?.text, question = f.required("question")?.text
        let baseline = f.required("baseline")?.id, cite = citation(f.required("cite"))
        let options: [Factor.Option] = list(f.required("options")) { o in
            guard let of = o.fields(known: Self.optionKeys) else { return nil }
            guard let id = of.required("id")?.id, let label = of.required("label")?.text else { return nil }
            return Factor.Option(id: id, label: label, successor: of.optional("successor")?.text, text: of.optional("text")?.string ?? "")
        }
        if let id { diagnostics.defineOptions(of: id, options.map(\.id)) }
        if let id, let baseline, let field = f.field("baseline") {
            diagnostics.refer(Condition(factor: id, option: baseline), at: field)
        }
        if let optionsField = f.field("options"), case let count = optionsField.tree.children(of: optionsField.node).count,
           optionsField.tree.nodes[Int(optionsField.node)].kind == .sequence, !Limits.options.contains(count) {
            optionsField.error("a factor needs \(Limits.options.lowerBound) to \(Limits.options.upperBound) options; this one has \(count)")
        }
        guard let id, let name, let question, let baseline, let cite else { return nil }
        return Factor(id: id, name: name, question: question, options: options, baseline: baseline,
                      appliesWhen: conditions(f.optional("applies_when")), cite: cite)
    }

    func target(_ field: Field) -> Target? {
        guard let f = field.fields(known: Self.targetKeys) else { return nil }
        guard let id = f.defines(.target), let name = f.required("name")?.text else { return nil }
        return Target(id: id, name: name, kind: f.optional("kind")?.choice(Target.Kind.self) ?? .leg)
    }

    func rule(_ field: Field) -> Rule? {
        guard let f = field.fields(known: Self.ruleKeys) else { return nil }
        let id = f.defines(.rule), summary = f.required("summary")?.text, because = citation(f.required("because"))
        let all = conditions(f.optional("all")), any = conditions(f.optional("any"))
        if all.isEmpty && any.isEmpty && f.optional("all") == nil && f.optional("any") == nil {
            diagnostics.error(at: f.node, field.path, "a rule needs an 'all' or 'any' condition")
        }
        var effects: [String: Int] = [:]
        if let effectsField = f.required("effects") {
            if let pairs = effectsField.pairs {
                for (name, keyNode, value) in pairs {
                    let key = Field(node: keyNode, path: value.path, diagnostics: diagnostics)
                    guard let target = key.ref(.target), let weight = value.int else { continue }
                    if effects[target] != nil { diagnostics.error(at: keyNode, key.path, "target '\(name)' appears twice") }
                    if !Limits.weight.contains(weight) {
                        value.error("weight \(weight) is out of range; a weight is a whole number from \(Limits.weight.lowerBound) to \(Limits.weight.upperBound)")
                        continue
                    }
                    effects[target] = weight
                }
                if pairs.isEmpty { effectsField.error("a rule needs at least one effect") }
            } else {
                effectsField.error("expected a mapping of target: weight, found \(effectsField.tree.describe(effectsField.node))")
            }
        }
        guard let id, let summary, let because else { return nil }
        return Rule(id: id, all: all, any: any, effects: effects, summary: summary, because: because)
    }

    func preset(_ field: Field) -> Preset? {
        guard let f = field.fields(known: Self.presetKeys) else { return nil }
        let id = f.defines(.preset), name = f.required("name")?.text
        let choices = conditions(f.required("set"))
        var evidence: [Preset.Evidence] = []
        for item in f.optional("evidence")?.list ?? [] {
            guard let e = item.fields(known: Self.evidenceKeys), let setField = e.required("set"), let text = setField.string else { continue }
            let events = list(e.optional("events")) { $0.ref(.event) }
            let why = e.optional("why")?.text
            if events.isEmpty && why == nil { diagnostics.error(at: item.node, item.path, "evidence needs 'events' or a 'why'") }
            guard let condition = Condition.parse(text) else {
                diagnostics.error(at: setField.node, setField.path, "'\(text)' is not of the form factor=option"); continue
            }
            diagnostics.refer(condition, at: setField)
            if !choices.contains(condition) {
                diagnostics.error(at: setField.node, setField.path, "'\(text)' is not one of this preset's 'set' choices")
            }
            evidence.append(.init(choice: condition, events: events, why: why))
        }
        let unsettled: [Preset.Unsettled] = list(f.optional("unsettled")) { item in
            guard let u = item.fields(known: Self.unsettledKeys) else { return nil }
            guard let factor = u.required("factor")?.ref(.factor), let why = u.required("why")?.text else { return nil }
            return Preset.Unsettled(factor: factor, why: why, events: list(u.optional("events")) { $0.ref(.event) })
        }
        if let field = f.optional("unsettled"), !unsettled.isEmpty {
            diagnostics.later.append { briefing in
                var combinations = 1
                for u in unsettled {
                    combinations = combinations.multipliedReportingOverflow(by: max(1, briefing.factor(u.factor)?.options.count ?? 1)).partialValue
                    if combinations > Limits.unsettledCombinations || combinations <= 0 {
                        field.error("the unsettled factors span more than \(Limits.unsettledCombinations) combinations of options; settle some of them")
                        return
                    }
                }
            }
        }
        guard let id, let name else { return nil }
        return Preset(id: id, name: name, text: f.optional("text")?.string ?? "", choices: choices, evidence: evidence, unsettled: unsettled)
    }
}
