import Testing
import TrilateralModel
import TrilateralUI
@testable import TrilateralRemote

/// `FrameCache` on its own and under a room's viewers: a frame is drawn once per equal state
/// (and generation) and an encoding made once per look and pair of frames; viewers that differ
/// in size, theme, browsing or terminal type do not share what they must not; both stores stay
/// within their limits and keep what is in use.
@Suite("Frame cache")
struct FrameCacheTests {
    init() { Fixture.utf8Locale() }

    @Test("equal states share one frame; another generation or another state is drawn anew")
    func frames() {
        let cache = FrameCache()
        let state = Fixture.dashboard(80, 24)
        let a = cache.frame(of: state, generation: 1), b = cache.frame(of: Fixture.dashboard(80, 24), generation: 1)
        #expect(a.id == b.id && cache.counts.drawn == 1 && cache.counts.reused == 1)
        #expect(a.canvas == Dashboard.render(state))
        let c = cache.frame(of: state, generation: 2)
        let d = cache.frame(of: Fixture.pressed(state, [.key(.tab)]), generation: 1)
        #expect(Set([a.id, c.id, d.id]).count == 3 && cache.counts.drawn == 3)
    }

    @Test("an encoding is shared per look and pair of frames, not across looks")
    func encodings() {
        let cache = FrameCache()
        let first = cache.frame(of: Fixture.dashboard(80, 24), generation: 1)
        let second = cache.frame(of: Fixture.pressed(Fixture.dashboard(80, 24), [.key(.tab)]), generation: 1)
        var x1 = Fixture.encoder(), x2 = Fixture.encoder(), mono = Fixture.encoder(Fixture.xterm, .none), ansi = Fixture.encoder(Fixture.ansi, .ansi8)
        let whole = cache.bytes(from: nil, to: first, encoder: &x1)
        #expect(cache.bytes(from: nil, to: first, encoder: &x2) == whole)
        #expect(cache.counts.encoded == 1 && cache.counts.reusedEncodings == 1)
        let diff = cache.bytes(from: first, to: second, encoder: &x1)
        #expect(diff != whole && cache.counts.encoded == 2, "from another frame is another encoding")
        #expect(cache.bytes(from: nil, to: first, encoder: &mono) != whole)
        #expect(cache.bytes(from: nil, to: first, encoder: &ansi) != whole)
        #expect(cache.counts.encoded == 4 && cache.counts.reusedEncodings == 1)
    }

    @Test("viewers of one room, one size, following: one frame and one encoding for all")
    func sharedByViewers() {
        let (feed, _) = Fixture.room()
        let cache = FrameCache()
        var a = Fixture.viewer(feed, cache), b = Fixture.viewer(feed, cache)
        let bytesA = a.frame(), bytesB = b.frame()
        #expect(bytesA != nil && bytesA == bytesB)
        #expect(cache.counts == FrameCache.Counts(drawn: 1, reused: 1, encoded: 1, reusedEncodings: 1))
    }

    @Test("another size, another theme (T), browsing (f) or another terminal type: not shared")
    func notShared() {
        let (feed, _) = Fixture.room()
        let cache = FrameCache()
        var base = Fixture.viewer(feed, cache)
        _ = base.frame()
        #expect(cache.counts.drawn == 1 && cache.counts.encoded == 1)

        var wide = Fixture.viewer(feed, cache, 120, 40)
        _ = wide.frame()
        #expect(cache.counts.drawn == 2 && cache.counts.encoded == 2, "another size: \(cache.counts)")

        var themed = Fixture.viewer(feed, cache)
        _ = themed.frame()
        #expect(cache.counts.drawn == 2 && cache.counts.reused == 1, "same as base until T")
        _ = themed.typed(Array("T".utf8))
        #expect(themed.state.local.theme.current != "dark")
        _ = themed.frame()
        #expect(cache.counts.drawn == 3 && cache.counts.encoded == 3, "another theme: \(cache.counts)")

        var browsing = Fixture.viewer(feed, cache)
        _ = browsing.frame()
        _ = browsing.typed(Array("f".utf8))
        #expect(browsing.browsing)
        _ = browsing.frame()
        #expect(cache.counts.drawn == 4, "browsing: \(cache.counts)")

        var ansi = Fixture.viewer(feed, cache, profile: Fixture.ansi)
        let before = cache.counts
        _ = ansi.frame()
        #expect(cache.counts.drawn == before.drawn && cache.counts.reused == before.reused + 1, "the frame is shared")
        #expect(cache.counts.encoded == before.encoded + 1, "its bytes are not")
    }

    @Test("more distinct states than frameLimit: the frames stay bounded, the newest kept")
    func framesBounded() {
        let cache = FrameCache()
        let states = (0..<(FrameCache.frameLimit + 8)).map { Fixture.dashboard(40 + $0, 20) }
        let ids = states.map { cache.frame(of: $0, generation: 1).id }
        #expect(Set(ids).count == states.count)
        #expect(cache.counts.drawn == states.count)
        // The newest frameLimit are still there; the oldest is not.
        let drawn = cache.counts.drawn
        for state in states.suffix(FrameCache.frameLimit) { _ = cache.frame(of: state, generation: 1) }
        #expect(cache.counts.drawn == drawn, "the newest \(FrameCache.frameLimit) are kept")
        _ = cache.frame(of: states[0], generation: 1)
        #expect(cache.counts.drawn == drawn + 1, "the oldest was dropped")
    }

    @Test("a frame in use survives a stream of others")
    func inUseSurvives() {
        let cache = FrameCache()
        let hot = Fixture.dashboard(80, 24)
        let id = cache.frame(of: hot, generation: 1).id
        for n in 0..<(FrameCache.frameLimit * 3) {
            _ = cache.frame(of: Fixture.dashboard(40 + n, 20), generation: 1)
            #expect(cache.frame(of: hot, generation: 1).id == id, "after \(n) others")
        }
    }

    @Test("more encodings than encodingLimit: bounded, the oldest made again")
    func encodingsBounded() {
        let cache = FrameCache()
        let frame = cache.frame(of: Fixture.dashboard(40, 12), generation: 1)
        // One look per theme name: many looks of one frame.
        let looks = (0..<(FrameCache.encodingLimit + 4)).map { n -> FrameEncoder in
            var theme = Fixture.dark
            theme.name = "theme-\(n)"
            return FrameEncoder(profile: Fixture.xterm, capability: .palette256, theme: theme)
        }
        for var encoder in looks { _ = cache.bytes(from: nil, to: frame, encoder: &encoder) }
        #expect(cache.counts.encoded == looks.count)
        var newest = looks[looks.count - 1], oldest = looks[0]
        _ = cache.bytes(from: nil, to: frame, encoder: &newest)
        #expect(cache.counts.reusedEncodings == 1)
        _ = cache.bytes(from: nil, to: frame, encoder: &oldest)
        #expect(cache.counts.encoded == looks.count + 1, "the oldest encoding was dropped")
    }
}
