/// The key table written out for people: the README's table, the command line's `--help`, and
/// the lines the help overlay shows. All of it comes from `Keymap.table`.
public enum KeyDocs {
    /// The README's key table (between `<!-- keys -->` markers; a test keeps it in step).
    public static var markdown: String {
        var out = "| key | where | does |\n| --- | --- | --- |\n"
        for binding in Keymap.table {
            let keys = "`\(binding.keys)`"
            let where_ = binding.mode == .dashboard ? (binding.followers ? "anywhere, followers too" : "dashboard") : binding.mode.title
            out += "| \(keys) | \(where_) | \(binding.help.replacing("|", with: "\\|")) |\n"
        }
        return out
    }

    /// One line per dashboard binding, for `trilateral --help`.
    public static var summary: String {
        Keymap.bindings(in: .dashboard).map { "\($0.keys): \($0.help)" }.joined(separator: " · ")
    }

    /// A follower's keys, one "keys: what it does" each, for `trilateral follow --help`.
    public static var followerSummary: String {
        Keymap.followerBindings.map { "\($0.keys.replacing("  ", with: ", ")): \($0.help)" }.joined(separator: " · ")
    }

    /// The help overlay's key lines for the state: the mode on top (for a follower, its own
    /// keys), then a pointer to the rest.
    static func overlay(_ state: AppState) -> [(keys: String, does: String)] {
        if state.local.following != nil {
            return Keymap.followerBindings.map { ($0.keys, $0.help) } + [("", "the presenter drives everything else")]
        }
        var underneath = state
        underneath.local.helpVisible = false
        let mode = Keymap.modes(underneath).first ?? .dashboard
        var lines = Keymap.bindings(in: mode).map { ($0.keys, $0.help) }
        if mode != .dashboard { lines.append(("", "and the dashboard's keys, where the \(mode.title) does not use them")) }
        return lines
    }
}
