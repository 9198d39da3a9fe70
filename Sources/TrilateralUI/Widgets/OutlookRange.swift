import TrilateralModel

/// How a range of outlook scores (over unsettled factors) reads on screen.
enum OutlookRange {
    /// `Steady (0…1)`, `Faltering…Steady (-5…1)` or `Faltering (-3)`.
    static func describe(_ range: ClosedRange<Int>) -> String {
        let low = Outlook.Level(score: range.lowerBound).word, high = Outlook.Level(score: range.upperBound).word
        let words = low == high ? low : "\(low)…\(high)"
        return range.count > 1 ? "\(words) (\(range.lowerBound)…\(range.upperBound))" : "\(words) (\(range.lowerBound))"
    }

    /// For a 12-column table cell: `Steady 0…1`, `Falt…Stea`.
    static func compact(_ range: ClosedRange<Int>) -> String {
        let low = Outlook.Level(score: range.lowerBound).word, high = Outlook.Level(score: range.upperBound).word
        let numbers = "\(range.lowerBound)…\(range.upperBound)"
        if low != high { return "\(low.prefix(4))…\(high.prefix(4))" }
        return low.count + numbers.count < 12 ? "\(low) \(numbers)" : "\(low.prefix(4)) \(numbers)"
    }
}
