import CPty
import Glibc

/// The terminal a viewer's follower draws on: a pty of the viewer's size, with the terminal
/// type its `pty-req` names when this host knows that type (else xterm-256color), UTF-8.
struct ViewerTerminal {
    var term: String
    var columns: Int
    var rows: Int

    /// What `pty-req` asked for, made safe: a name of letters, digits and `.-+_` only, that a
    /// terminfo folder here has; a size within 1…1000.
    init(requested term: String, columns: Int, rows: Int) {
        let clean = term.count <= 64 && !term.isEmpty && term.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.+_".contains($0)) }
        self.term = clean && Self.known(term) ? term : "xterm-256color"
        self.columns = Self.clamp(columns, fallback: 80)
        self.rows = Self.clamp(rows, fallback: 24)
    }

    static func clamp(_ n: Int, fallback: Int) -> Int { n <= 0 ? fallback : min(n, 1000) }

    /// Whether a terminfo entry for `term` is installed.
    static func known(_ term: String) -> Bool {
        guard let first = term.first else { return false }
        let hex = String(first.asciiValue ?? 0, radix: 16)
        for folder in ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"] {
            for sub in [String(first), hex] where access("\(folder)/\(sub)/\(term)", R_OK) == 0 { return true }
        }
        return false
    }
}

/// A follower process on its own pty.
struct ViewerProcess {
    let pid: pid_t
    /// The pty's controller, non-blocking; the caller owns it.
    let controller: Int32

    /// Opens a pty of `terminal`'s size and starts `command` on it as a session leader.
    static func start(_ command: [String], terminal: ViewerTerminal, environment: [String: String]) -> ViewerProcess? {
        var name = [CChar](repeating: 0, count: 128)
        let fd = cpty_open(&name, UInt(name.count), UInt16(terminal.rows), UInt16(terminal.columns))
        guard fd >= 0 else { return nil }
        var env = environment
        env["TERM"] = terminal.term
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        let pid = name.withUnsafeBufferPointer { cpty_spawn(command[0], argv, envp, $0.baseAddress) }
        guard pid > 0 else { close(fd); return nil }
        return ViewerProcess(pid: pid, controller: fd)
    }

    func resize(columns: Int, rows: Int) {
        _ = cpty_resize(controller, UInt16(ViewerTerminal.clamp(rows, fallback: 24)), UInt16(ViewerTerminal.clamp(columns, fallback: 80)))
    }
}
