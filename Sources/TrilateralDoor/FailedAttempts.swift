import Dispatch
import Synchronization

/// Wrong room codes, counted per address, so guessing costs time: each address may fail
/// `allowance` times, then waits twice as long after each further failure (from 1 s up to
/// `longestWait`); a right code or `forgetAfter` seconds of quiet clear its count. Across all
/// addresses at most `globalPerMinute` failures are judged a minute; the rest wait too, so many
/// addresses guessing at once cannot share out the code space. Memory is bounded: at most
/// `trackedLimit` addresses are kept (the oldest are forgotten first).
public final class FailedAttempts: Sendable {
    public static let allowance = 3
    public static let longestWait = 60.0
    public static let forgetAfter = 600.0
    public static let globalPerMinute = 120
    public static let trackedLimit = 4096

    private struct Record { var failures: Int; var last: Double }
    private struct State { var byAddress: [String: Record] = [:]; var minute: Double = 0; var inMinute = 0 }
    private let state = Mutex(State())
    private let clock: @Sendable () -> Double

    public init(clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) { self.clock = clock }

    /// How long (seconds) an attempt from `address` must wait before it is judged; 0 for at once.
    public func wait(for address: String) -> Double {
        let now = clock()
        return state.withLock { state in
            var wait = 0.0
            if let record = state.byAddress[address], now - record.last < Self.forgetAfter, record.failures >= Self.allowance {
                wait = min(Self.longestWait, Double(1 << min(record.failures - Self.allowance, 6)))
                wait = max(0, record.last + wait - now)
            }
            if now - state.minute >= 60 { state.minute = now; state.inMinute = 0 }
            if state.inMinute >= Self.globalPerMinute { wait = max(wait, state.minute + 60 - now) }
            return wait
        }
    }

    /// Whether the cap on wrong codes a minute, across all addresses, is reached: then everyone
    /// waits, whoever they are (worth telling the presenter and the one waiting).
    public var everyoneWaits: Bool {
        let now = clock()
        return state.withLock { now - $0.minute < 60 && $0.inMinute >= Self.globalPerMinute }
    }

    /// A wrong code from `address`.
    public func failed(_ address: String) {
        let now = clock()
        state.withLock { state in
            var record = state.byAddress[address].flatMap { now - $0.last < Self.forgetAfter ? $0 : nil } ?? Record(failures: 0, last: now)
            record.failures += 1
            record.last = now
            if state.byAddress[address] == nil, state.byAddress.count >= Self.trackedLimit,
               let oldest = state.byAddress.min(by: { $0.value.last < $1.value.last })?.key {
                state.byAddress[oldest] = nil
            }
            state.byAddress[address] = record
            if now - state.minute >= 60 { state.minute = now; state.inMinute = 0 }
            state.inMinute += 1
        }
    }

    /// A right code from `address`: its failures are forgotten.
    public func succeeded(_ address: String) {
        _ = state.withLock { $0.byAddress.removeValue(forKey: address) }
    }
}
