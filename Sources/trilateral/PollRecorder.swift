import FoundationEssentials
import TrilateralModel

/// `present --record FILE`: the session's closed polls, written to a JSON file (`PollLog`) each
/// time the record changes, so a presenter that is killed keeps what the room answered.
@MainActor
final class PollRecorder {
    let path: String
    let briefing: String
    private var written: [PollRecord]?

    /// Checks at start that the file can be written (a bad path fails now, not after the talk).
    init(path: String, briefing: String) throws {
        self.path = path
        self.briefing = briefing
        try write([])
    }

    /// Writes the record if it changed since the last write.
    func keep(_ polls: [PollRecord]) {
        guard polls != written else { return }
        // A failed write must not end the talk: the next change tries again.
        try? write(polls)
    }

    private func write(_ polls: [PollRecord]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(PollLog(briefing: briefing, polls: polls))
        try OutputFile.write(String(decoding: data, as: UTF8.self) + "\n", to: path)
        written = polls
    }
}
