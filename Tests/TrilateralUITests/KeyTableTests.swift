import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The key table is declared once (`Keymap.table`); everything that lists keys is made from it,
/// and the README's table is checked against it.
@Suite("One table of keys")
struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appending(path: "README.md")

    /// The README's key table is the one `KeyDocs.markdown` makes (`RECORD_SNAPSHOTS=1` writes it).
    @Test func theReadmeListsTheKeysTheProgramHas() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- keys -->\n"), let end = text.range(of: "<!-- /keys -->", range: start.upperBound..<text.endIndex) else {
            Issue.record("README.md has no <!-- keys --> … <!-- /keys --> block")
            return
        }
        let table = String(text[start.upperBound..<end.lowerBound])
        if SnapshotFile.recording {
            try text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: KeyDocs.markdown).write(to: Self.readme, atomically: true, encoding: .utf8)
            Issue.record("recorded the README's key table; run again without RECORD_SNAPSHOTS")
            return
        }
        if let difference = SnapshotFile.firstDifference(expected: table, actual: KeyDocs.markdown) {
            Issue.record("the README's key table differs from the bindings (RECORD_SNAPSHOTS=1 rewrites it):\n\(difference)")
        }
    }

    /// No key means two things in one mode.
    @Test func aKeyHasOneMeaningPerMode() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .delete]
            + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /?+-=.".map { Key.char($0) } + "cgz".map { Key.ctrl($0) }
        let state = AppState(briefing: .init(title: "t", author: "a", publisher: "", published: Day(year: 2030), asOf: Day(year: 2030),
                                             summary: [], sources: [], countries: [], leaders: [], transitions: [], pillars: [], drivers: [],
                                             series: [], events: [], factors: [], extraTargets: [], rules: [], presets: []),
                             size: Size(width: 80, height: 24))
        for mode in Keymap.allModes where mode != .search && mode != .help {
            for key in keys {
                let taking = Keymap.bindings(in: mode).filter { $0.action(for: key, in: state) != nil }
                #expect(taking.count <= 1, "\(key) in \(mode): \(taking.map(\.keys))")
            }
        }
    }

    @Test func everyModeHasHelpAndEveryBindingSaysWhatItDoes() {
        for binding in Keymap.table { #expect(!binding.keys.isEmpty && !binding.help.isEmpty) }
        for mode in Keymap.allModes { #expect(!Keymap.bindings(in: mode).isEmpty, "\(mode)") }
        #expect(Keymap.followerKeys == "q, ?, T, f and F")
    }
}
