import TrilateralModel

/// An item named by id rather than by position: what survives an edit of the file.
enum ItemKey: Hashable {
    case commitment(pillar: String, id: String), driver(String), chart(String), event(String), outlook(String)

    init?(_ item: Item, in b: Briefing) {
        switch item {
        case .commitment(let p, let i):
            guard b.pillars.indices.contains(p), b.pillars[p].commitments.indices.contains(i) else { return nil }
            self = .commitment(pillar: b.pillars[p].id, id: b.pillars[p].commitments[i].id)
        case .driver(let i): guard b.drivers.indices.contains(i) else { return nil }; self = .driver(b.drivers[i].id)
        case .chart(let i): guard b.series.indices.contains(i) else { return nil }; self = .chart(b.series[i].id)
        case .event(let i): guard b.events.indices.contains(i) else { return nil }; self = .event(b.events[i].id)
        case .outlook(let id): self = .outlook(id)
        }
    }

    /// The item with this id in `b`, if it is still there.
    func item(in b: Briefing) -> Item? {
        switch self {
        case .commitment(let pillar, let id):
            guard let p = b.pillars.firstIndex(where: { $0.id == pillar }),
                  let i = b.pillars[p].commitments.firstIndex(where: { $0.id == id }) else { return nil }
            return .commitment(pillar: p, index: i)
        case .driver(let id): return b.drivers.firstIndex { $0.id == id }.map(Item.driver)
        case .chart(let id): return b.series.firstIndex { $0.id == id }.map(Item.chart)
        case .event(let id): return b.events.firstIndex { $0.id == id }.map(Item.event)
        case .outlook(let id): return b.targets.contains { $0.id == id } ? .outlook(id) : nil
        }
    }
}
