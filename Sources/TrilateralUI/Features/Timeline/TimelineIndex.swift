import TrilateralModel

/// The timeline's events for one choice of layers: the item list in date order, each lane's
/// positions in it. Built once per briefing and layer choice.
struct TimelineIndex: Sendable {
    let items: [Item]
    let lanes: [[Int]]

    init(briefing: Briefing, hindsight: Bool) {
        items = briefing.events.indices
            .filter { hindsight || briefing.events[$0].layer == .briefing }
            .map { Item.event($0) }
        var lanes = Array(repeating: [Int](), count: briefing.partners.count + 1)
        for (k, item) in items.enumerated() {
            guard case .event(let i) = item else { continue }
            lanes[TimelineGeometry.laneIndex(of: briefing.events[i], partners: briefing.partners)].append(k)
        }
        self.lanes = lanes
    }

    /// The folded search text of each item, in order.
    func searchTexts(in index: SearchIndex) -> [String] {
        items.map { item in
            guard case .event(let i) = item else { return "" }
            return index.events[i]
        }
    }
}
