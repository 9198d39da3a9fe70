import Foundation
import TestSupport

/// Drives the real `trilateral` binary inside a private tmux server: a real terminal
/// emulator, with send-keys, capture-pane and resize-window. The first program runs in the
/// session "main"; `open` starts more (a presenter's followers) in sessions of their own size.
final class TmuxHarness {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Puts the example briefing's source text beside a copy of the example, as an author
    /// moving the briefing would: the copy names it, relative to itself.
    static func copyExampleText(beside briefing: URL) {
        let text = root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.md")
        let target = briefing.deletingLastPathComponent().appending(path: "example-harbour-pact.md")
        if !FileManager.default.fileExists(atPath: target.path) { try? FileManager.default.copyItem(at: text, to: target) }
    }

    /// The binary the end-to-end tests drive: the release build, the one users install
    /// (`swift build -c release`). `swift test` builds neither it nor any executable, so a
    /// binary older than the sources would test yesterday's code: that fails loudly instead.
    static var binary: String {
        get throws {
            try freshness.get()
            return builtBinary
        }
    }
    static let builtBinary = root.appending(path: ".build/release/trilateral").path
    /// The dashboard and the room's doors it starts (which sit beside it), each checked against
    /// the folders under Sources/ it is built from: a build relinks a binary only for a change
    /// it links, so a door's change leaves the dashboard's binary older, and rightly so.
    static let freshness: Result<Void, HarnessError> = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "Sources").path)) ?? []
        let doorsOnly = ["TrilateralSSH", "TrilateralWeb", "TrilateralWebRoom", "TrilateralDoorServer", "TrilateralRemote"]
        let shared = ["TrilateralDoor", "TrilateralShare", "TrilateralModel", "TrilateralUI", "TrilateralExport", "TrilateralStyle", "CLibYAML", "EmbedPlugin", "EmbedTool"]
        let binaries: [(String, [String])] = [
            ("trilateral", all.filter { !doorsOnly.contains($0) && $0 != "TrilateralFuzz" && $0 != "TrilateralBench" }),
            ("trilateral-ssh", ["TrilateralSSH", "TrilateralDoorServer", "TrilateralRemote", "TrilateralTerminal", "CNcursesw"] + shared.filter { $0 != "TrilateralExport" }),
            ("trilateral-web", ["TrilateralWeb", "TrilateralWebRoom", "TrilateralDoorServer"] + shared),
        ]
        for (name, targets) in binaries {
            let path = root.appending(path: ".build/release/\(name)").path
            if case .failure(let error) = BinaryFreshness.check(path, root: root, build: "swift build -c release", targets: targets) { return .failure(error) }
        }
        return .success(())
    }()

    let socket = "trilateral-e2e-\(UUID().uuidString.prefix(8))"
    let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-e2e-\(UUID().uuidString.prefix(8))")
    private(set) var main: TmuxPane!

    init(width: Int = 120, height: Int = 40, arguments: String = "", term: String = "xterm-256color", environment: [String] = []) throws {
        let binary = try Self.binary
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        main = try open("main", width: width, height: height, command: "\(binary) \(arguments)", term: term, environment: environment)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Starts `command` in a new tmux session of its own size. The pane's shell records the
    /// terminal modes before and after, and the exit status; a known environment (the test
    /// runner may set NO_COLOR).
    func open(_ name: String, width: Int, height: Int, command: String, term: String = "xterm-256color", environment: [String] = []) throws -> TmuxPane {
        let pane = TmuxPane(socket: socket, target: name, dir: dir.appending(path: name))
        try FileManager.default.createDirectory(at: pane.dir, withIntermediateDirectories: true)
        let d = pane.dir.path
        let script = "stty -g > \(d)/before; \(command); echo $? > \(d)/status; stty -g > \(d)/after; sleep 60"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env", "-u", "NO_COLOR", "-u", "COLORTERM", "TERM=\(term)", "LANG=C.UTF-8", "ESCDELAY=150"] + environment + ["sh", "-c", script])
        return pane
    }

    /// `trilateral ARGUMENTS` in a new session.
    func open(_ name: String, width: Int, height: Int, arguments: String) throws -> TmuxPane {
        try open(name, width: width, height: height, command: "\(try Self.binary) \(arguments)")
    }

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
        // The test runner's threads block most signals, and a blocked mask is inherited: tmux's
        // server would then never see SIGTERM (kill-server) or SIGCHLD, and would outlive the
        // test with every program in it. Start it as a shell would: nothing blocked, defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { throw HarnessError("cannot run \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    // The main session's pane, as before.
    func screen() throws -> String { try main.screen() }
    func keys(_ keys: String...) throws { try main.tmux(["send-keys"] + keys) }
    func resize(_ w: Int, _ h: Int) throws { try main.resize(w, h) }
    func waitFor(_ text: String, seconds: Double = 10) throws -> String { try main.waitFor(text, seconds: seconds) }
    func waitForExit(seconds: Double = 10) throws -> (status: Int, sttyRestored: Bool) { try main.waitForExit(seconds: seconds) }
    func programPID() throws -> Int32 { try main.programPID() }
}

/// One tmux session of the harness, running one program. It names the harness's tmux server
/// by its socket rather than holding the harness, so the harness's `deinit` (which kills the
/// server and every program in it) runs when a test lets go of it.
struct TmuxPane {
    let socket: String
    let target: String
    let dir: URL

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try TmuxHarness.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + Array(args.prefix(1)) + ["-t", target] + args.dropFirst())
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    func keys(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-x", "\(w)", "-y", "\(h)"]) }

    /// Waits up to `seconds` for the screen to contain `text`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitUntil("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    /// Waits up to `seconds` for the screen to satisfy `test`.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, _ test: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(Tier.patience(seconds))
        var last = ""
        while Date() < deadline {
            last = try screen()
            if test(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("\(target): timed out waiting for \(what); screen was:\n\(last)")
    }

    /// Waits until the screen stays the same over three captures 30 ms apart (the program has
    /// drawn what it was given), at most `seconds`.
    func waitUntilStable(seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(Tier.patience(seconds))
        var last = try screen(), same = 0
        while same < 3 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.03)
            let now = try screen()
            same = now == last ? same + 1 : 0
            last = now
        }
    }

    /// Waits for the program to exit; returns its status and whether `stty -g` is unchanged.
    func waitForExit(seconds: Double = 10) throws -> (status: Int, sttyRestored: Bool) {
        let deadline = Date().addingTimeInterval(Tier.patience(seconds))
        let statusFile = dir.appending(path: "status").path, afterFile = dir.appending(path: "after").path
        while Date() < deadline {
            if let after = try? String(contentsOfFile: afterFile, encoding: .utf8), !after.isEmpty,
               let status = try? String(contentsOfFile: statusFile, encoding: .utf8) {
                let before = try String(contentsOfFile: dir.appending(path: "before").path, encoding: .utf8)
                return (Int(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, before == after)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("\(target): the program did not exit; screen was:\n\(try screen())")
    }

    /// Whether the program is still running (the pane has not recorded an exit status).
    var isRunning: Bool { !FileManager.default.fileExists(atPath: dir.appending(path: "status").path) }

    /// The pid of the program (the pane shell's child).
    func programPID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try TmuxHarness.run("/usr/bin/pgrep", ["-P", shell])
        guard let pid = Int32(children.split(separator: "\n").first ?? "") else { throw HarnessError("no program under \(shell)") }
        return pid
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
