/// Where a key works: the dashboard, or a mode that takes keys first while it is on. Each
/// feature declares its own mode beside its bindings (`extension Mode { static let … }`), with
/// the condition that switches it on; `Keymap.allModes` puts them in order, first first.
public struct Mode: Sendable, Hashable, CustomStringConvertible {
    /// The mode's name in the key table and the README ("what-if").
    public let rawValue: String
    /// How the mode is named in the help overlay and the README's key table.
    public let title: String
    /// What the modes after this one keep while it is on.
    let below: Below
    /// Whether the mode is on: its keys are tried before those of the modes after it.
    let isOn: @Sendable (AppState) -> Bool

    /// What a mode that is on leaves to the modes after it.
    enum Below: Sendable {
        /// Every mode after it that is on, too.
        case everything
        /// Only the dashboard's keys (the presenter view's second screen).
        case dashboard
        /// Nothing: it takes every key (the help overlay, typing a search).
        case nothing
    }

    init(_ rawValue: String, title: String, below: Below = .everything, on isOn: @escaping @Sendable (AppState) -> Bool) {
        self.rawValue = rawValue
        self.title = title
        self.below = below
        self.isOn = isOn
    }

    public var description: String { rawValue }
    public static func == (a: Mode, b: Mode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Everywhere else: always on, and last.
    public static let dashboard = Mode("dashboard", title: "dashboard") { _ in true }
}

/// A status-bar hint: the keys and a word or two. Hints show help first and quit last, the
/// mode's own keys before the dashboard's (`Placement`).
public struct Hint: Sendable, Equatable {
    public let keys: String
    public let text: String
    public var placement: Placement = .inOrder

    public enum Placement: Int, Sendable, Comparable {
        case first = 0, inOrder = 1, last = 3
        public static func < (a: Placement, b: Placement) -> Bool { a.rawValue < b.rawValue }
    }

    public init(keys: String, text: String, placement: Placement = .inOrder) {
        self.keys = keys; self.text = text; self.placement = placement
    }
}

/// One key binding, declared once: the keys as people read them, what they do, where they
/// work, an optional status-bar hint, whether a follower may press them, and how a pressed key
/// becomes an action. The help overlay, the status bar, `--help`, the follower's keys and the
/// README's key table are all made from these (in the manner of bubbles' `key.Binding`).
public struct Binding: Sendable {
    public let mode: Mode
    /// `q  Ctrl-C`, `1-9`, `↑↓←→ h j k l`.
    public let keys: String
    public let help: String
    /// Shown in the status bar while `hintModes` holds the mode on top (`1-N` becomes the real
    /// range: panes or factors).
    public let hint: Hint?
    public let hintModes: Set<Mode>
    /// Whether a follower that is watching its presenter may press it.
    public let followers: Bool
    /// Whether it works in every mode, before the mode's own keys (Ctrl-Z).
    public let everywhere: Bool
    /// Whether the binding is there at all in a state (a presenter's poll key, with an audience
    /// to ask): when not, it takes no key and its hint does not show.
    let available: @Sendable (AppState) -> Bool
    let match: @Sendable (Key, AppState) -> Action?

    public init(_ mode: Mode, _ keys: String, _ help: String, hint: Hint? = nil, hintIn hintModes: Set<Mode>? = nil,
                followers: Bool = false, everywhere: Bool = false, when available: @escaping @Sendable (AppState) -> Bool = { _ in true },
                match: @escaping @Sendable (Key, AppState) -> Action?) {
        self.mode = mode; self.keys = keys; self.help = help; self.hint = hint
        self.hintModes = hintModes ?? (hint == nil ? [] : [mode])
        self.followers = followers; self.everywhere = everywhere; self.available = available; self.match = match
    }

    /// A binding for one or more fixed keys that all mean one action.
    public init(_ mode: Mode, _ keys: String, _ help: String, hint: Hint? = nil, hintIn hintModes: Set<Mode>? = nil,
                followers: Bool = false, everywhere: Bool = false, when available: @escaping @Sendable (AppState) -> Bool = { _ in true },
                on pressed: [Key], _ action: Action) {
        self.init(mode, keys, help, hint: hint, hintIn: hintModes, followers: followers, everywhere: everywhere, when: available) { key, _ in
            pressed.contains(key) ? action : nil
        }
    }

    /// ↑↓ and j k: one action for up, another for down (a list's cursor, the timeline's lanes).
    static func vertical(_ mode: Mode, _ help: String, hint: Hint? = nil, up: Action, down: Action) -> Binding {
        Binding(mode, "↑↓ j k", help, hint: hint) { key, _ in key.verticalStep.map { $0 < 0 ? up : down } }
    }

    /// The action for a key, if this binding takes it.
    public func action(for key: Key, in state: AppState) -> Action? { available(state) ? match(key, state) : nil }
}

extension Key {
    /// -1 for ↑ and k, +1 for ↓ and j, else nil.
    var verticalStep: Int? {
        switch self {
        case .up, .char("k"): -1
        case .down, .char("j"): 1
        default: nil
        }
    }

    /// -1 for ← and h, +1 for → and l, else nil.
    var horizontalStep: Int? {
        switch self {
        case .left, .char("h"): -1
        case .right, .char("l"): 1
        default: nil
        }
    }

    /// The value of a digit key 1-9 (an ASCII digit alone: a keycap or a digit with a mark is no
    /// digit), else nil.
    var digit: Int? {
        guard case .char(let c) = self, c.isASCII, let n = c.wholeNumberValue, (1...9).contains(n) else { return nil }
        return n
    }
}
