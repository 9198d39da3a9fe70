import BuiltInBriefings
import Testing
@testable import TrilateralModel

/// The audience's copy of a briefing (`SpeakerNotes.removed`): no note text left, everything
/// else the same, the same lines; and a note that cannot be cut out safely is refused.
@Suite("Speaker notes kept from the audience")
struct SpeakerNotesTests {
    static let base = """
    title: Notes test
    author: A
    published: 2024-10-09
    countries: [{id: us, name: United States, short: US}]
    pillars:
      - {id: p1, name: Pillar one, summary: S, cite: {para: 1}}

    """

    @Test func theBuiltInBriefingLosesEveryNoteAndNothingElse() throws {
        let text = try #require(BuiltInBriefings.text(named: BuiltInBriefings.defaultName))
        let redacted = try #require(SpeakerNotes.removed(from: text))
        let original = try BriefingLoader.load(text: text, file: "b").get().briefing
        let loaded = try BriefingLoader.load(text: redacted, file: "b").get().briefing
        #expect(!original.tour.isEmpty && original.tour.allSatisfy { !$0.notes.isEmpty }, "the check needs notes to remove")
        #expect(loaded.tour.allSatisfy { $0.notes.isEmpty })
        for step in original.tour {
            for sentence in step.notes.split(separator: ".") where sentence.count > 12 {
                #expect(!redacted.contains(sentence), "note text left: \(sentence)")
            }
        }
        #expect(redacted.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count,
                "the same line numbers, for any message a follower shows")
        #expect(loaded.title == original.title && loaded.events == original.events && loaded.tour.map(\.caption) == original.tour.map(\.caption))
    }

    @Test(arguments: [
        // block, folded, flow, quoted, multi-line plain, and text with Korean and Japanese before the note
        "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n    notes: |\n      SECRET one\n      SECRET two\n",
        "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n    notes: >-\n      SECRET folded\n      over lines\n",
        "tour:\n  - {show: pillar, pillar: p1, caption: \"한국 日本\", notes: 'SECRET flow'}\n",
        "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n    notes: \"SECRET \\\"quoted\\\"\"\n",
        "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n    notes: SECRET plain\n      continued\n",
        "tour:\n  - show: pillar\n    pillar: p1\n    caption: 한국 日本 🇯🇵\n    notes: SECRET after wide text\n",
    ])
    func everyStyleOfNoteIsRemoved(_ tour: String) throws {
        let text = Self.base + tour
        if case .failure(let e) = BriefingLoader.load(text: text, file: "t") { Issue.record("the test's briefing does not load: \(e)"); return }
        let redacted = try #require(SpeakerNotes.removed(from: text), "\(tour)")
        #expect(!redacted.contains("SECRET"), "\(redacted)")
        #expect(try BriefingLoader.load(text: redacted, file: "t").get().briefing.tour.first?.caption.isEmpty == false)
    }

    @Test func aNoteOthersReferToIsRefusedNotLeaked() {
        // The anchored note is used again as the second step's caption: cutting it out would
        // change the caption, so the text is refused rather than sent with the note.
        let text = Self.base + "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n    notes: &n SECRET\n  - show: pillar\n    pillar: p1\n    caption: *n\n"
        if case .failure(let e) = BriefingLoader.load(text: text, file: "t") { Issue.record("the test's briefing does not load: \(e)"); return }
        #expect(SpeakerNotes.removed(from: text) == nil)
    }

    @Test func aBriefingWithoutNotesIsSentAsWritten() {
        let text = Self.base + "tour:\n  - show: pillar\n    pillar: p1\n    caption: C\n"
        #expect(SpeakerNotes.removed(from: text) == text)
    }
}
