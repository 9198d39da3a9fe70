import BuiltInBriefings
import Testing
import TrilateralModel
import TrilateralUI
@testable import TrilateralRemote

/// One `RemoteViewer` as its terminal sees it: what `frame()` sends, replayed on a `Screen`,
/// is the viewer's own dashboard after each thing that happens to it — a presenter's view, a
/// key, a resize, a theme — and nothing when nothing changed; its opening and closing set the
/// terminal up and put it back.
@Suite("A remote viewer's screen")
struct RemoteViewerScreenTests {
    init() { Fixture.utf8Locale() }

    /// The viewer's frame replayed on `screen`, which must then show its dashboard.
    func show(_ viewer: inout RemoteViewer, on screen: inout Screen, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8]? {
        let bytes = viewer.frame()
        if let bytes { screen.feed(bytes) }
        #expect(Fixture.differences(screen, Dashboard.render(viewer.state)) == [], sourceLocation: sourceLocation)
        return bytes
    }

    @Test("opening: alternate screen, no cursor, SGR mouse, a clear screen; closing undoes them")
    func openingAndClosing() {
        let viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        let opening = String(decoding: viewer.opening, as: UTF8.self), closing = String(decoding: viewer.closing, as: UTF8.self)
        for sequence in ["\u{1B}[?1049h", "\u{1B}[?25l", "\u{1B}[?1000h", "\u{1B}[?1006h"] { #expect(opening.contains(sequence), "\(sequence.debugDescription)") }
        #expect(opening.hasSuffix("\u{1B}[H\u{1B}[2J"))
        for sequence in ["\u{1B}[?1049l", "\u{1B}[?25h", "\u{1B}[?1000l", "\u{1B}[?1006l"] { #expect(closing.contains(sequence), "\(sequence.debugDescription)") }
        #expect(closing.hasPrefix("\u{1B}(B\u{1B}[m"), "the pen is reset before anything else")
        #expect(!closing.contains("\u{1B}[?1049h") && !opening.contains("\u{1B}[?1049l"))
    }

    @Test("q leaves; other keys do not")
    func quit() {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        let stayed = viewer.typed(Array("jk?".utf8))
        #expect(stayed == false)
        let left = viewer.typed(Array("q".utf8))
        #expect(left)
    }

    @Test("f browses and f again follows")
    func browse() {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        #expect(!viewer.browsing)
        _ = viewer.typed(Array("f".utf8))
        #expect(viewer.browsing)
        _ = viewer.typed(Array("f".utf8))
        #expect(!viewer.browsing)
    }

    @Test("a presenter's view changes the next frame; the screen is then the viewer's dashboard")
    func followsTheView() throws {
        var (feed, presenter) = Fixture.room()
        var viewer = Fixture.viewer(feed, FrameCache())
        var screen = Screen(width: 80, height: 24)
        let first = try #require(show(&viewer, on: &screen))
        let before = (0..<24).map(screen.line)
        #expect(viewer.frame() == nil, "nothing changed: nothing to send")
        presenter = Fixture.pressed(presenter, [.key(.tab), .key(.tab), .key(.down)])
        feed.view(presenter.shared)
        viewer.received(presenter.shared)
        #expect(viewer.state.shared.panes.focus == presenter.shared.panes.focus)
        let diff = try #require(show(&viewer, on: &screen))
        #expect(!diff.isEmpty && diff.count < first.count)
        #expect((0..<24).map(screen.line) != before)
        #expect(viewer.frame() == nil)
        // A viewer arriving now starts on the same screen.
        var late = Fixture.viewer(feed, FrameCache())
        var other = Screen(width: 80, height: 24)
        _ = show(&late, on: &other)
        #expect((0..<24).map(other.line) == (0..<24).map(screen.line))
    }

    @Test("a browsing viewer's panes do not follow the presenter")
    func browsingScreenStays() throws {
        var (_, presenter) = Fixture.room()
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        var screen = Screen(width: 80, height: 24)
        _ = show(&viewer, on: &screen)
        _ = viewer.typed(Array("f".utf8))
        _ = show(&viewer, on: &screen)
        let before = (0..<23).map(screen.line)
        presenter = Fixture.pressed(presenter, [.key(.tab), .key(.tab), .key(.down)])
        viewer.received(presenter.shared)
        _ = show(&viewer, on: &screen)
        #expect((0..<23).map(screen.line) == before, "everything above the status bar as it was")
    }

    @Test("frame() is nil whenever the screen already shows the viewer's state")
    func nilWhenNothingChanged() {
        var (_, presenter) = Fixture.room()
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        _ = viewer.frame()
        #expect(viewer.frame() == nil)
        // A view equal to the one on screen.
        viewer.received(presenter.shared)
        #expect(viewer.frame() == nil, "the same view again")
        // A browsing viewer told of a presenter's move that changes nothing it shows: its
        // state (the presenter's latest view) changed, its screen did not.
        _ = viewer.typed(Array("f".utf8))
        _ = viewer.frame()
        presenter = Fixture.pressed(presenter, [.key(.down)])
        viewer.received(presenter.shared)
        let bytes = viewer.frame()
        #expect(bytes == nil || !bytes!.isEmpty, "an empty frame is sent: \(String(describing: bytes))")
    }

    @Test("a resize is drawn whole, from a clear screen, at the new size")
    func resize() throws {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        _ = viewer.frame()
        viewer.resized(to: Size(width: 120, height: 40))
        var screen = Screen(width: 120, height: 40)
        let bytes = try #require(show(&viewer, on: &screen))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"))
        // Even to the size it had: the terminal's content after a resize is not known.
        viewer.resized(to: Size(width: 120, height: 40))
        let frame = viewer.frame()
        let again = try #require(frame)
        #expect(String(decoding: again, as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"))
    }

    @Test("tiny and empty sizes draw without trouble, and back", arguments: [(0, 0), (1, 1), (2, 1), (1, 3), (10, 2)])
    func tiny(width: Int, height: Int) throws {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        viewer.resized(to: Size(width: width, height: height))
        var screen = Screen(width: width, height: height)
        if let bytes = viewer.frame() { screen.feed(bytes) }
        if width > 0 && height > 0 { #expect(Fixture.differences(screen, Dashboard.render(viewer.state)) == []) }
        #expect(screen.scrolls == 0)
        viewer.resized(to: Size(width: 80, height: 24))
        var back = Screen(width: 80, height: 24)
        _ = show(&viewer, on: &back)
    }

    @Test("T: another theme, drawn whole in its colours")
    func theme() throws {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        var screen = Screen(width: 80, height: 24)
        _ = show(&viewer, on: &screen)
        let pens = screen.pens
        _ = viewer.typed(Array("T".utf8))
        let bytes = try #require(show(&viewer, on: &screen))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"))
        #expect(screen.pens != pens, "the new theme's colours")
    }

    @Test("a new briefing from the presenter: the next frame is drawn on it")
    func rebase() throws {
        var viewer = Fixture.viewer(Fixture.room().feed, FrameCache())
        var screen = Screen(width: 80, height: 24)
        _ = show(&viewer, on: &screen)
        var briefing = BuiltInBriefings.standard
        briefing.title = "Another briefing"
        viewer.rebased(briefing, generation: 2)
        #expect(viewer.generation == 2)
        _ = try #require(show(&viewer, on: &screen))
        #expect((0..<24).map(screen.line).joined().contains("Another briefing"))
    }
}
