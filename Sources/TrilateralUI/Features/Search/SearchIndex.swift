import FoundationEssentials
import TrilateralModel

/// The folded texts a search matches items against, built once per briefing: titles, texts,
/// quotes, dates, country names (native script too) and, for events, the leaders in office in
/// their countries. Countries and leaders are folded once each and reused for every item.
struct SearchIndex: Sendable {
    /// Per list pane (by pane index; the timeline and detail panes hold nothing here).
    let panes: [[String]]
    /// Per event index of the briefing.
    let events: [String]

    init(briefing b: Briefing, lists: [[Item]]) {
        var countries: [String: String] = [:]
        for c in b.countries { countries[c.id] = SearchState.fold("\(c.name) \(c.short) \(c.native ?? "")") }
        let leaders = b.leaders.map { SearchState.fold("\($0.name) \($0.native ?? "")") }
        func places(_ ids: [String]) -> String { ids.compactMap { countries[$0] }.joined(separator: " ") }
        func fold(_ parts: [String]) -> String { parts.map(SearchState.fold).joined(separator: "\n") }
        events = b.events.map { e in
            let inOffice = b.leaders.indices.filter { n in
                let l = b.leaders[n]
                return e.countries.contains(l.country) && l.start.startOrdinal <= e.date.endOrdinal
                    && (l.end?.endOrdinal ?? Int.max) >= e.date.startOrdinal
            }.map { leaders[$0] }
            return ([fold([e.title, e.text, e.cite.quote ?? "", e.date.display]), places(e.countries)] + inOffice).joined(separator: "\n")
        }
        let events = self.events
        panes = lists.map { items in
            items.map { item in
                switch item {
                case .commitment(let p, let i):
                    let c = b.pillars[p].commitments[i]
                    return fold([c.title, c.text, c.cite.quote ?? "", b.pillars[p].name]) + "\n" + places(c.countries)
                case .driver(let i):
                    let d = b.drivers[i]
                    return fold([d.title, d.text, d.cite.quote ?? ""])
                case .chart(let i):
                    let s = b.series[i]
                    return fold([s.title] + s.lines.map(\.label))
                case .event(let i):
                    return events[i]
                case .outlook(let id):
                    return SearchState.fold(b.target(id)?.name ?? id)
                }
            }
        }
    }
}
