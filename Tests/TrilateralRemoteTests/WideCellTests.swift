import Testing
import TrilateralModel
import TrilateralUI
@testable import TrilateralRemote

/// Cells that are not one narrow code point — wide CJK characters, a flag (two regional
/// indicators in two columns), combining marks — land in the columns the canvas gives them,
/// in a first frame and in diffs that put them in, change them and take them out again.
@Suite("Wide cells, flags and marks")
struct WideCellTests {
    init() { Fixture.utf8Locale() }

    func canvas(_ rows: [(x: Int, text: String)], width: Int = 16) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: max(1, rows.count)))
        for (y, row) in rows.enumerated() { _ = canvas.text(row.text, x: row.x, y: y, role: .text) }
        return canvas
    }

    /// `canvases` encoded one over the other and replayed: the screen after each, compared.
    func replay(_ canvases: [Canvas], sourceLocation: SourceLocation = #_sourceLocation) -> Screen {
        var encoder = Fixture.encoder()
        let size = canvases[0].size
        var screen = Screen(width: size.width, height: size.height)
        var previous: Canvas?
        for (n, canvas) in canvases.enumerated() {
            screen.feed(encoder.encode(canvas, over: previous))
            #expect(Fixture.differences(screen, canvas) == [], "frame \(n)", sourceLocation: sourceLocation)
            #expect(screen.wraps == 0, "frame \(n) ran past the margin", sourceLocation: sourceLocation)
            previous = canvas
        }
        return screen
    }

    @Test("the canvas gives the cells the widths this test relies on")
    func widths() {
        let c = canvas([(0, "日🇯🇵e\u{301}")])
        #expect(c[0, 0].width == 2 && c[1, 0].width == 0)
        #expect(c[2, 0].grapheme == "🇯🇵" && c[2, 0].width == 2 && c[3, 0].width == 0)
        #expect(c[4, 0].grapheme.unicodeScalars.count == 2 && c[4, 0].width == 1)
    }

    @Test("wide characters, a flag and a combining mark in a first frame")
    func firstFrame() {
        let screen = replay([canvas([(1, "日本語 ok"), (0, "🇯🇵 and 🇰🇷!"), (2, "Cafe\u{301} na\u{308}ive"), (14, "中x")])])
        #expect(screen.line(0) == " 日本語 ok" + String(repeating: " ", count: 6))
        #expect(screen.line(1).hasPrefix("🇯🇵 and 🇰🇷!"))
        #expect(screen.line(2).hasPrefix("  Cafe\u{301} na\u{308}ive"))
        // 中 in the last two columns fits; the x after it is clipped.
        #expect(screen.line(3) == String(repeating: " ", count: 14) + "中")
    }

    @Test("a wide character that would straddle the right edge is a blank")
    func rightEdge() {
        let screen = replay([canvas([(15, "中")])])
        #expect(screen.line(0) == String(repeating: " ", count: 16))
    }

    @Test("narrow text over wide, and wide over narrow")
    func overwrite() {
        _ = replay([
            canvas([(0, "日本語 tail")]),
            canvas([(0, "abcdef tail")]),   // every wide cell replaced by two narrow ones
            canvas([(0, "a本cdef tail")]),  // a wide one at an odd place
            canvas([(0, "ab語def tail")]),   // shifted by one column
            canvas([(0, "      tail")]),
        ])
    }

    @Test("a flag that comes, changes and goes: its row sent whole each time")
    func flags() {
        _ = replay([
            canvas([(0, "flag:  end"), (0, "row two")]),
            canvas([(0, "flag:🇯🇵end"), (0, "row two")]),
            canvas([(0, "flag:🇰🇷end"), (0, "row two")]),
            canvas([(0, "flag:x end"), (0, "row two")]),
        ])
    }

    @Test("a combining mark added to a cell, and taken off it")
    func marks() {
        _ = replay([
            canvas([(0, "resume x")]),
            canvas([(0, "re\u{301}sume\u{301} x")]),
            canvas([(0, "resume x")]),
        ])
    }

    @Test("text after a wide cell is where the canvas puts it, in a diff")
    func afterWide() {
        let screen = replay([canvas([(0, "日本 abc")]), canvas([(0, "日本 aZc")])])
        #expect(screen.line(0).hasPrefix("日本 aZc"))
    }
}
