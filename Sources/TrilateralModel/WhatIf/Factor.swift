import FoundationEssentials

/// A what-if variable: one of the article's open conditions (who wins the US election,
/// which course Japan takes) with the options the article weighs.
public struct Factor: Sendable, Hashable, Identifiable {
    /// One answer to the factor's question.
    public struct Option: Sendable, Hashable, Identifiable {
        public var id: String
        public var label: String
        /// The successor's name for a transition this factor decides ("Trump", "Harris").
        public var successor: String?
        public var text: String
        public init(id: String, label: String, successor: String? = nil, text: String = "") {
            self.id = id; self.label = label; self.successor = successor; self.text = text
        }
    }

    public var id: String
    public var name: String
    public var question: String
    public var options: [Option]
    /// The option the article itself expects as of its date.
    public var baseline: String
    /// The factor only applies when all of these hold (e.g. tariffs only under `us-election=trump`).
    public var appliesWhen: [Condition]
    public var cite: Citation

    public init(id: String, name: String, question: String, options: [Option], baseline: String,
                appliesWhen: [Condition] = [], cite: Citation) {
        self.id = id; self.name = name; self.question = question; self.options = options
        self.baseline = baseline; self.appliesWhen = appliesWhen; self.cite = cite
    }

    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
}

/// `factor=option`: one term of a rule's or factor's condition.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public var factor: String
    public var option: String
    public init(factor: String, option: String) { self.factor = factor; self.option = option }

    /// Parses `factor=option`.
    public static func parse(_ text: String) -> Condition? {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let factor = parts[0].trimmingSpaces, option = parts[1].trimmingSpaces
        guard !factor.isEmpty, !option.isEmpty else { return nil }
        return Condition(factor: factor, option: option)
    }

    public var description: String { "\(factor)=\(option)" }
}


/// What an outlook is about: a cooperation pillar, a bilateral leg, or the partnership as a whole.
public struct Target: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case pillar, leg, whole }
    public var id: String
    public var name: String
    /// A name for tight tables (a pillar's short name).
    public var short: String
    public var kind: Kind
    public init(id: String, name: String, short: String? = nil, kind: Kind) {
        self.id = id; self.name = name; self.short = short ?? name; self.kind = kind
    }
}

/// One of the article's conditional judgements as data: when the condition holds, each
/// target's outlook moves by a signed weight, because of the quoted sentence.
public struct Rule: Sendable, Hashable, Identifiable {
    public var id: String
    /// Every one of these must hold.
    public var all: [Condition]
    /// At least one of these must hold (ignored when empty).
    public var any: [Condition]
    /// Target id → signed weight.
    public var effects: [String: Int]
    /// The judgement in our words.
    public var summary: String
    public var because: Citation

    public init(id: String, all: [Condition], any: [Condition] = [], effects: [String: Int], summary: String,
                because: Citation) {
        self.id = id; self.all = all; self.any = any; self.effects = effects
        self.summary = summary; self.because = because
    }
}

/// A named set of factor choices ("downward-spiral", "trump-not-a-repeat"); a preset drawn
/// from the record may cite the event that settled each choice and leave factors unsettled.
public struct Preset: Sendable, Hashable, Identifiable {
    /// A factor the record does not settle: why, and the events that bear on it.
    public struct Unsettled: Sendable, Hashable {
        public var factor: String
        public var why: String
        public var events: [String]
        public init(factor: String, why: String, events: [String]) { self.factor = factor; self.why = why; self.events = events }
    }

    /// Why a preset takes one of its choices: the events that settled it, or (with no event)
    /// why the choice is kept anyway.
    public struct Evidence: Sendable, Hashable {
        public var choice: Condition
        public var events: [String]
        public var why: String?
        public init(choice: Condition, events: [String], why: String? = nil) {
            self.choice = choice; self.events = events; self.why = why
        }
    }

    public var id: String
    public var name: String
    public var text: String
    public var choices: [Condition]
    /// What settles each choice, in the file's order.
    public var evidence: [Evidence]
    public var unsettled: [Unsettled]

    /// The evidence for one choice, if the preset gives any.
    public func evidence(for choice: Condition) -> Evidence? { evidence.first { $0.choice == choice } }
    public init(id: String, name: String, text: String, choices: [Condition], evidence: [Evidence] = [], unsettled: [Unsettled] = []) {
        self.id = id; self.name = name; self.text = text; self.choices = choices
        self.evidence = evidence; self.unsettled = unsettled
    }
}

/// One of the article's expectations judged against what happened.
public struct ScorecardItem: Sendable, Hashable, Identifiable {
    /// How an expectation fared: `held`; `partly` (part of it held, or only part could be tested);
    /// `diverged`; `open` (the record does not settle it yet); `untested` (it can no longer be
    /// tested, e.g. a candidate who lost).
    public enum Verdict: String, Sendable, CaseIterable { case held, partly, diverged, open, untested }
    public var id: String
    public var claim: String
    public var cite: Citation
    /// The rules that encode this expectation.
    public var rules: [String]
    public var verdict: Verdict
    public var outcome: String
    /// Hindsight events that bear on it (each with its source).
    public var events: [String]
    public init(id: String, claim: String, cite: Citation, rules: [String], verdict: Verdict, outcome: String, events: [String]) {
        self.id = id; self.claim = claim; self.cite = cite; self.rules = rules
        self.verdict = verdict; self.outcome = outcome; self.events = events
    }
}
