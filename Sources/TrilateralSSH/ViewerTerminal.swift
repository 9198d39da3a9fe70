import TrilateralRemote

/// A viewer's terminal as its `pty-req` describes it: the terminal type, when this host's
/// terminfo knows it (else xterm-256color), and its size in cells.
struct ViewerTerminal {
    var profile: TerminalProfile
    var columns: Int
    var rows: Int

    /// What `pty-req` asked for, made safe: a name of letters, digits and `.-+_` only, that
    /// terminfo here has; a size of at least 1×1 and at most `maximumColumns` × `maximumRows`
    /// (a larger terminal shows the dashboard in its top-left corner), so no viewer can make
    /// the door draw and keep frames of a million cells.
    init?(requested term: String, columns: Int, rows: Int) {
        let clean = term.count <= 64 && !term.isEmpty && term.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.+_".contains($0)) }
        guard let profile = (clean ? TerminalProfile.named(term) : nil) ?? TerminalProfile.named("xterm-256color") else { return nil }
        self.profile = profile
        self.columns = Self.clamp(columns, fallback: 80, limit: Self.maximumColumns)
        self.rows = Self.clamp(rows, fallback: 24, limit: Self.maximumRows)
    }

    static let maximumColumns = 400, maximumRows = 200

    /// The terminal's new size (`window-change`), within the same bounds.
    mutating func resize(columns: Int, rows: Int) {
        self.columns = Self.clamp(columns, fallback: self.columns, limit: Self.maximumColumns)
        self.rows = Self.clamp(rows, fallback: self.rows, limit: Self.maximumRows)
    }

    static func clamp(_ n: Int, fallback: Int, limit: Int) -> Int { n <= 0 ? fallback : min(n, limit) }
}
