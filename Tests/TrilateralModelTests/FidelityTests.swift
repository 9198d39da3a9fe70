import BuiltInBriefings
import Foundation
import Testing
@testable import TrilateralModel

/// The built-in briefing says no more than its sources: every quote it gives as the article's
/// is verbatim and in the paragraph it cites, the hindsight record is sourced and says where it
/// ends, and every scorecard verdict rests on something that happened after the article.
@Suite("Fidelity of the built-in briefing")
struct FidelityTests {
    let b = BuiltInBriefings.standard

    /// The built-in briefing's YAML, loaded from its folder as `trilateral validate` loads it:
    /// with the article's text, so every ¶-quote is checked by the feature's own code path.
    static let fromFile: Result<BriefingLoader.Loaded, LoadError> = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return BriefingLoader.load(path: root.appending(path: "Sources/BuiltInBriefings/capistrano-2024.yaml").path)
    }()

    /// The article's body paragraphs, ¶1 first, as the briefing's `paragraphs` rule counts them.
    static var paragraphs: [String] {
        guard case .success(let loaded) = fromFile else { return [] }
        return loaded.briefing.source("article")?.text?.paragraphs ?? []
    }

    @Test func theArticleTextIsThere() {
        #expect(Self.paragraphs.count == 11)
        #expect(Self.paragraphs.first?.hasPrefix("On 18 August 2023") == true)
        #expect(Self.paragraphs.last?.hasSuffix("it will be a question of leadership.") == true)
    }

    @Test func everyArticleQuoteIsVerbatimInItsParagraph() throws {
        let loaded = try Self.fromFile.get()
        #expect(loaded.quotesChecked >= 70)
        #expect(loaded.quotesUnchecked == 0)
        // What the file says is what the binary carries (the embedded copy has no text).
        #expect(loaded.briefing.citations.map(\.1) == b.citations.map(\.1))
    }

    @Test func theQuoteCheckCatchesAMisquote() throws {
        // The check above must be able to fail: a one-word change is reported at the quote.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appending(path: "Sources/BuiltInBriefings").path
        let text = try String(contentsOfFile: folder + "/capistrano-2024.yaml", encoding: .utf8)
        let changed = text.replacing("trilateral could falter", with: "trilateral would falter")
        #expect(changed != text)
        guard case .failure(.invalid(let errors)) = BriefingLoader.load(text: changed, file: "changed.yaml", folder: folder) else {
            Issue.record("a misquote validated"); return
        }
        #expect(errors.contains { $0.message.contains("not in ¶9 of") && $0.message.contains("closest (¶9, 96% alike)") })
    }

    @Test func everyHindsightEventIsDatedSourcedAndRated() {
        let hindsight = b.events.filter { $0.layer == .hindsight }
        #expect(hindsight.count >= 60)
        for e in hindsight {
            #expect(e.date.precision == .day, "\(e.id) needs a day")
            #expect(e.date.startOrdinal > b.asOf.endOrdinal, "\(e.id) predates the article: it belongs to the briefing's own timeline")
            #expect(e.cite.url?.hasPrefix("http") == true, "\(e.id) needs a source URL")
            #expect(!(e.cite.url ?? "").contains("wikipedia.org") || !e.also.isEmpty, "\(e.id) rests on an encyclopedia alone")
        }
        #expect(hindsight.contains { $0.confidence == .medium }, "medium-confidence rows of the record are marked")
    }

    @Test func theRecordSaysWhereItEnds() throws {
        let latest = try #require(b.events.filter { $0.layer == .hindsight }.map(\.date).max { $0.startOrdinal < $1.startOrdinal })
        #expect(b.recordEnds == latest)
        #expect(latest == Day(year: 2026, month: 6, day: 3))
        #expect(b.recordEndNote?.contains("ends in Jun 2026") == true)
    }

    @Test func everyVerdictRestsOnSomethingThatHappenedAfterTheArticle() {
        #expect(b.scorecard.count >= 12)
        for item in b.scorecard {
            let after = b.events(item.events).filter { $0.date.startOrdinal > b.asOf.endOrdinal }
            #expect(!after.isEmpty, "\(item.id): no event after the article")
            #expect(item.events.count == b.events(item.events).count, "\(item.id) cites an event that does not exist")
        }
    }

    @Test func theNewExpectationsAreOnTheScorecard() {
        for id in ["ishiba-vs-takaichi", "asian-nato", "trump-team", "hardest-task", "collective-response", "export-shift-weakness"] {
            #expect(b.scorecard.contains { $0.id == id }, "\(id)")
        }
        #expect(b.scorecard.first { $0.id == "harris-continuity" }?.verdict == .untested)
        #expect(b.scorecard.first { $0.id == "tariffs-on-allies" }?.verdict != .diverged, "the 'unless' never came about (allies were tariffed), and the warning was borne out only in part")
        #expect(b.scorecard.first { $0.id == "tariffs-on-allies" }?.outcome.hasPrefix("The 'unless' never came about") == true)
        #expect(!b.scorecard.contains { $0.claim.contains("institutionalised") })
    }

    /// No partner lane has a hole in the hindsight layer: each tenure starts where the last
    /// one ended (or earlier), from the first tenure to the record's end.
    @Test func tenuresLeaveNoGapUpToTheRecordsEnd() throws {
        let end = try #require(b.recordEnd).endOrdinal
        for country in b.partners {
            let tenures = b.leaders.filter { $0.country == country.id }.sorted { $0.start.startOrdinal < $1.start.startOrdinal }
            var covered = try #require(tenures.first).start.startOrdinal
            for l in tenures {
                #expect(l.start.startOrdinal <= covered + 1, "\(country.id): a gap before \(l.id)")
                let until = l.actualEnd?.endOrdinal ?? l.end?.endOrdinal ?? end
                covered = max(covered, until)
            }
            #expect(covered >= end, "\(country.id): tenures stop before the record's end")
        }
        #expect(b.leader("acting-president")?.start == Day(year: 2024, month: 12, day: 14))
    }

    @Test func mediumConfidenceIsShownAsReported() {
        let dump = BriefingText.dump(b, hindsight: true)
        for e in b.events where e.isReported { #expect(dump.contains("Reported: \(e.title)"), "\(e.id)") }
        #expect(!dump.contains("Reported: Reports"))
    }

    @Test func hindsightEventsAreNeverExpectedAsOfTheArticle() {
        let dump = BriefingText.dump(b, hindsight: true)
        for e in b.events where e.layer == .hindsight {
            let line = dump.split(separator: "\n").first { $0.contains("· \(e.isReported ? "Reported: " : "")\(e.title) [") }
            #expect(line?.contains("after the briefing") == true, "\(e.id)")
            #expect(line?.contains("as of") == false, "\(e.id)")
        }
        #expect(dump.contains("AS IT HAPPENED after 9 Oct 2024 — the record here ends in Jun 2026"))
        #expect(dump.contains("HINDSIGHT SCORECARD — the record here ends in Jun 2026"))
    }

    @Test func theExportChartNoteIsTheBriefingsOwn() throws {
        let series = try #require(b.series.first)
        #expect(series.cite.url == nil, "the basis note must not be attributed to a source")
        #expect(series.note?.contains("won basis") == true)
        let kr2019 = series.lines.first { $0.id == "kr-us" }?.points.first
        #expect(kr2019?.note?.contains("won basis") == true)
    }
}
