/// How verdicts, scores, changes and ranges are written: one wording, used by the dashboard,
/// `dump` and both handouts (HTML and Markdown), so the same briefing reads the same
/// everywhere. `ascii` is for terminals without UTF-8: the same words, plainer marks.
public enum Wording {
    /// A scorecard verdict with its mark: "✓ held", "◐ partly", "✗ diverged", "? open",
    /// "– untested"; in ASCII "[held]" and so on.
    public static func verdict(_ v: ScorecardItem.Verdict, ascii: Bool = false) -> String {
        if ascii { return "[\(v.rawValue)]" }
        return switch v {
        case .held: "✓ held"
        case .partly: "◐ partly"
        case .diverged: "✗ diverged"
        case .open: "? open"
        case .untested: "– untested"
        }
    }

    /// What a verdict word claims.
    public static func meaning(_ v: ScorecardItem.Verdict) -> String {
        switch v {
        case .held: "the expectation held, as far as the record shows"
        case .partly: "part of it held, or only part of it could be tested"
        case .diverged: "what happened went the other way"
        case .open: "the record does not settle it yet"
        case .untested: "it can no longer be tested"
        }
    }

    /// A signed score or weight: "+2", "−1" (a minus sign; "-1" in ASCII), "0".
    public static func signed(_ n: Int, ascii: Bool = false) -> String {
        n > 0 ? "+\(n)" : n < 0 ? "\(ascii ? "-" : "−")\(-n)" : "0"
    }

    /// An outlook score as its level and number: "Steady (+1)".
    public static func level(_ score: Int, ascii: Bool = false) -> String {
        "\(Outlook.Level(score: score).word) (\(signed(score, ascii: ascii)))"
    }

    /// The change against the baseline as a mark and a number: "▲ +2", "▼ −1", "= same"
    /// (in ASCII "^ +2", "v -1").
    public static func change(_ delta: Int, ascii: Bool = false) -> String {
        delta > 0 ? "\(ascii ? "^" : "▲") \(signed(delta))" : delta < 0 ? "\(ascii ? "v" : "▼") \(signed(delta, ascii: ascii))" : "= same"
    }

    /// `change` with words, where there is room, never colour or a mark alone: "▲ +2 (up 2
    /// from the baseline)", "= same as the baseline".
    public static func changeInWords(_ delta: Int, ascii: Bool = false) -> String {
        delta == 0 ? "= same as the baseline" : "\(change(delta, ascii: ascii)) (\(delta > 0 ? "up" : "down") \(abs(delta)) from the baseline)"
    }

    /// The scores an outlook can take over the unsettled factors: "Strained to Steady (−1 to
    /// +1)", "Steady (0 to +1)", or a single "Steady (+1)".
    public static func range(_ r: ClosedRange<Int>, ascii: Bool = false) -> String {
        guard r.count > 1 else { return level(r.lowerBound, ascii: ascii) }
        let low = Outlook.Level(score: r.lowerBound).word, high = Outlook.Level(score: r.upperBound).word
        return "\(low == high ? low : "\(low) to \(high)") (\(signed(r.lowerBound, ascii: ascii)) to \(signed(r.upperBound, ascii: ascii)))"
    }

    /// `range` for a table cell of `width` columns: the words cut to four letters, then the
    /// numbers alone ("Stea 0 to +1", "Stra to Stea", "−1 to +1").
    public static func range(_ r: ClosedRange<Int>, fitting width: Int, ascii: Bool = false) -> String {
        let full = range(r, ascii: ascii)
        if full.count <= width { return full }
        let low = Outlook.Level(score: r.lowerBound).word.prefix(4), high = Outlook.Level(score: r.upperBound).word.prefix(4)
        let numbers = "\(signed(r.lowerBound, ascii: ascii)) to \(signed(r.upperBound, ascii: ascii))"
        let candidates = low == high ? ["\(low) \(numbers)", numbers] : ["\(low) to \(high)", numbers]
        return candidates.first { $0.count <= width } ?? numbers
    }

    /// A change over a range, against the baseline: "▲ +1" when every option moves the same,
    /// otherwise "−1 to +1".
    public static func change(over deltas: ClosedRange<Int>, ascii: Bool = false) -> String {
        deltas.count == 1 ? change(deltas.lowerBound, ascii: ascii) : "\(signed(deltas.lowerBound, ascii: ascii)) to \(signed(deltas.upperBound, ascii: ascii))"
    }
}
