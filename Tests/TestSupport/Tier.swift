import Foundation
import Testing

/// The two tiers of the suite. Plain `swift test` is the developer's loop (unit, snapshot,
/// property and a short end-to-end smoke, within two minutes); `TRILATERAL_SLOW=1` adds the
/// slow tier: sanitizer builds, libFuzzer, valgrind, sshd, million-action soaks, tmux soaks and
/// signal storms, and larger runs of the property tests. The README's test command runs both.
public enum Tier {
    /// Whether the slow tier runs.
    public static var slow: Bool { ProcessInfo.processInfo.environment["TRILATERAL_SLOW"].map { $0 != "" && $0 != "0" } ?? false }

    /// How long to wait for something to happen: `seconds` in the fast tier, four times that
    /// in the slow one, where two cores are shared with release builds, the fuzzer and valgrind
    /// (a program that quits in 45 ms here once took over 10 s to be seen gone). A wait still
    /// ends as soon as what it waits for happens; a real hang still fails.
    public static func patience(_ seconds: Double) -> Double { slow ? seconds * 4 : seconds }

    /// `n` in the fast tier, `slowN` in the slow one.
    public static func count(_ n: Int, slow slowN: Int) -> Int { slow ? slowN : n }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only in the slow tier (`TRILATERAL_SLOW=1`).
    public static var slowTier: Self { .enabled(if: Tier.slow, "slow tier: set TRILATERAL_SLOW=1") }
}

extension Trait where Self == TimeLimitTrait {
    /// A time limit that turns a hang into a failure: `fast` in the fast tier. In the slow tier
    /// the runner's threads (one per core) are held for minutes by tests that wait on builds,
    /// the fuzzer or tmux, and a started test can wait that long for one, so the limit there is
    /// the length of the whole slow run (about 15 minutes here) with room to spare.
    public static func hangGuard(_ fast: TimeLimitTrait.Duration) -> Self {
        .timeLimit(Tier.slow ? .minutes(45) : fast)
    }
}
