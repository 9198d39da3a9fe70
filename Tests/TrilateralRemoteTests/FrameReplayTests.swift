import Testing
import TrilateralModel
import TrilateralStyle
import TrilateralUI
@testable import TrilateralRemote

/// `FrameEncoder` on whole dashboards, replayed on a `Screen` that wraps and scrolls as xterm
/// does: a first frame gives back every cell of the canvas, each diff after it gives back the
/// next canvas on top of the last, and no frame ever runs text past the right margin or
/// scrolls the screen.
@Suite("Frames replayed")
struct FrameReplayTests {
    init() { Fixture.utf8Locale() }

    @Test("a whole frame gives back every cell, without wrapping or scrolling", arguments: [(80, 24), (120, 40)])
    func wholeFrame(width: Int, height: Int) {
        let canvas = Dashboard.render(Fixture.dashboard(width, height))
        var encoder = Fixture.encoder()
        var screen = Screen(width: width, height: height)
        let bytes = encoder.encode(canvas, over: nil)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"), "a first frame starts on a clear screen")
        screen.feed(bytes)
        #expect(Fixture.differences(screen, canvas) == [])
        #expect(screen.wraps == 0 && screen.scrolls == 0, "\(screen.wraps) wraps, \(screen.scrolls) scrolls")
        #expect(screen.bottomRightWrites == 1, "xterm (xenl) can take its bottom-right cell")
    }

    @Test("a focus change replays on the first screen, and is much smaller than a whole frame", arguments: [(80, 24), (120, 40)])
    func focusChange(width: Int, height: Int) {
        let state = Fixture.dashboard(width, height)
        let first = Dashboard.render(state)
        let moved = Fixture.pressed(state, [.key(.tab)])
        #expect(moved.shared.panes.focus != state.shared.panes.focus)
        let second = Dashboard.render(moved)
        #expect(first != second)
        var encoder = Fixture.encoder()
        var screen = Screen(width: width, height: height)
        let whole = encoder.encode(first, over: nil)
        screen.feed(whole)
        let diff = encoder.encode(second, over: first)
        screen.feed(diff)
        #expect(Fixture.differences(screen, second) == [])
        #expect(screen.wraps == 0 && screen.scrolls == 0)
        #expect(diff.count * 4 < whole.count, "a diff of \(diff.count) bytes against a whole frame of \(whole.count)")
        // Only the cells that changed are written.
        let changed = zip(first.cells, second.cells).filter { $0 != $1 && $1.width != 0 }.count
        #expect(screen.writes <= changed, "\(screen.writes) cells written for \(changed) changed")
    }

    @Test("a run of keys, each frame a diff on the last, ends on the last canvas")
    func manySteps() {
        var state = Fixture.dashboard(120, 40)
        var encoder = Fixture.encoder()
        var screen = Screen(width: 120, height: 40)
        var previous = Dashboard.render(state)
        screen.feed(encoder.encode(previous, over: nil))
        let keys: [Key] = [.tab, .down, .down, .enter, .char("t"), .right, .right, .char("?"), .escape, .char("w"), .down, .escape, .char("3"), .end, .enter]
        for (n, key) in keys.enumerated() {
            state = Fixture.pressed(state, [.key(key)])
            let canvas = Dashboard.render(state)
            screen.feed(encoder.encode(canvas, over: previous))
            #expect(Fixture.differences(screen, canvas) == [], "after key \(n) (\(key))")
            previous = canvas
        }
        #expect(screen.wraps == 0 && screen.scrolls == 0)
    }

    @Test("an identical canvas writes no cell and moves no cursor")
    func identical() {
        let canvas = Dashboard.render(Fixture.dashboard(120, 40))
        var encoder = Fixture.encoder()
        _ = encoder.encode(canvas, over: nil)
        let again = encoder.encode(canvas, over: canvas)
        var screen = Screen(width: 120, height: 40)
        screen.feed(again)
        #expect(again.isEmpty && screen.writes == 0 && screen.moves == 0)
        // An equal copy (not the same value) likewise.
        let copy = Dashboard.render(Fixture.dashboard(120, 40))
        #expect(encoder.encode(copy, over: canvas).isEmpty)
    }

    @Test("a frame of another size is cleared and drawn whole")
    func anotherSize() {
        let small = Dashboard.render(Fixture.dashboard(80, 24)), large = Dashboard.render(Fixture.dashboard(120, 40))
        var encoder = Fixture.encoder()
        var screen = Screen(width: 120, height: 40)
        screen.feed(encoder.encode(small, over: nil))
        screen.feed(encoder.encode(large, over: small))
        #expect(Fixture.differences(screen, large) == [])
    }
}
