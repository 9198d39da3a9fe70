import Foundation
import TestSupport
import Testing

/// Memory checks of scripted sessions: valgrind memcheck over the headless commands (snapshot,
/// dump) — no definite or indirect leaks, no memory errors outside the Swift runtime's
/// metadata set-up (Tests/Memcheck/swift-runtime.supp); valgrind 3.19 cannot read the DWARF 5
/// the toolchain writes, so it runs on a copy with the debug info stripped — and
/// LeakSanitizer over an interactive presenter and follower in tmux.
@Suite("Memory check", .serialized, .slowTier)
struct MemcheckTests {
    static let valgrind = "/usr/bin/valgrind"

    static func strippedBinary() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: valgrind) else { throw HarnessError("valgrind is missing: install valgrind (.ci/run does)") }
        let copy = FileManager.default.temporaryDirectory.appending(path: "trilateral-memcheck-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.copyItem(atPath: (try TmuxHarness.binary), toPath: copy)
        _ = try TmuxHarness.run("/usr/bin/strip", ["--strip-debug", copy])
        return copy
    }

    static func options(log: String) -> [String] {
        ["--leak-check=full", "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=99",
         "--suppressions=\(TmuxHarness.root.appending(path: "Tests/Memcheck/swift-runtime.supp").path)", "--log-file=\(log)"]
    }

    /// The leak and error summary of a valgrind log, checked.
    static func check(_ log: String) throws {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("definitely lost: 0 bytes") || text.contains("All heap blocks were freed"), "\(log)")
        #expect(text.contains("indirectly lost: 0 bytes") || text.contains("All heap blocks were freed"), "\(log)")
        #expect(text.contains("ERROR SUMMARY: 0 errors"), "memory errors, see \(log)")
    }

    @Test func headlessSessionHasNoLeaksOrErrors() throws {
        let binary = try Self.strippedBinary()
        for (name, args) in [
            ("snapshot", ["snapshot", "--size", "120x40", "--keys", "jjj<Tab>j<Enter>wl1<Space>e<Esc>b<Space><Space>s/semi<Enter>nHSt+-.<resize:80x24>jq"]),
            ("dump", ["dump", "--scenario", "as-it-happened", "--layer", "hindsight"]),
        ] {
            let log = FileManager.default.temporaryDirectory.appending(path: "memcheck-\(name)-\(UUID().uuidString.prefix(8)).log").path
            _ = try TmuxHarness.run(Self.valgrind, Self.options(log: log) + [binary] + args)
            try Self.check(log)
        }
    }

    /// The interactive dashboard cannot run under valgrind 3.19 (it dies in libdispatch's
    /// signal thread), so a presenter and a follower run built with AddressSanitizer and
    /// LeakSanitizer instead (start-up allocations suppressed: Tests/Memcheck/lsan.supp).
    @Test(.timeLimit(.minutes(30)))  // a hang guard: it may also wait for a runner thread (see `hangGuard`)
    func interactiveSessionsHaveNoLeaksOrErrors() throws {
        let build = try TmuxHarness.run("/bin/sh", ["-c", "cd \(TmuxHarness.root.path) && TRILATERAL_SANITIZE=address swift build --scratch-path .build-asan --product trilateral 2>&1 | tail -3"])
        let binary = TmuxHarness.root.appending(path: ".build-asan/debug/trilateral").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { Issue.record("the ASan build failed: \(build)"); return }
        let logs = FileManager.default.temporaryDirectory.appending(path: "lsan-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let env = "env ASAN_OPTIONS=detect_leaks=1:log_path=\(logs)/log LSAN_OPTIONS=exitcode=0:suppressions=\(TmuxHarness.root.appending(path: "Tests/Memcheck/lsan.supp").path)"
        let t = try TmuxHarness(width: 120, height: 40, arguments: "--version")
        _ = try t.main.waitForExit()
        let sessions = "/tmp/tri-\(UUID().uuidString.prefix(8))"
        let presenter = try t.open("p", width: 120, height: 40, command: "\(env) \(binary) present --session m --dir \(sessions)")
        try presenter.waitFor("Trilateral │", seconds: 30)
        let follower = try t.open("f", width: 80, height: 24, command: "\(env) \(binary) follow m --dir \(sessions)")
        try follower.waitFor("following m", seconds: 30)
        for keys in [["j", "j", "Tab", "Enter"], ["w", "1", "Space", "w"], ["b", "Space", "Space", "b"], ["/", "chip", "Enter", "n"], ["t", "+", "Escape"], ["H", "S", "S"],
                     ["Tab", "j", "Tab", "k", "Enter"], ["c", "Escape", "w"], ["e", "z", "z"]] {
            try presenter.tmux(["send-keys"] + keys)
            Thread.sleep(forTimeInterval: 0.3)
        }
        try presenter.resize(90, 30)
        try follower.keys("T", "?", "x", "j")
        Thread.sleep(forTimeInterval: 0.5)
        try presenter.keys("q")
        #expect(try presenter.waitForExit(seconds: 30) == (0, true))
        try follower.waitFor("Waiting for the presenter", seconds: 10)
        try follower.keys("q")
        #expect(try follower.waitForExit(seconds: 30) == (0, true))
        // No memory errors at all. Leaks: at exit LeakSanitizer reports, at most, the follower's
        // read buffer, which only libdispatch's source handlers still hold (memory it cannot
        // scan); a stopped publisher (the audience's and the presenter view's) holds no frame. They are single allocations however
        // long the session runs (40 keys here, 5 in a short run: the same); anything that grows
        // with the session fails.
        let reports = try FileManager.default.contentsOfDirectory(atPath: logs)
        for report in reports {
            let text = try String(contentsOfFile: "\(logs)/\(report)", encoding: .utf8)
            #expect(!text.contains("ERROR: AddressSanitizer"), "\(report):\n\(text.prefix(3000))")
            if let summary = text.split(separator: "\n").first(where: { $0.contains("SUMMARY: AddressSanitizer:") && $0.contains("leaked in") }) {
                let allocations = Int(summary.split(separator: " ").dropLast().last ?? "") ?? Int.max
                #expect(allocations <= 2, "leaks that may grow: \(summary)\n\(text.prefix(3000))")
            }
        }
    }
}
