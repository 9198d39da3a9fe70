import Testing
@testable import TrilateralUI

@Suite("Canvas and display width")
struct CanvasTests {
    @Test(arguments: ["岸田文雄", "石破茂", "윤석열", "日本", "대한민국"])
    func eastAsianNamesTakeTwoColumnsEach(_ name: String) {
        #expect(DisplayWidth.of(name) == name.count * 2)
    }

    @Test func combiningMarksAndEmoji() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("🇯🇵") == 2 || DisplayWidth.of("🇯🇵") == 1)
        #expect(DisplayWidth.of("─│┌") == 3)
    }

    @Test func wideGlyphIsNeverSplitAtAClipEdge() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        let clip = Rect(x: 0, y: 0, width: 5, height: 1)
        canvas.text("岸田文雄", x: 0, y: 0, role: .text, clip: clip)
        #expect(canvas.row(0) == "岸田      ")
        #expect(canvas[4, 0].grapheme == " ")
        #expect(canvas[5, 0].grapheme == " ")
    }

    @Test func writingOverHalfAWideGlyphBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.text("윤석열", x: 0, y: 0, role: .text)
        canvas.text("x", x: 1, y: 0, role: .text)
        #expect(canvas.row(0) == " x석열")
    }

    @Test func controlCharactersAreEscaped() {
        var canvas = Canvas(size: Size(width: 20, height: 1))
        canvas.text("a\u{1B}]52;c\u{7}b\u{202E}", x: 0, y: 0, role: .text)
        #expect(canvas.row(0).hasPrefix("a\\e]52;c\\ab\\u{202E}"))
        #expect(!canvas.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func truncateAndWrap() {
        #expect(TextLayout.truncate("Supply-chain resilience", to: 10) == "Supply-ch…")
        #expect(DisplayWidth.of(TextLayout.truncate("岸田文雄 石破茂", to: 7)) <= 7)
        #expect(TextLayout.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("石破茂 윤석열", width: 6) == ["石破茂", "윤석열"])
    }

    @Test func boxHasAsciiFallback() {
        var canvas = Canvas(size: Size(width: 8, height: 3), ascii: true)
        canvas.box(canvas.bounds, focused: true)
        #expect(canvas.row(0) == "#======#")
        var unicode = Canvas(size: Size(width: 4, height: 2))
        unicode.box(unicode.bounds)
        #expect(unicode.row(0) == "┌──┐")
    }
}
