import TrilateralRemote

/// A viewer's terminal as its `pty-req` describes it: the terminal type, when this host's
/// terminfo knows it (else xterm-256color), and its size in cells.
struct ViewerTerminal {
    var profile: TerminalProfile
    var columns: Int
    var rows: Int

    /// What `pty-req` asked for, made safe: a name of letters, digits and `.-+_` only, that
    /// terminfo here has; a size within 1…1000.
    init?(requested term: String, columns: Int, rows: Int) {
        let clean = term.count <= 64 && !term.isEmpty && term.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.+_".contains($0)) }
        guard let profile = (clean ? TerminalProfile.named(term) : nil) ?? TerminalProfile.named("xterm-256color") else { return nil }
        self.profile = profile
        self.columns = Self.clamp(columns, fallback: 80)
        self.rows = Self.clamp(rows, fallback: 24)
    }

    static func clamp(_ n: Int, fallback: Int) -> Int { n <= 0 ? fallback : min(n, 1000) }
}
