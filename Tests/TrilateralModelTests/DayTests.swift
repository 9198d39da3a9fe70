import Testing
@testable import TrilateralModel

@Suite("Dates with precision")
struct DayTests {
    @Test func parsesEachPrecision() throws {
        #expect(try Day.parse("2024").get().precision == .year)
        #expect(try Day.parse("2024-11").get().precision == .month)
        #expect(try Day.parse("2024-11-05").get() == Day(year: 2024, month: 11, day: 5))
    }

    @Test func leapYears() {
        #expect((try? Day.parse("2024-02-29").get()) != nil)
        #expect(Day.parse("2023-02-29") == .failure(.day(last: 28)))
        #expect(Day.parse("1900-02-29") == .failure(.day(last: 28)))
        #expect((try? Day.parse("2000-02-29").get()) != nil)
    }

    @Test(arguments: ["", "24", "2024-1", "2024-13", "2024-00-10", "2024-04-31", "abcd", "2024-01-01-01"])
    func refuses(_ text: String) {
        #expect((try? Day.parse(text).get()) == nil)
    }

    @Test func ordinalsRoundTrip() {
        for ordinal in stride(from: -1000, to: 30000, by: 37) {
            #expect(Day.from(ordinal: ordinal).startOrdinal == ordinal)
        }
        #expect(Day(year: 1970, month: 1, day: 1).startOrdinal == 0)
    }

    @Test func spansCoverTheirPrecision() {
        #expect(Day(year: 2024).endOrdinal - Day(year: 2024).startOrdinal == 365)
        #expect(Day(year: 2024, month: 2).endOrdinal - Day(year: 2024, month: 2).startOrdinal == 28)
        #expect(Day(year: 2024, month: 11).display == "Nov 2024")
        #expect(Day(year: 2023, month: 8, day: 18).display == "18 Aug 2023")
    }
}
