/// The tour's clock in words, for the presenter's status bar and the presenter view.
enum ClockText {
    /// "4:07", "1:02:03": minutes and seconds, hours when there are some.
    static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    /// "12 min left", "3 min over" (whole minutes, rounded toward the next), "under a minute left".
    static func left(_ clock: TourClock, now: Double) -> String? {
        guard let duration = clock.duration, let started = clock.tourStarted else { return nil }
        let left = duration - (now - started)
        if left >= 0 { return left < 60 ? "under a minute left" : "\(Int((left / 60).rounded(.up))) min left" }
        return "\(Int((-left / 60).rounded(.up))) min over"
    }

    /// Against an even share of `duration` per step: "on time", "2 min behind", "1 min ahead".
    /// Behind when the current step has run past its share's end; ahead when it began before
    /// its share's start; whole minutes, and within a minute counts as on time.
    static func pace(_ clock: TourClock, now: Double, steps: Int) -> String? {
        guard let duration = clock.duration, let started = clock.tourStarted, let step = clock.step, steps > 0 else { return nil }
        let share = duration / Double(steps)
        let elapsed = now - started
        let behind = elapsed - share * Double(step + 1)
        let ahead = share * Double(step) - (clock.stepStarted.map { $0 - started } ?? elapsed)
        if behind >= 60 { return "\(Int(behind / 60)) min behind" }
        if ahead >= 60 { return "\(Int(ahead / 60)) min ahead" }
        return "on time"
    }
}
