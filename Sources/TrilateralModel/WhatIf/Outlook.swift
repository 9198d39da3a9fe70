/// How a target fares in a scenario: a score, its level word, and the rules behind it.
public struct Outlook: Sendable, Hashable {
    /// The level words, from best to worst.
    public enum Level: Int, Sendable, CaseIterable, Comparable {
        case strong = 3, steady = 2, strained = 1, faltering = 0

        public var word: String {
            switch self {
            case .strong: "Strong"
            case .steady: "Steady"
            case .strained: "Strained"
            case .faltering: "Faltering"
            }
        }

        /// The level a score falls in: ≥ 2 Strong, 0…1 Steady, −1…−2 Strained, ≤ −3 Faltering.
        public init(score: Int) {
            switch score {
            case 2...: self = .strong
            case 0...1: self = .steady
            case -2 ... -1: self = .strained
            default: self = .faltering
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// One rule that fired, and what it did to this target.
    public struct Contribution: Sendable, Hashable {
        public var rule: String
        public var weight: Int
    }

    public var target: String
    public var score: Int
    public var trace: [Contribution]
    public var level: Level { Level(score: score) }
}

/// The what-if engine: evaluates every rule against a scenario. Deterministic and
/// independent of rule order (scores are sums; traces are sorted by rule id).
public struct OutlookEngine: Sendable {
    public let briefing: Briefing

    public init(briefing: Briefing) { self.briefing = briefing }

    /// Whether a rule's condition holds. A condition on a factor that does not apply in the
    /// scenario never holds: a non-applicable factor is not silently used.
    public func fires(_ rule: Rule, in scenario: Scenario) -> Bool {
        let holds: (Condition) -> Bool = { condition in
            guard let factor = briefing.factor(condition.factor), scenario.applies(factor) else { return false }
            return scenario.holds(condition)
        }
        return rule.all.allSatisfy(holds) && (rule.any.isEmpty || rule.any.contains(where: holds))
    }

    /// Each target's best and worst score over every combination of the scenario's unsettled
    /// factors (a single value when nothing is unsettled).
    public func ranges(for scenario: Scenario) -> [String: ClosedRange<Int>] {
        let open = briefing.factors.filter { scenario.unsettled.contains($0.id) }
        var scenarios = [scenario]
        for factor in open {
            scenarios = scenarios.flatMap { s in factor.options.map { o in var t = s; t.choices[factor.id] = o.id; return t } }
        }
        var result: [String: ClosedRange<Int>] = [:]
        for s in scenarios {
            for o in outlooks(for: s) {
                let r = result[o.target]
                result[o.target] = r.map { min($0.lowerBound, o.score)...max($0.upperBound, o.score) } ?? o.score...o.score
            }
        }
        return result
    }

    /// Every target's outlook, in the briefing's target order.
    public func outlooks(for scenario: Scenario) -> [Outlook] {
        var scores: [String: Int] = [:]
        var traces: [String: [Outlook.Contribution]] = [:]
        for rule in briefing.rules where fires(rule, in: scenario) {
            for (target, weight) in rule.effects {
                scores[target, default: 0] += weight
                traces[target, default: []].append(.init(rule: rule.id, weight: weight))
            }
        }
        return briefing.targets.map { target in
            Outlook(target: target.id, score: scores[target.id] ?? 0,
                    trace: (traces[target.id] ?? []).sorted { $0.rule < $1.rule })
        }
    }
}
