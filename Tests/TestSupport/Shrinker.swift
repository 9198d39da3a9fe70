/// Delta debugging, simplified: the shortest failing list found by removing chunks (halving
/// their size) while the list still fails. `fails` says whether a candidate fails, and at which
/// element (the list is cut after it: a sequence of actions need not go on past its failure;
/// a set of parts passes its last index).
public enum Shrinker {
    public static func shrink<T>(_ items: [T], budget: Int = 2000, fails: ([T]) -> Int?) -> [T] {
        var current = items
        var chunk = max(1, current.count / 2)
        var budget = budget
        while chunk >= 1 && budget > 0 {
            var i = 0
            var removed = false
            while i < current.count && budget > 0 {
                var candidate = current
                candidate.removeSubrange(i..<min(current.count, i + chunk))
                budget -= 1
                if let at = fails(candidate) {
                    current = Array(candidate.prefix(at + 1))
                    removed = true
                } else {
                    i += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return current
    }
}
