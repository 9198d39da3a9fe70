import Testing
@testable import TrilateralTerminal
import TrilateralUI

/// The screen diff behind `TerminalScreen.draw(_:over:)`, tested as ratatui tests its
/// `BufferDiff`: two canvases in, the ncurses cells written out, so a frame sends only what
/// changed.
@Suite("Screen diff")
struct ScreenDiffTests {
    typealias Write = ScreenDiff.Write

    /// A canvas of `width`×`height` with `rows` drawn from its top-left corner.
    func canvas(_ width: Int, _ height: Int, _ rows: [String] = [], role: StyleRole = .text) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: height))
        for (y, row) in rows.enumerated() { canvas.text(row, x: 0, y: y, role: role) }
        return canvas
    }

    /// The C library's width where it agrees with the canvas: two columns for what is wide.
    static func agreeing(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(Character(scalar)) }

    func diff(_ canvas: Canvas, over previous: Canvas?, rows: Int = .max, columns: Int = .max,
              wcwidth: (Unicode.Scalar) -> Int = ScreenDiffTests.agreeing) -> ScreenDiff {
        ScreenDiff(canvas, over: previous, rows: rows, columns: columns, wcwidth: wcwidth)
    }

    @Test("two equal frames write nothing")
    func equalFrames() {
        #expect(diff(canvas(4, 2), over: canvas(4, 2)).steps.isEmpty)
        let text = canvas(6, 2, ["hello", "world"])
        #expect(diff(text, over: text).steps.isEmpty)
    }

    @Test("over a blank frame, only the cells that are no longer blank are written, row by row")
    func blankToText() {
        let writes = diff(canvas(6, 2, ["ab", " c"]), over: canvas(6, 2)).writes
        #expect(writes == [Write(x: 0, y: 0, text: "a", role: .text), Write(x: 1, y: 0, text: "b", role: .text),
                           Write(x: 1, y: 1, text: "c", role: .text)])
    }

    @Test("one changed cell is one write")
    func oneCell() {
        let writes = diff(canvas(8, 3, ["", "chart", ""]), over: canvas(8, 3, ["", "charm", ""])).writes
        #expect(writes == [Write(x: 4, y: 1, text: "t", role: .text)])
    }

    @Test("a change of colour alone is written: the same glyph in another role")
    func roleChange() {
        var selected = canvas(5, 1, ["abc"])
        selected.restyle(Rect(x: 1, y: 0, width: 1, height: 1), role: .selection)
        #expect(diff(selected, over: canvas(5, 1, ["abc"])).writes == [Write(x: 1, y: 0, text: "b", role: .selection)])
    }

    @Test("without a frame before, or with one of another size, every cell is written")
    func fullRepaint() {
        let frame = canvas(3, 2, ["ab"])
        let all = [(0, 0, "a"), (1, 0, "b"), (2, 0, " "), (0, 1, " "), (1, 1, " "), (2, 1, " ")].map { Write(x: $0.0, y: $0.1, text: $0.2, role: .text) }
        #expect(diff(frame, over: nil).writes == all)
        #expect(diff(frame, over: canvas(4, 2, ["ab"])).writes == all)
    }

    @Test("a wide glyph is one write on its first column; its continuation cell is never written")
    func wideGlyph() {
        #expect(diff(canvas(6, 1, ["a世b"]), over: canvas(6, 1, ["a  b"])).writes == [Write(x: 1, y: 0, text: "世", role: .text)])
        // Two narrow glyphs where a wide one was: both columns are written.
        #expect(diff(canvas(6, 1, ["axyb"]), over: canvas(6, 1, ["a世b"])).writes
                == [Write(x: 1, y: 0, text: "x", role: .text), Write(x: 2, y: 0, text: "y", role: .text)])
        // The glyph after a wide one that changed is left alone when it did not.
        #expect(diff(canvas(6, 1, ["a界b"]), over: canvas(6, 1, ["a世b"])).writes == [Write(x: 1, y: 0, text: "界", role: .text)])
    }

    @Test("a wide glyph that would cross the screen's right edge is not written")
    func wideGlyphAtTheEdge() {
        #expect(diff(canvas(4, 1, ["ab世"]), over: canvas(4, 1), columns: 3).writes
                == [Write(x: 0, y: 0, text: "a", role: .text), Write(x: 1, y: 0, text: "b", role: .text)])
    }

    @Test("only the part of the canvas the screen has is written")
    func clippedToTheScreen() {
        #expect(diff(canvas(4, 3, ["abcd", "efgh", "ijkl"]), over: canvas(4, 3), rows: 2, columns: 2).writes.map(\.text) == ["a", "b", "e", "f"])
    }

    @Test("a cluster goes whole into one cell: a ZWJ sequence, a base and its combining mark")
    func clusters() {
        #expect(diff(canvas(4, 1, ["👨‍👩‍👧"]), over: canvas(4, 1)).writes == [Write(x: 0, y: 0, text: "👨‍👩‍👧", role: .text)])
        #expect(diff(canvas(4, 1, ["e\u{301}"]), over: canvas(4, 1)).writes == [Write(x: 0, y: 0, text: "e\u{301}", role: .text)])
    }

    @Test("a two-column cell the C library counts as one: the second column gets a blank of its own")
    func narrowInTheCLibrary() {
        // An older C library's table, say, where the canvas's is newer.
        let writes = diff(canvas(4, 1, ["世"]), over: canvas(4, 1)) { _ in 1 }.writes
        #expect(writes == [Write(x: 0, y: 0, text: "世", role: .text), Write(x: 1, y: 0, text: " ", role: .text)])
    }

    @Test("a flag is its two regional indicators in two cells, and the row where one appears, changes or goes is sent whole")
    func flags() {
        let narrow: (Unicode.Scalar) -> Int = { _ in 1 }
        let japan = diff(canvas(6, 2, ["", "a🇯🇵"]), over: canvas(6, 2, ["", "a"]), wcwidth: narrow)
        #expect(japan.steps == [.write(Write(x: 1, y: 1, text: "🇯", role: .text)), .write(Write(x: 2, y: 1, text: "🇵", role: .text)), .redrawRow(1)])
        let france = diff(canvas(6, 2, ["", "a🇫🇷"]), over: canvas(6, 2, ["", "a🇯🇵"]), wcwidth: narrow)
        #expect(france.redrawnRows == [1])
        #expect(diff(canvas(6, 2, ["", "a"]), over: canvas(6, 2, ["", "a🇯🇵"]), wcwidth: narrow).redrawnRows == [1])
        // No frame before: every row is sent anyway, none again.
        #expect(diff(canvas(6, 2, ["", "a🇯🇵"]), over: nil, wcwidth: narrow).redrawnRows == [])
        // A row whose flag stays is not sent again for it.
        #expect(diff(canvas(6, 2, ["x", "a🇯🇵"]), over: canvas(6, 2, ["", "a🇯🇵"]), wcwidth: narrow).steps == [.write(Write(x: 0, y: 0, text: "x", role: .text))])
    }
}
