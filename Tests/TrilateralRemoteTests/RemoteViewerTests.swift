import BuiltInBriefings
import Glibc
import Testing
import TrilateralModel
import TrilateralUI
@testable import TrilateralRemote

/// `RemoteViewer` and `FrameCache`: a viewer of a room behaves as `trilateral follow` does,
/// and viewers in the same state share their frames and bytes.
@Suite struct RemoteViewerTests {
    init() { setlocale(LC_ALL, "C.UTF-8") }

    static let xterm = TerminalProfile.named("xterm-256color")!
    static let themes = ThemeLibrary(userDirectory: nil)

    /// A room following a presenter of the built-in briefing, and that presenter.
    static func room() -> (feed: RoomFeed, presenter: AppState) {
        var feed = RoomFeed(session: "room", theme: ThemeState(names: themes.names, current: "dark"))
        feed.hello(BuiltInBriefings.standard)
        let presenter = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        feed.view(presenter.shared)
        return (feed, presenter)
    }

    static func viewer(_ feed: RoomFeed, _ cache: FrameCache, _ width: Int = 80, _ height: Int = 24) -> RemoteViewer {
        RemoteViewer(feed: feed, profile: xterm, size: Size(width: width, height: height), themes: themes, cache: cache)!
    }

    static func text(_ bytes: [UInt8]?, _ width: Int = 80, _ height: Int = 24) -> String {
        var screen = Screen(width: width, height: height)
        screen.feed(bytes ?? [])
        return (0..<height).map(screen.line).joined(separator: "\n")
    }

    @Test func noViewerBeforeThePresentersBriefing() {
        let feed = RoomFeed(session: "room", theme: ThemeState())
        #expect(RemoteViewer(feed: feed, profile: Self.xterm, size: Size(width: 80, height: 24), themes: Self.themes, cache: FrameCache()) == nil)
    }

    @Test func aViewerFollowsThePresentersView() throws {
        var (feed, presenter) = Self.room()
        var viewer = Self.viewer(feed, FrameCache())
        let first = Self.text(viewer.frame())
        #expect(first.contains("following room"))
        #expect(viewer.frame() == nil, "nothing changed: nothing to send")
        // The presenter moves to the timeline pane.
        _ = AppReducer.handle(&presenter, .key(.char("5")))
        feed.view(presenter.shared)
        viewer.received(presenter.shared)
        let diff = viewer.frame()
        let moved = try #require(diff)
        // The diff on top of the first screen is what a viewer arriving now sees whole.
        var screen = Screen(width: 80, height: 24)
        var arriving = Self.viewer(feed, FrameCache())
        var fresh = Self.viewer(Self.room().feed, FrameCache())
        screen.feed(fresh.frame() ?? [])
        screen.feed(moved)
        let now = (0..<24).map(screen.line).joined(separator: "\n")
        #expect(now == Self.text(arriving.frame()))
        #expect(now != first, "the presenter's move changes the viewer's screen")
    }

    @Test func fBrowsesAndABrowsingViewerIsNotMoved() {
        var (feed, presenter) = Self.room()
        let cache = FrameCache()
        var viewer = Self.viewer(feed, cache)
        _ = viewer.frame()
        let left = viewer.typed(Array("f".utf8))
        #expect(left == false)
        #expect(viewer.browsing)
        _ = viewer.frame()
        let before = viewer.state.shared
        _ = AppReducer.handle(&presenter, .key(.char("5")))
        feed.view(presenter.shared)
        viewer.received(presenter.shared)
        #expect(viewer.state.shared == before, "a browsing viewer keeps its own view")
        _ = viewer.typed(Array("f".utf8))
        #expect(!viewer.browsing)
        #expect(viewer.state.shared.panes.focus == presenter.shared.panes.focus, "f again: back with the presenter")
    }

    @Test func qLeavesAndTheTerminalIsPutBack() {
        var viewer = Self.viewer(Self.room().feed, FrameCache())
        let left = viewer.typed(Array("q".utf8))
        #expect(left)
        #expect(String(decoding: viewer.closing, as: UTF8.self).contains("\u{1B}[?1049l"))
    }

    @Test func aResizeIsDrawnWholeAtTheNewSize() throws {
        var viewer = Self.viewer(Self.room().feed, FrameCache())
        _ = viewer.frame()
        viewer.resized(to: Size(width: 100, height: 30))
        let frame = viewer.frame()
        let bytes = try #require(frame)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("\u{1B}[H\u{1B}[2J"))
        let lines = Self.text(bytes, 100, 30).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[29].contains("q quit"))
    }

    @Test func viewersInOneStateShareOneFrameAndOneEncoding() {
        let (feed, presenter) = Self.room()
        let cache = FrameCache()
        var viewers = (0..<50).map { _ in Self.viewer(feed, cache) }
        for i in viewers.indices { _ = viewers[i].frame() }
        #expect(cache.counts.drawn == 1 && cache.counts.encoded == 1, "\(cache.counts)")
        var next = presenter
        _ = AppReducer.handle(&next, .key(.tab))
        for i in viewers.indices { viewers[i].received(next.shared); _ = viewers[i].frame() }
        #expect(cache.counts.drawn == 2 && cache.counts.encoded == 2, "one more frame, one diff, for all fifty: \(cache.counts)")
        #expect(cache.counts.reused == 98 && cache.counts.reusedEncodings == 98)
    }

    @Test func anotherSizeThemeOrBrowsingIsItsOwnFrame() {
        let (feed, _) = Self.room()
        let cache = FrameCache()
        var a = Self.viewer(feed, cache), b = Self.viewer(feed, cache, 120, 40), c = Self.viewer(feed, cache), d = Self.viewer(feed, cache)
        _ = a.frame(); _ = b.frame()
        #expect(cache.counts.drawn == 2)
        _ = c.typed(Array("T".utf8)); _ = c.frame()
        _ = d.typed(Array("f".utf8)); _ = d.frame()
        #expect(cache.counts.drawn == 4, "\(cache.counts)")
        #expect(cache.counts.encoded == 4, "a new theme is encoded in its own colours: \(cache.counts)")
    }

    @Test func theCacheIsBounded() {
        let (feed, _) = Self.room()
        let cache = FrameCache()
        for width in 40..<(40 + FrameCache.frameLimit * 2) {
            var viewer = Self.viewer(feed, cache, width, 20)
            _ = viewer.frame()
        }
        // The oldest sizes were dropped: drawing the first again draws it anew.
        let drawn = cache.counts.drawn
        var first = Self.viewer(feed, cache, 40, 20)
        _ = first.frame()
        #expect(cache.counts.drawn == drawn + 1)
    }

    @Test func aFloodOfKeysInOneReadIsCut() {
        var viewer = Self.viewer(Self.room().feed, FrameCache())
        // A q after more than `inputsPerRead` keys in one read is not reached; one within is.
        let flooded = viewer.typed(Array((String(repeating: "?", count: RemoteViewer.inputsPerRead * 2) + "q").utf8))
        #expect(flooded == false)
        let typed = viewer.typed(Array((String(repeating: "?", count: 2) + "q").utf8))
        #expect(typed)
    }
}
