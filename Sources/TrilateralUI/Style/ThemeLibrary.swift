import TrilateralModel

/// The themes a terminal can switch between: the built-in ones, parsed only when one is first
/// shown, and the user's (`$XDG_CONFIG_HOME/trilateral/themes`), read at start so that a broken
/// one can be named when `T` reaches it. A user theme replaces a built-in one of the same name
/// only if it loads.
public struct ThemeLibrary: Sendable {
    /// The user's themes that resolve, by name.
    let user: [String: ThemeLoader.Definition]
    /// User theme files that failed to parse or resolve.
    public let problems: [LoadError]
    /// Themes already resolved (and one loaded from a `--theme` path), by name.
    private var resolved: [String: Theme] = [:]

    /// Where a user's themes are: `$XDG_CONFIG_HOME/trilateral/themes`, or `~/.config/…`.
    public static func userDirectory(environment: [String: String]) -> String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? "~") + "/.config"
        return config + "/trilateral/themes"
    }

    public init(userDirectory: String?) {
        let (definitions, readProblems) = ThemeLoader.userDefinitions(userDirectory)
        var good: [String: ThemeLoader.Definition] = [:]
        var problems = readProblems
        let all = ThemeLoader.definitions(definitions)
        for (name, definition) in definitions {
            switch ThemeLoader.resolve(name, in: all) {
            case .success: good[name] = definition
            case .failure(let e): problems.append(e)
            }
        }
        user = good
        self.problems = problems.sorted { $0.description < $1.description }
    }

    /// Every theme name, in order.
    public var names: [String] { Set(user.keys).union(resolved.keys).union(ThemeLoader.builtInNames).sorted() }

    /// Adds a theme loaded from a file; it wins over any other of its name.
    public mutating func add(_ theme: Theme) { resolved[theme.name] = theme }

    /// The theme called `name`, resolved on first use and kept; nil if there is none or it
    /// does not load (the reducer never switches to a theme reported broken).
    public mutating func use(_ name: String) -> Theme? {
        if let theme = resolved[name] { return theme }
        guard let theme = try? theme(named: name).get() else { return nil }
        resolved[name] = theme
        return theme
    }

    /// The theme called `name`, resolved now (its `extends` chain included).
    public func theme(named name: String) -> Result<Theme, LoadError> {
        if let theme = resolved[name] { return .success(theme) }
        // A built-in theme nobody overrides comes compiled.
        if user[name] == nil, let theme = ThemeLoader.builtIn(name) { return .success(theme) }
        let all = ThemeLoader.definitions(user)
        guard all[name] != nil else {
            return .failure(.unreadable(file: name, reason: "no theme of that name\(Suggestion.didYouMean(name, among: names)) (available: \(names.joined(separator: ", ")))"))
        }
        return ThemeLoader.resolve(name, in: all)
    }
}
