/// "Did you mean …?" for a mistyped key, id, option or preset: the closest candidate by edit
/// distance, when it is close enough to be a likely typo.
public enum Suggestion {
    /// `" (did you mean 'kishida-line'?)"`, or "" when nothing is close.
    public static func didYouMean(_ input: String, among candidates: [String]) -> String {
        closest(to: input, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The candidate within a third of the input's length in edits (at least 1, at most 3),
    /// or one the input is a case-insensitive prefix of.
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let a = Array(input.lowercased().unicodeScalars.prefix(64))
        guard !a.isEmpty else { return nil }
        let allowed = max(1, min(3, a.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != input {
            let b = Array(candidate.lowercased().unicodeScalars.prefix(64))
            let d = distance(a, b)
            if d <= allowed, d < a.count, d < b.count, best == nil || d < best!.distance { best = (d, candidate) }
        }
        if let best { return best.candidate }
        return candidates.first { $0.lowercased().hasPrefix(input.lowercased()) && a.count >= 3 }
    }

    /// Levenshtein distance over Unicode scalars (inputs are capped at 64, so this is cheap).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
