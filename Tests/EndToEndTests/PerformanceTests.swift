import Foundation
import TestSupport
import Testing

/// The performance goals as a regression check (slow tier): a release build measured against
/// a peer in the same run, as ratios, with room for this machine's noise. A figure past its
/// goal by more than that fails loudly with what was measured. The README's table is made
/// with the same scripts (`Tests/Performance/`).
@Suite("Performance against its goals", .slowTier, .serialized)
struct PerformanceTests {
    /// Repeated runs here vary by about 10% (medians of interleaved runs); a goal fails when
    /// missed by more than a quarter.
    static let noise = 1.25

    /// The release product: the binary the end-to-end tier drives (checked to be as new as
    /// the sources).
    static let release: Result<String, HarnessError> = Result { try TmuxHarness.binary }.mapError { $0 as? HarnessError ?? HarnessError("\($0)") }

    static func python(_ script: String, _ args: [String]) throws -> [String: Any] {
        let path = TmuxHarness.root.appending(path: "Tests/Performance/\(script)").path
        let out = try TmuxHarness.run("/usr/bin/python3", [path] + args)
        guard let data = out.split(separator: "\n").last.map({ Data($0.utf8) }),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HarnessError("\(script) printed no JSON: \(out)")
        }
        return json
    }

    @Test func startsWithinTwiceMdpAndStaysSmall() throws {
        let binary = try Self.release.get()
        let slides = TmuxHarness.root.appending(path: "Tests/Performance/briefing-slides.md").path
        let json = try Self.python("startup_compare.py", ["--json", "--runs", "31", "--name", "trilateral", "--", binary,
                                                          "--name", "mdp", "--", "/usr/bin/mdp", "-f", slides])
        let medians = try #require(json["medians"] as? [String: [String: Double]])
        let ours = try #require(medians["trilateral"]), mdp = try #require(medians["mdp"])
        // The fastest of 31 interleaved starts each, not the medians: this runs beside the rest
        // of the slow tier on two cores, where waiting for a core lands on the larger program
        // more (medians measured 2.8× there against 2.2× on a quiet machine). The README's
        // figure is the quiet machine's medians.
        let all = try #require(json["all"] as? [String: [[String: Double]]])
        func fastest(_ name: String) throws -> Double { try #require(all[name]?.compactMap { $0["first_frame_ms"] }.min()) }
        let ratio = try fastest("trilateral") / fastest("mdp")
        let report = "fastest \(try fastest("trilateral")) ms against \(try fastest("mdp")) ms; medians: trilateral \(ours), mdp -f \(mdp)"
        // Start-up, ten milliseconds against three, moves most with the neighbours: in this tier
        // the ratio has measured 1.8–2.8× for one build whose quiet figure is 2.2×. The check
        // allows half again; the regressions it is for (YAML parsed at start, the runtime linked
        // dynamically) cost 3.5× and more.
        #expect(ratio <= 2.0 * 1.5, "first frame \(ratio)× mdp -f (goal 2×, checked here at 3×): \(report)")
        #expect(ours["peak_rss_mib"]! <= 15 * Self.noise, "peak RSS (goal 15 MiB): \(report)")
        // Counts, not times: no noise to allow for. The first key also turns on keypad mode.
        #expect(ours["key_writes"]! <= 2, "write() calls for one key: \(report)")
        #expect(ours["key_bytes"]! <= 300, "bytes for a selection move (goal 300): \(report)")
        #expect(ours["first_frame_writes"]! <= 12, "write() calls for set-up and the first frame: \(report)")
    }

    /// The release binary carries the Swift runtime: copied to a host without a toolchain it
    /// needs only Debian's own libraries.
    @Test func theReleaseBinaryIsSelfContained() throws {
        let binary = try Self.release.get()
        let libraries = try TmuxHarness.run("/usr/bin/ldd", [binary])
        #expect(!libraries.isEmpty)
        for forbidden in ["swift", "Foundation", "icu", "/opt/"] {
            #expect(!libraries.contains(forbidden), "ldd shows \(forbidden):\n\(libraries)")
        }
        let version = try TmuxHarness.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", binary, "--version"])
        #expect(version.hasPrefix("0."), "runs with an empty environment: \(version)")
    }

    /// Opening grows with the briefing, not faster: ten times the events cost at most ten
    /// times the CPU time, with a log factor for the sorting and hashing that loading does
    /// (quadratic work would cost a hundred times), and the memory per event stays small.
    /// CPU time, the least of five runs, because this runs beside the rest of the slow tier on
    /// two cores: wall time there measured 100k events at 2.0 s against 1.3 s alone.
    @Test func largeBriefingsOpenInLinearTimeAndMemory() throws {
        let binary = try Self.release.get()
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-perf-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var figures: [(cpu: Double, mib: Double)] = []
        for (events, commitments) in [(10_000, 1_000), (100_000, 10_000)] {
            let file = dir.appending(path: "\(events).yaml").path
            _ = try TmuxHarness.run("/usr/bin/python3", [TmuxHarness.root.appending(path: "Tests/Performance/big_briefing.py").path, "\(events)", "\(commitments)", file])
            let json = try Self.python("open_measure.py", ["--runs", "5", "--", binary, "snapshot", "--briefing", file, "--size", "120x40"])
            figures.append((try #require(json["cpu_seconds_min"] as? Double), try #require(json["peak_rss_mib"] as? Double)))
        }
        let (small, large) = (figures[0], figures[1])
        let nLogN = 10 * log(100_000.0) / log(10_000.0)
        #expect(large.cpu <= nLogN * small.cpu * Self.noise,
                "open, CPU time: 10k events \(small.cpu) s, 100k \(large.cpu) s (\(large.cpu / small.cpu)×, bound \(nLogN * Self.noise)×)")
        #expect(large.mib <= 250, "peak RSS opening 100,000 events: \(large.mib) MiB (goal 250)")
    }
}
