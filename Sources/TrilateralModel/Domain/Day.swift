/// A calendar date known to a stated precision: a day, a month or only a year.
///
/// Briefings often know only "November 2024" or "2027"; a `Day` keeps that honesty so the
/// timeline can draw a span instead of inventing a day.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error explains what is wrong.
    public static func parse(_ text: String) -> Result<Day, DayError> {
        var utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { parse(bytes: $0) } ?? {
            let copy = Array(utf8)
            return copy.withUnsafeBufferPointer { parse(bytes: $0) }
        }()
    }

    /// The same over ASCII bytes (dates are read for every event of a large briefing).
    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Result<Day, DayError> {
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<from + count {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard [4, 7, 10].contains(b.count), let year = number(0, 4),
              b.count == 4 || (b[4] == 0x2D && (b.count == 7 || b[7] == 0x2D)) else { return .failure(.format) }
        guard Limits.years.contains(year) else { return .failure(.yearRange) }
        guard b.count > 4 else { return .success(Day(year: year)) }
        guard let month = number(5, 2) else { return .failure(.format) }
        guard (1...12).contains(month) else { return .failure(.month) }
        guard b.count > 7 else { return .success(Day(year: year, month: month)) }
        guard let day = number(8, 2) else { return .failure(.format) }
        let last = Day.daysIn(month: month, year: year)
        guard (1...last).contains(day) else { return .failure(.day(last: last)) }
        return .success(Day(year: year, month: month, day: day))
    }

    /// Why a date string was refused.
    public enum DayError: Error, Sendable, Equatable, CustomStringConvertible {
        case format, yearRange, month, day(last: Int)
        public var description: String {
            switch self {
            case .format: "expected YYYY, YYYY-MM or YYYY-MM-DD"
            case .yearRange: "years run from \(Limits.years.lowerBound) to \(Limits.years.upperBound)"
            case .month: "month must be 1-12"
            case .day(let last): "day must be 1-\(last) in that month"
            }
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1 Jan 1970 of the first day this date covers.
    public var startOrdinal: Int { Day.ordinal(year: year, month: month ?? 1, day: day ?? 1) }

    /// Days since 1 Jan 1970 of the last day this date covers.
    public var endOrdinal: Int {
        switch precision {
        case .day: return startOrdinal
        case .month: return startOrdinal + Day.daysIn(month: month!, year: year) - 1
        case .year: return startOrdinal + (Day.isLeap(year) ? 365 : 364)
        }
    }

    /// Days from the civil date to 1970-01-01 (Howard Hinnant's algorithm).
    public static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day ordinal.
    public static func from(ordinal: Int) -> Day {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return Day(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.startOrdinal, a.precision.rawValue) < (b.startOrdinal, b.precision.rawValue)
    }

    /// The ISO form, as written in briefing files: `2024`, `2024-11`, `2024-11-05`.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A reader's form at the date's own precision: `18 Aug 2023`, `Nov 2024`, `2027`.
    public var display: String {
        switch precision {
        case .year: String(year)
        case .month: "\(Day.monthNames[month! - 1]) \(year)"
        case .day: "\(day!) \(Day.monthNames[month! - 1]) \(year)"
        }
    }
}
