import Foundation

/// Drives the real `trilateral` binary inside a private tmux server: a real terminal
/// emulator, with send-keys, capture-pane and resize-window.
final class TmuxHarness {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: String { root.appending(path: ".build/debug/trilateral").path }

    let socket = "trilateral-e2e-\(UUID().uuidString.prefix(8))"
    let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-e2e-\(UUID().uuidString.prefix(8))")

    init(width: Int = 120, height: Int = 40, arguments: String = "", term: String = "xterm-256color", environment: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw HarnessError("\(Self.binary) is missing: run `swift build` before the end-to-end tests")
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A known environment (the test runner may set NO_COLOR); the pane's shell records the terminal modes before and after, and the exit status.
        let script = "stty -g > \(dir.path)/before; \(Self.binary) \(arguments); echo $? > \(dir.path)/status; stty -g > \(dir.path)/after; sleep 60"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "env", "-u", "NO_COLOR", "-u", "COLORTERM", "TERM=\(term)", "LANG=C.UTF-8", "ESCDELAY=150"] + environment + ["sh", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try Self.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + args)
    }

    /// Runs a command to completion and returns its output, with posix_spawn and waitpid
    /// (Foundation's Process can miss the exit of a client whose server daemonises, like tmux).
    static func run(_ path: String, _ args: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appending(path: "trilateral-e2e-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw HarnessError("cannot run \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    func keys(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-x", "\(w)", "-y", "\(h)"]) }

    /// Waits up to `seconds` for the screen to contain `text`.
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("timed out waiting for '\(text)'; screen was:\n\(last)")
    }

    /// Waits for the program to exit; returns its status and whether `stty -g` is unchanged.
    func waitForExit(seconds: Double = 10) throws -> (status: Int, sttyRestored: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        let statusFile = dir.appending(path: "status").path, afterFile = dir.appending(path: "after").path
        while Date() < deadline {
            if let after = try? String(contentsOfFile: afterFile, encoding: .utf8), !after.isEmpty,
               let status = try? String(contentsOfFile: statusFile, encoding: .utf8) {
                let before = try String(contentsOfFile: dir.appending(path: "before").path, encoding: .utf8)
                return (Int(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, before == after)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("the program did not exit; screen was:\n\(try screen())")
    }

    /// The pid of the dashboard process (the pane shell's child).
    func programPID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Self.run("/usr/bin/pgrep", ["-P", shell, "-f", "trilateral"])
        guard let pid = Int32(children.split(separator: "\n").first ?? "") else { throw HarnessError("no trilateral process under \(shell)") }
        return pid
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
