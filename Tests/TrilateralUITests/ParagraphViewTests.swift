import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The detail pane's paragraph view (`p`): the source paragraphs behind the opened item, with
/// the quoted words marked, and `p` or Esc back to the item.
@Suite("Paragraph view")
struct ParagraphViewTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Snapshots")

    /// The built-in briefing read from its YAML with the article's text, as `--briefing` reads it.
    static let withText: Briefing = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard case .success(let loaded) = BriefingLoader.load(path: root.appending(path: "Sources/BuiltInBriefings/capistrano-2024.yaml").path) else {
            return BuiltInBriefings.standard
        }
        return loaded.briefing
    }()

    static func state(_ briefing: Briefing, _ size: Size, _ keys: String) throws -> AppState {
        var state = AppState(briefing: briefing, size: size)
        for input in try KeyScript.parse(keys).get() { AppReducer.handle(&state, input) }
        return state
    }

    @Test func theTextIsLoaded() { #expect(Self.withText.source("article")?.text?.paragraphs.count == 11) }

    @Test func paragraphView120x40() throws {
        let state = try Self.state(Self.withText, Size(width: 120, height: 40), "<Enter>p")
        #expect(state.shared.detail.reading)
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(state)), named: "paragraph-view-120x40", in: Self.folder)
    }

    @Test func paragraphView80x24() throws {
        let state = try Self.state(Self.withText, Size(width: 80, height: 24), "j<Enter>p")
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(state)), named: "paragraph-view-80x24", in: Self.folder)
    }

    @Test func anOutlookShowsEachParagraphItsRulesCiteOnce() throws {
        var state = AppState(briefing: Self.withText, size: Size(width: 120, height: 40))
        AppReducer.reduce(&state, .detail(.open(.outlook("supply-chains"))))
        AppReducer.reduce(&state, .detail(.read))
        let cites = SourceParagraphs.citations(of: state.shared.detail.opened, in: state.briefing, state: state)
        #expect(cites.count >= 2)
        #expect(Set(cites.compactMap(\.paragraph)).count == cites.count)
        let screen = CanvasText.plain(Dashboard.render(state))
        let page = SourceParagraphs.paragraphs(for: state.shared.detail.opened, state: state).map(\.text)
        for n in cites.compactMap(\.paragraph) { #expect(page.filter { $0 == "¶\(n)" }.count == 1) }
        SnapshotFile.expect(screen, named: "paragraph-view-outlook-120x40", in: Self.folder)
    }

    @Test func withoutTheTextTheQuoteAndWhyAreShown() throws {
        let state = try Self.state(BuiltInBriefings.standard, Size(width: 80, height: 24), "<Enter>p")
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(state)), named: "paragraph-view-no-text-80x24", in: Self.folder)
        let screen = CanvasText.plain(Dashboard.render(state))
        #expect(screen.contains("capistrano-2024-article.txt, the"))
    }

    @Test func theQuotedWordsAndOnlyThoseAreMarked() throws {
        let state = try Self.state(Self.withText, Size(width: 120, height: 40), "<Enter>p")
        let canvas = Dashboard.render(state)
        let rect = try #require(Layout.compute(state).panes[state.detailPane])
        var marked = "", unmarkedText = ""
        for y in rect.content.y..<rect.content.maxY {
            for x in rect.content.x..<rect.content.maxX where canvas[x, y].width != 0 {
                if canvas[x, y].role == .quote { marked += canvas[x, y].grapheme } else if canvas[x, y].role == .text { unmarkedText += canvas[x, y].grapheme }
            }
            marked += " "
        }
        let quote = try #require(Self.withText.pillars[0].commitments[0].cite.quote)
        let words = marked.split(separator: " ").joined(separator: " ")
        #expect(words.contains(QuoteMatch.normalised(quote).trimmingCharacters(in: .punctuationCharacters)), "marked: \(words)")
        #expect(!unmarkedText.isEmpty)
    }

    @Test func pAndEscReturnAndOpeningAnotherItemLeavesTheView() throws {
        var state = try Self.state(Self.withText, Size(width: 120, height: 40), "<Enter>p")
        AppReducer.handle(&state, .key(.char("p")))
        #expect(!state.shared.detail.reading)
        AppReducer.handle(&state, .key(.char("p")))
        AppReducer.handle(&state, .key(.escape))
        #expect(!state.shared.detail.reading)
        AppReducer.handle(&state, .key(.char("p")))
        AppReducer.handle(&state, .key(.down))
        AppReducer.handle(&state, .key(.enter))
        #expect(!state.shared.detail.reading)
    }

    @Test func nothingToReadSaysSo() throws {
        let state = try Self.state(Self.withText, Size(width: 120, height: 40), "p")
        #expect(!state.shared.detail.reading)
        #expect(state.local.flash?.contains("open an item first") == true)
    }

    @Test func theMarksFollowTheWrapAtEveryWidth() {
        // Words broken across lines, and a word wider than the line, keep their marks.
        let text = "Alpha beta gamma supercalifragilisticexpialidocious delta epsilon."
        let marks = SourceParagraphs.markedWords(of: "gamma supercalifragilisticexpialidocious delta", in: text)
        #expect(marks == [2..<5])
        for width in 6...40 {
            let p = DetailContent.Paragraph(text: text, role: .text, marks: marks)
            let lines = DetailContent.lines([p], width: width, count: 100)
            var marked: [String] = []
            for line in lines {
                for m in line.marks { marked.append(String(Array(line.text)[m])) }
            }
            #expect(marked.joined(separator: " ").replacing(" ", with: "") == "gammasupercalifragilisticexpialidociousdelta", "width \(width): \(marked)")
        }
    }

    @Test func anOlderPresentersViewStillDecodes() throws {
        let old = Data(#"{"opened":null,"top":3}"#.utf8)
        let decoded = try JSONDecoder().decode(DetailState.self, from: old)
        #expect(decoded.top == 3 && !decoded.reading)
    }
}
