import Glibc
import TrilateralModel

/// The handout's "What the room thought": the polls of a session (`present --record`), worded
/// once for both formats. They record what the audience answered, not evidence, and the
/// section says so. Questions and labels are the briefing's own, by the record's ids (the
/// record's copies of them are only a reader's aid), so a record can add no words of its own.
struct RoomPolls {
    static let title = "What the room thought"
    static let note = "Polls the presenter put to the room during the session, on the what-if factors: one answer per follower connection, anonymous. They record what the audience thought, not evidence."

    /// The record with the briefing's own question and labels in place of its copies.
    static func worded(_ poll: PollRecord, in briefing: Briefing) -> PollRecord {
        guard let factor = briefing.factors.first(where: { $0.id == poll.factor }) else { return poll }
        var out = poll
        out.question = factor.question
        out.counts = poll.counts.map { count in
            var c = count
            c.label = factor.options.first { $0.id == count.option }?.label ?? count.label
            return c
        }
        return out
    }

    /// "Poll 2: Who wins the 2024 US presidential election?"
    static func heading(_ poll: PollRecord) -> String { "Poll \(poll.number): \(poll.question)" }

    /// "Open 7 Dec 2026 01:48–01:52 UTC · 19 answered, 3 did not."
    static func when(_ poll: PollRecord) -> String {
        let (openDay, openTime) = utc(poll.opened), (closeDay, closeTime) = utc(poll.closed)
        let span = openDay == closeDay ? "\(openDay) \(openTime)–\(closeTime) UTC" : "\(openDay) \(openTime) UTC to \(closeDay) \(closeTime) UTC"
        return "Open \(span) · \(poll.answered) answered, \(poll.notAnswered) did not."
    }

    /// A count's share of the answers, in whole percent ("—" when nobody answered).
    static func share(_ count: Int, of poll: PollRecord) -> String {
        PollRecord.percent(count, of: poll.answered).map { "\($0)%" } ?? "—"
    }

    /// What came of it: the room's choice and whether it was applied (with the scenario that
    /// made, when the record has it and it reads on `briefing`), a tie, or no answers.
    static func outcome(_ poll: PollRecord, in briefing: Briefing) -> String {
        let said = outcome(poll)
        guard poll.applied != nil, let spec = poll.scenario, case .success(let scenario) = Scenario.parse(spec, in: briefing) else { return said }
        return said + " The scenario then: \(scenario.changes(in: briefing))."
    }

    static func outcome(_ poll: PollRecord) -> String {
        let leaders = poll.leaders
        if leaders.isEmpty { return "Nobody answered." }
        if leaders.count > 1 { return "A tie between \(leaders.map(\.label).joined(separator: " and ")), \(leaders[0].count) each; nothing was applied." }
        let choice = leaders[0]
        return poll.applied == choice.option
            ? "The room chose \(choice.label); the presenter applied it as the scenario."
            : "The room chose \(choice.label); the presenter did not apply it."
    }

    /// A time (seconds since 1970) as a UTC day ("7 Dec 2026") and clock ("01:48").
    static func utc(_ seconds: Double) -> (day: String, time: String) {
        var t = time_t(seconds.isFinite ? max(0, min(seconds, 253_402_300_799)) : 0)
        var parts = tm()
        gmtime_r(&t, &parts)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)).display
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return (day, "\(two(parts.tm_hour)):\(two(parts.tm_min))")
    }
}
