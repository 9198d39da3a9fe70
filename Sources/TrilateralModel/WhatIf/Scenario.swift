import FoundationEssentials

/// A choice of one option for every factor.
public struct Scenario: Sendable, Hashable, Codable {
    /// Factor id → option id.
    public var choices: [String: String]
    /// Factors the scenario leaves open: outlooks become ranges over their options.
    public var unsettled: Set<String> = []
    public init(choices: [String: String], unsettled: Set<String> = []) { self.choices = choices; self.unsettled = unsettled }

    /// This scenario on `briefing`, by ids: choices whose factor and option exist there are
    /// kept, every other factor is at its baseline; unsettled factors likewise. For a
    /// presenter's scenario on a follower's briefing, or a scenario kept across a reload.
    public func mapped(onto briefing: Briefing) -> Scenario {
        var kept = Scenario.baseline(of: briefing).choices
        for factor in briefing.factors {
            if let option = choices[factor.id], factor.option(option) != nil { kept[factor.id] = option }
        }
        return Scenario(choices: kept, unsettled: unsettled.filter { kept[$0] != nil })
    }

    /// A preset applied over the baseline, with its unsettled factors.
    public static func preset(_ preset: Preset, in briefing: Briefing) -> Scenario {
        var s = Scenario.baseline(of: briefing).applying(preset.choices)
        s.unsettled = Set(preset.unsettled.map(\.factor))
        return s
    }

    /// The reference scenario: every factor at its baseline option.
    public static func baseline(of briefing: Briefing) -> Scenario {
        Scenario(choices: Dictionary(uniqueKeysWithValues: briefing.factors.map { ($0.id, $0.baseline) }))
    }

    public func holds(_ condition: Condition) -> Bool { choices[condition.factor] == condition.option }

    /// Whether a factor is meaningful in this scenario (its `appliesWhen` conditions hold).
    public func applies(_ factor: Factor) -> Bool { factor.appliesWhen.allSatisfy(holds) }

    /// The choices that differ from the baseline, for people: `us-election=trump, us-tariffs=allies-too`.
    public func changes(in briefing: Briefing) -> String {
        let changed = briefing.factors.filter { choices[$0.id] != $0.baseline && !unsettled.contains($0.id) }
            .compactMap { f in choices[f.id].map { "\(f.id)=\($0)" } }
        let open = briefing.factors.filter { unsettled.contains($0.id) }.map { "\($0.id)=unsettled" }
        let all = changed + open
        return all.isEmpty ? "the baseline" : all.joined(separator: ", ") + " (the rest at baseline)"
    }

    /// `us-election=trump,us-tariffs=allies-too`, factors in the briefing's order.
    public func spec(in briefing: Briefing) -> String {
        briefing.factors.compactMap { f in choices[f.id].map { "\(f.id)=\($0)" } }.joined(separator: ",")
    }
}

/// Why a scenario specification was refused; the message lists what is valid.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension Scenario {
    /// Parses a preset id, or comma-separated `factor=option` terms applied over the baseline.
    /// Refused, with the valid choices and a likely one named: an empty spec, an empty term, a
    /// factor set twice, and unknown presets, factors and options.
    public static func parse(_ spec: String, in briefing: Briefing) -> Result<Scenario, ScenarioError> {
        let text = spec.trimmingSpaces
        let presets = briefing.presets.map(\.id)
        func fail(_ message: String) -> Result<Scenario, ScenarioError> { .failure(ScenarioError(description: message.escapingControls)) }
        if text.isEmpty {
            return fail("the scenario is empty: give a preset (\(presets.joined(separator: ", "))) or factor=option,…")
        }
        if let preset = briefing.presets.first(where: { $0.id == text }) {
            return .success(Scenario.preset(preset, in: briefing))
        }
        var scenario = Scenario.baseline(of: briefing)
        var seen: Set<String> = []
        for term in text.split(separator: ",", omittingEmptySubsequences: false) {
            let term = term.trimmingSpaces
            if term.isEmpty { return fail("'\(text)' has an empty term between commas") }
            guard let condition = Condition.parse(term) else {
                let hint = Suggestion.didYouMean(term, among: presets)
                return fail("'\(term)' is neither a preset nor factor=option\(hint) (presets: \(presets.joined(separator: ", ")))")
            }
            guard let factor = briefing.factors.first(where: { $0.id == condition.factor }) else {
                let valid = briefing.factors.map(\.id)
                return fail("unknown factor '\(condition.factor)'\(Suggestion.didYouMean(condition.factor, among: valid)) (valid factors: \(valid.joined(separator: ", ")))")
            }
            guard factor.option(condition.option) != nil else {
                let valid = factor.options.map(\.id)
                return fail("unknown option '\(condition.option)' for factor '\(factor.id)'\(Suggestion.didYouMean(condition.option, among: valid)) (valid options: \(valid.joined(separator: ", ")))")
            }
            guard seen.insert(factor.id).inserted else { return fail("factor '\(factor.id)' is set twice") }
            scenario.choices[factor.id] = condition.option
            scenario.unsettled.remove(factor.id)
        }
        return .success(scenario)
    }

    public func applying(_ conditions: [Condition]) -> Scenario {
        var copy = self
        for c in conditions { copy.choices[c.factor] = c.option }
        return copy
    }
}
