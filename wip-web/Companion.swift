import Glibc
import Synchronization
import TrilateralDoor

/// The presenter's side of standard output: the ready line, then notices, each kind at most
/// once every ten seconds so a crowd at the door cannot flood the presenter's status bar.
final class Companion: Sendable {
    private let lastNotice = Mutex<[String: Double]>([:])

    func ready(listening: String, url: String) { emit(CompanionMessage(listening: listening, url: url).line) }

    /// A notice of a kind ("full", "code"), unless one of that kind went out in the last 10 s.
    func notice(_ text: String, kind: String) {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let now = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        let due = lastNotice.withLock { last in
            if let t = last[kind], now - t < 10 { return false }
            last[kind] = now
            return true
        }
        if due { emit(CompanionMessage(notice: text).line) }
    }

    private func emit(_ line: String) {
        _ = line.withCString { write(1, $0, strlen($0)) }
    }
}
