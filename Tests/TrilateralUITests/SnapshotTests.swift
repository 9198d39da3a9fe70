import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// Text snapshots of whole screens, compared with the files in `Snapshots/`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite("Screen snapshots")
struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Snapshots")

    func expectSnapshot(_ name: String, size: Size, keys: String = "", ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var state = AppState(briefing: BuiltInBriefings.standard, size: size, ascii: ascii)
        for input in try KeyScript.parse(keys).get() { AppReducer.handle(&state, input) }
        SnapshotFile.expect(CanvasText.plain(Dashboard.render(state)), named: name, in: Self.folder, sourceLocation: sourceLocation)
    }

    @Test func tooSmall30x8() throws { try expectSnapshot("too-small-30x8", size: Size(width: 30, height: 8)) }
    @Test func narrow60x20() throws { try expectSnapshot("narrow-60x20", size: Size(width: 60, height: 20), keys: "2j") }
    @Test func columns80x24() throws { try expectSnapshot("columns-80x24", size: Size(width: 80, height: 24), keys: "j<Enter>") }
    @Test func grid120x40() throws { try expectSnapshot("grid-120x40", size: Size(width: 120, height: 40), keys: "2j<Enter>") }
    @Test func grid200x60() throws { try expectSnapshot("grid-200x60", size: Size(width: 200, height: 60), keys: "5lll<Enter>") }
    @Test func help120x40() throws { try expectSnapshot("help-120x40", size: Size(width: 120, height: 40), keys: "?") }
    @Test func timeline80x24WholeSpan() throws { try expectSnapshot("timeline-80x24", size: Size(width: 80, height: 24), keys: "t.") }
    @Test func timelineZoomed200x60() throws { try expectSnapshot("timeline-zoomed-200x60", size: Size(width: 200, height: 60), keys: "t.++<Enter>") }
    @Test func whatIf120x40() throws { try expectSnapshot("whatif-120x40", size: Size(width: 120, height: 40), keys: "w12<Right>j") }
    @Test func whatIf80x24() throws { try expectSnapshot("whatif-80x24", size: Size(width: 80, height: 24), keys: "w45") }
    /// The list scrolled to its last preset, which the rows at 80×24 cannot hold with the rest.
    @Test func whatIfLastPreset80x24() throws { try expectSnapshot("whatif-last-preset-80x24", size: Size(width: 80, height: 24), keys: "wjjjjjjjjjjjjjj") }
    @Test func chartInDetail120x40() throws { try expectSnapshot("chart-detail-120x40", size: Size(width: 120, height: 40), keys: "4<End><Enter>") }
    @Test func foundationsZoomed200x60() throws { try expectSnapshot("foundations-zoomed-200x60", size: Size(width: 200, height: 60), keys: "4z") }
    @Test func search120x40() throws { try expectSnapshot("search-120x40", size: Size(width: 120, height: 40), keys: "/semiconductor<Enter>n") }
    @Test func ascii80x24() throws { try expectSnapshot("ascii-80x24", size: Size(width: 80, height: 24), keys: "4<End><Enter>", ascii: true) }
    @Test(arguments: ["dark", "light"])
    func ansiSnapshot(_ theme: String) throws {
        let themes = ThemeLoader.catalog(userDirectory: nil).themes
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        let text = CanvasText.ansi(Dashboard.render(state), theme: try #require(themes.first { $0.name == theme }))
        SnapshotFile.expect(text, named: "ansi-\(theme)-80x24", in: Self.folder)
    }

    @Test func hindsightTimeline120x40() throws { try expectSnapshot("timeline-hindsight-120x40", size: Size(width: 120, height: 40), keys: "Ht.") }
    @Test func hindsightTimeline80x24() throws { try expectSnapshot("timeline-hindsight-80x24", size: Size(width: 80, height: 24), keys: "Ht<End>") }
    @Test func scorecard120x40() throws { try expectSnapshot("scorecard-120x40", size: Size(width: 120, height: 40), keys: "Sjjjj") }
    @Test func scorecard80x24() throws { try expectSnapshot("scorecard-80x24", size: Size(width: 80, height: 24), keys: "Sjj") }
    @Test func asItHappened120x40() throws { try expectSnapshot("whatif-as-it-happened-120x40", size: Size(width: 120, height: 40), keys: "w" + String(repeating: "j", count: 10) + "<Enter>") }
    @Test func tourStep80x24() throws { try expectSnapshot("tour-step3-80x24", size: Size(width: 80, height: 24), keys: "b<Space><Space>s") }
    @Test func timeline120x40() throws { try expectSnapshot("timeline-120x40", size: Size(width: 120, height: 40), keys: "tll<Enter>") }
}
