import TrilateralModel
import TrilateralUI

/// The leadership-transition timeline as an inline SVG: a lane per partner and one for what
/// they share; tenures as bars (solid up to the as-of date, dashed after, in the hindsight
/// colour for what really happened); transitions as diamonds, with the scenario's branch;
/// events as dots (hollow if after the as-of date); the as-of date and, with hindsight, the
/// record's end as vertical lines. Colours come from the page's CSS; every mark also has a
/// shape or a word, and a `<title>` for readers who hover or use a screen reader.
struct TimelineSVG {
    let handout: Handout
    let width = 960.0
    let left = 64.0, right = 16.0, top = 22.0, laneHeight = 40.0, axisHeight = 26.0

    var svg: String {
        let b = handout.briefing
        let partners = b.partners
        let lanes = partners.count + 1
        let height = top + Double(lanes) * laneHeight + axisHeight
        let (start, end) = handout.span
        let plot = width - left - right
        func x(_ ordinal: Int) -> Double { left + plot * Double(ordinal - start) / Double(max(1, end - start)) }
        func f(_ v: Double) -> String { String(format1(v)) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\">\n"
        out += "<title id=\"timeline-title\">\(Markup.html(title))</title>\n<desc id=\"timeline-desc\">\(Markup.html(description))</desc>\n"

        // Lanes: a label, and a faint rule under each.
        for lane in 0..<lanes {
            let y = top + Double(lane) * laneHeight
            let country = lane < partners.count ? partners[lane] : nil
            let css = country.map { HandoutPalette.cssName(Glyphs.countryRoles(b.countries)[$0.id] ?? .text) } ?? "muted"
            out += "<text class=\"lane-label\" x=\"4\" y=\"\(f(y + 24))\" style=\"fill: var(--\(css))\">\(Markup.html(country?.short ?? "All"))</text>\n"
            out += "<line class=\"lane-rule\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y + laneHeight))\" y2=\"\(f(y + laneHeight))\"/>\n"
        }

        // Tenures, split at the as-of date.
        let asOf = b.asOf.endOrdinal
        for (lane, country) in partners.enumerated() {
            let y = top + Double(lane) * laneHeight
            for leader in handout.leaders where leader.country == country.id {
                let from = leader.start.startOrdinal, to = min(end, handout.tenureEnd(leader, otherwise: end))
                guard to >= from else { continue }
                let tip = "\(leader.name), \(leader.office): \(leader.start.display) to \(Day.from(ordinal: to).display)"
                if from <= asOf {
                    out += bar(x(from), x(min(to, asOf)), y: y + 20, css: "bar-past", tip: tip)
                }
                if to > asOf {
                    let css = handout.hindsight ? "bar-hindsight" : "bar-future"
                    out += bar(x(max(from, asOf)), x(to), y: y + 20, css: css, tip: tip)
                }
                let labelWidth = Double(leader.shortName.count) * 6.2
                if x(to) - x(from) >= labelWidth + 4 {
                    out += "<text class=\"leader\" x=\"\(f(x(from) + 2))\" y=\"\(f(y + 15))\">\(Markup.html(leader.shortName))</text>\n"
                }
            }
            // Transitions, with the branch the scenario takes in the article's own layer.
            for t in b.transitions where t.country == country.id && t.date.startOrdinal >= start && t.date.startOrdinal <= end {
                let cx = x(t.date.startOrdinal), cy = y + 23
                out += "<path class=\"transition\" d=\"M\(f(cx)) \(f(cy - 7)) L\(f(cx + 7)) \(f(cy)) L\(f(cx)) \(f(cy + 7)) L\(f(cx - 7)) \(f(cy)) Z\"><title>\(Markup.html("\(t.date.display): \(t.title)"))</title></path>\n"
                if !handout.hindsight, let factorID = t.factor, let factor = b.factor(factorID),
                   let option = handout.scenario.choices[factorID].flatMap(factor.option) {
                    out += "<text class=\"branch\" x=\"\(f(cx + 10))\" y=\"\(f(cy + 4))\">\(Markup.html((option.successor ?? option.label) + "?"))</text>\n"
                }
            }
        }

        // Events: one dot per pixel column and lane at most, so any number of events draws.
        var drawn = Set<[Int]>()
        for e in handout.events {
            let lane = TimelineGeometry.laneIndex(of: e, partners: partners)
            let cx = x(e.date.startOrdinal), cy = top + Double(lane) * laneHeight + (lane == partners.count ? 23 : 33)
            guard drawn.insert([lane, Int(cx)]).inserted else { continue }
            let css = e.layer == .hindsight ? "event-hindsight" : (e.date.startOrdinal <= asOf ? "event-past" : "event-future")
            let tip = "\(e.date.display): \(e.isReported ? "reported: " : "")\(e.title)"
            out += "<circle class=\"\(css)\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4\"><title>\(Markup.html(tip))</title></circle>\n"
        }

        // The as-of date, the record's end, and the years.
        let bottom = top + Double(lanes) * laneHeight
        if asOf >= start && asOf <= end {
            out += "<line class=\"as-of\" x1=\"\(f(x(asOf)))\" x2=\"\(f(x(asOf)))\" y1=\"\(f(top - 6))\" y2=\"\(f(bottom))\"/>\n"
            out += "<text class=\"as-of-label\" x=\"\(f(min(x(asOf) + 3, width - 120)))\" y=\"\(f(top - 8))\">\(Markup.html("as of \(b.asOf.display)"))</text>\n"
        }
        if handout.hindsight, let record = b.recordEnd, record.endOrdinal <= end {
            let rx = x(record.endOrdinal)
            out += "<line class=\"record-end\" x1=\"\(f(rx))\" x2=\"\(f(rx))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\"/>\n"
            out += "<text class=\"record-end-label\" x=\"\(f(max(left, rx - 130)))\" y=\"\(f(bottom + 24))\">\(Markup.html("record ends \(record.display)"))</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\"/>\n"
        let first = Day.from(ordinal: start).year, last = Day.from(ordinal: end).year
        let pixelsPerYear = plot * 365.25 / Double(max(1, end - start))
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { Double($0) * pixelsPerYear >= 48 } ?? 1000
        for year in stride(from: (first + step - 1) / step * step, through: last, by: step) {
            let o = Day(year: year).startOrdinal
            guard o >= start && o <= end else { continue }
            out += "<line class=\"tick\" x1=\"\(f(x(o)))\" x2=\"\(f(x(o)))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom + 5))\"/>"
            out += "<text class=\"year\" x=\"\(f(x(o) + 2))\" y=\"\(f(bottom + 16))\">\(year)</text>\n"
        }
        return out + "</svg>"
    }

    func bar(_ x1: Double, _ x2: Double, y: Double, css: String, tip: String) -> String {
        "<rect class=\"\(css)\" x=\"\(format1(x1))\" y=\"\(format1(y - 3))\" width=\"\(format1(max(1, x2 - x1)))\" height=\"6\"><title>\(Markup.html(tip))</title></rect>\n"
    }

    var title: String {
        let (start, end) = handout.span
        return "Leadership-transition timeline, \(Day.from(ordinal: start).year) to \(Day.from(ordinal: end).year)"
    }

    /// What the picture shows, for screen readers and for anyone who cannot see the colours.
    var description: String {
        let b = handout.briefing
        var text = "A lane for each partner (\(b.partners.map(\.short).joined(separator: ", "))) and one for events they share. "
        text += "Bars are tenures in office: solid up to the as-of date (\(b.asOf.display)), "
        text += handout.hindsight ? "then in the hindsight colour for what happened after the article. " : "dashed after it, as the article expected. "
        text += "Diamonds are transitions; a question mark names the branch the scenario takes. Dots are events, hollow when after the as-of date. "
        if handout.hindsight, let note = b.recordEndNote { text += note.prefix(1).uppercased() + note.dropFirst() + ". " }
        return text + "The same information is in the tables below."
    }
}

/// A coordinate with at most one decimal, without a trailing ".0".
func format1(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}
