import TestSupport
import Testing
@testable import TrilateralModel

/// `Briefing` keeps its events by date, then id, whatever order a file gives them in.
@Suite("Event order")
struct EventOrderTests {
    static func event(_ id: String, _ year: Int, _ month: Int? = nil) -> Event {
        Event(id: id, date: Day(year: year, month: month), title: id, kind: .meeting, countries: [], text: "", cite: Citation(paragraph: 1))
    }

    @Test(arguments: 0..<40)
    func anyShuffleSortsLikeASortByDateThenID(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let count = seed % 7 == 0 ? seed : Int.random(in: 0...60, using: &generator)
        let events = (0..<count).map { Self.event("e\(Int.random(in: 0...30, using: &generator))-\($0)", 2020 + Int.random(in: 0...4, using: &generator),
                                                   Bool.random(using: &generator) ? Int.random(in: 1...12, using: &generator) : nil) }
        let expected = events.sorted { ($0.date.startOrdinal, $0.id) < ($1.date.startOrdinal, $1.id) }.map(\.id)
        #expect(Briefing.sortedByDate(events).map(\.id) == expected)
        #expect(Briefing.sortedByDate(events.shuffled(using: &generator)).map(\.id) == expected)
    }

    @Test func aSortedListIsKept() {
        let events = [Self.event("a", 2020), Self.event("b", 2020), Self.event("a", 2021, 3)]
        #expect(Briefing.sortedByDate(events).map(\.id) == ["a", "b", "a"])
    }
}
