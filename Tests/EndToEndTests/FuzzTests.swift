import Foundation
import TestSupport
import Testing

/// The loaders under libFuzzer with AddressSanitizer, for a bounded time (`FUZZ_SECONDS`,
/// default 60), from the seeds `Tests/Fuzz/seeds.sh` gathers; and the seeds replayed through the
/// release build of the same entry point.
@Suite("Fuzzing the loaders", .serialized)
struct FuzzTests {
    @Test func seedCorpusReplaysCleanly() throws {
        let replay = TmuxHarness.root.appending(path: ".build/release/trilateral-fuzz").path
        // What trilateral-fuzz links (Package.swift): the model and UI, and what they stand on.
        let targets = ["TrilateralFuzz", "TrilateralModel", "TrilateralUI", "TrilateralStyle", "CLibYAML"]
        try BinaryFreshness.check(replay, root: TmuxHarness.root, build: "swift build -c release", targets: targets).get()
        let corpus = FileManager.default.temporaryDirectory.appending(path: "seeds-\(UUID().uuidString.prefix(8))").path
        _ = try TmuxHarness.run(TmuxHarness.root.appending(path: "Tests/Fuzz/seeds.sh").path, [corpus])
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map { corpus + "/" + $0 }
        #expect(files.count >= 30)
        let out = try TmuxHarness.run(replay, files)
        #expect(out.contains("replayed \(files.count) inputs"))
    }

    @Test(.slowTier, .timeLimit(.minutes(30)))  // a hang guard: it may also wait for a runner thread (see `hangGuard`)
    func libFuzzerFindsNoCrash() throws {
        let seconds = ProcessInfo.processInfo.environment["FUZZ_SECONDS"] ?? "60"
        let log = FileManager.default.temporaryDirectory.appending(path: "fuzz-\(UUID().uuidString.prefix(8)).log").path
        let script = TmuxHarness.root.appending(path: "Tests/Fuzz/run.sh").path
        _ = try TmuxHarness.run("/bin/sh", ["-c", "\(script) \(seconds) > \(log) 2>&1; echo \"exit $?\" >> \(log)"])
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let tail = text.split(separator: "\n").suffix(30).joined(separator: "\n")
        #expect(text.contains("exit 0"), "the fuzzer failed or found a crash (input in .build-fuzz/crashes/):\n\(tail)")
        #expect(text.contains("stat::number_of_executed_units"), "the fuzzer did not run:\n\(tail)")
    }
}
