/// The themes this terminal can cycle through (`T`) and the one it draws with: local to each
/// terminal. The themes themselves live at the edge (the event loop), which draws with `current`.
public struct ThemeState: Equatable, Sendable {
    /// The names `T` cycles through, in order.
    public let names: [String]
    public private(set) var current: String
    /// Themes in the cycle that failed to load, with their first error: `T` reports and skips them.
    public let problems: [String: String]
    /// Where `T` is in `names` (it moves past broken themes that `current` never takes).
    var cursor: Int

    public init(names: [String] = ["dark"], current: String = "dark", problems: [String: String] = [:]) {
        self.names = names.contains(current) ? names : names + [current]
        self.current = current
        self.problems = problems
        cursor = self.names.firstIndex(of: current) ?? 0
    }

    mutating func advance() -> String? {
        cursor = (cursor + 1) % names.count
        let next = names[cursor]
        guard problems[next] == nil else { return nil }
        current = next
        return next
    }
}

/// Cycling colour themes.
public enum ThemeAction: Equatable, Sendable {
    case next
}

/// Colour themes: `T` moves to the next one, reports a broken one and keeps the current.
enum ThemeCycle {
    static let bindings: [Binding] = [
        Binding(.dashboard, "T", "next colour theme (this screen only)", hint: Hint(keys: "T", text: "theme"), hintIn: [],
                followers: true, on: [.char("T")], .theme(.next)),
    ]

    static func reduce(_ theme: inout ThemeState, _ action: ThemeAction) -> [Action] {
        switch action {
        case .next:
            guard let next = theme.advance() else {
                let broken = theme.names[theme.cursor]
                return [.flash("theme \(broken) is broken (\(theme.problems[broken] ?? "")); keeping \(theme.current)")]
            }
            return [.flash("theme: \(next)"), .app(.perform(.themeChanged))]
        }
    }
}
