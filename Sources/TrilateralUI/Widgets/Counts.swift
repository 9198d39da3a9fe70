/// Counts written for people: "1 driver", "3 foundations", "no chart", and only the kinds a
/// briefing has ("5 foundations · 1 chart", not "· 0 drivers").
enum Counts {
    /// `n` of a noun in the singular: "no chart", "1 chart", "2 charts".
    static func of(_ n: Int, _ noun: String) -> String {
        n == 0 ? "no \(noun)" : n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    /// The non-zero counts joined with `·` (or "nothing listed" when all are zero).
    static func describe(_ counts: [(Int, String)]) -> String {
        let shown = counts.filter { $0.0 > 0 }.map { of($0.0, $0.1) }
        return shown.isEmpty ? "nothing listed" : shown.joined(separator: " · ")
    }
}
