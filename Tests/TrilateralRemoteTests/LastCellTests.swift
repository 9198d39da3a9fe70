import Testing
import TrilateralModel
import TrilateralUI
@testable import TrilateralRemote

/// A terminal with automatic margins and no `xenl` (`ansi` here) wraps as soon as its last
/// column is written, so writing its bottom-right cell scrolls the whole screen: that cell is
/// never written — not by a whole frame, not by a diff, not by a wide character or a flag
/// that would reach it — and every other cell still comes out right.
@Suite("The last cell of a terminal that wraps at once")
struct LastCellTests {
    init() { Fixture.utf8Locale() }

    @Test("terminfo: ansi has am without xenl, xterm has both")
    func profiles() {
        #expect(Fixture.ansi.wrapsAtOnce)
        #expect(!Fixture.xterm.wrapsAtOnce)
        #expect(TerminalProfile.named("vt100-am")?.wrapsAtOnce == false, "vt100-am has xenl")
    }

    @Test("a whole dashboard: every cell but the last, and the screen never scrolls", arguments: [(80, 24), (120, 40)])
    func wholeDashboard(width: Int, height: Int) {
        let state = Fixture.dashboard(width, height)
        let canvas = Dashboard.render(state)
        var encoder = Fixture.encoder(Fixture.ansi, .ansi8)
        var screen = Screen(width: width, height: height, wrapsAtOnce: true)
        screen.feed(encoder.encode(canvas, over: nil))
        #expect(screen.scrolls == 0 && screen.bottomRightWrites == 0)
        #expect(Fixture.differences(screen, canvas, skipping: [height - 1]) == [])
        let last = Screen.lines(of: canvas)[height - 1]
        #expect(screen.line(height - 1).dropLast() == last.dropLast(), "the last row but its last cell")
        // Diffs after it, too.
        var previous = canvas, current = state
        for key in [Key.tab, .char("?"), .escape, .char("t"), .end] {
            current = Fixture.pressed(current, [.key(key)])
            let next = Dashboard.render(current)
            screen.feed(encoder.encode(next, over: previous))
            #expect(Fixture.differences(screen, next, skipping: [height - 1]) == [], "after \(key)")
            previous = next
        }
        #expect(screen.scrolls == 0 && screen.bottomRightWrites == 0)
    }

    @Test("a narrow character in the last cell is left out; xterm gets it")
    func narrow() {
        var canvas = Canvas(size: Size(width: 10, height: 2))
        _ = canvas.text("abcdefghij", x: 0, y: 1, role: .text)
        var ansi = Fixture.encoder(Fixture.ansi, .ansi8)
        var screen = Screen(width: 10, height: 2, wrapsAtOnce: true)
        screen.feed(ansi.encode(canvas, over: nil))
        #expect(screen.line(1) == "abcdefghi ")
        #expect(screen.scrolls == 0 && screen.bottomRightWrites == 0)
        var xterm = Fixture.encoder()
        var other = Screen(width: 10, height: 2)
        other.feed(xterm.encode(canvas, over: nil))
        #expect(other.line(1) == "abcdefghij" && other.scrolls == 0)
    }

    @Test("a diff that changes only the last cell sends nothing that reaches it")
    func diffOfTheLastCell() {
        var before = Canvas(size: Size(width: 10, height: 2)), after = before
        _ = before.text("abcdefghij", x: 0, y: 1, role: .text)
        _ = after.text("abcdefghiZ", x: 0, y: 1, role: .text)
        var encoder = Fixture.encoder(Fixture.ansi, .ansi8)
        var screen = Screen(width: 10, height: 2, wrapsAtOnce: true)
        screen.feed(encoder.encode(before, over: nil))
        screen.feed(encoder.encode(after, over: before))
        #expect(screen.scrolls == 0 && screen.bottomRightWrites == 0)
    }

    @Test("a wide character in the last two columns of the last row does not reach the last cell",
          arguments: ["中", "🇯🇵"])
    func wideInTheCorner(_ glyph: String) {
        var canvas = Canvas(size: Size(width: 10, height: 2))
        _ = canvas.text("abcdefgh" + glyph, x: 0, y: 1, role: .text)
        #expect(canvas[8, 1].width == 2, "the canvas puts it in the corner")
        var encoder = Fixture.encoder(Fixture.ansi, .ansi8)
        var screen = Screen(width: 10, height: 2, wrapsAtOnce: true)
        screen.feed(encoder.encode(canvas, over: nil))
        #expect(screen.scrolls == 0, "the screen scrolled: \(screen.line(0).debugDescription) / \(screen.line(1).debugDescription)")
        #expect(screen.bottomRightWrites == 0)
        #expect(screen.line(1).hasPrefix("abcdefgh"))
    }
}
