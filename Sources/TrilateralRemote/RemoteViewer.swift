import TrilateralModel
import TrilateralStyle
import TrilateralUI

/// One viewer's dashboard on a terminal this process does not own (the far end of an SSH
/// channel): a follower's own state — its size, theme, help, browsing, poll answer — fed the
/// presenter's views by its room, changed only by `AppReducer` as a local follower's is, drawn
/// through the room's `FrameCache`, its keys read from the bytes the terminal sends.
///
/// It says what to send and never sends it: `frame()` is asked for when the channel can take
/// more, so a viewer that reads slowly gets the newest frame, not every frame in between.
public struct RemoteViewer: Sendable {
    public private(set) var state: AppState
    /// The room's briefing generation on this screen.
    public private(set) var generation: Int
    public let profile: TerminalProfile
    private let capability: ColorCapability
    private var themes: ThemeLibrary
    private var encoder: FrameEncoder
    private var keys = KeyBytes()
    /// The frame on the viewer's screen (nil: none yet, or it must be drawn again whole).
    private var onScreen: FrameCache.Frame?
    private let cache: FrameCache

    /// A viewer arriving at `feed`'s room with a terminal of type `profile`, `size` cells.
    /// Colour is as terminfo says for its type (an SSH client sends no COLORTERM or NO_COLOR).
    /// Nil before the room has the presenter's briefing.
    public init?(feed: RoomFeed, profile: TerminalProfile, size: Size, themes: ThemeLibrary, cache: FrameCache) {
        guard var state = feed.start else { return nil }
        AppReducer.reduce(&state, .app(.resize(size)))
        self.state = state
        generation = feed.generation
        self.profile = profile
        capability = ColorCapability.detect(preference: .auto, environment: ["TERM": profile.name], terminfoColors: profile.colors)
        self.themes = themes
        let theme = self.themes.use(state.local.theme.current) ?? Theme.fallback
        encoder = FrameEncoder(profile: profile, capability: capability, theme: theme)
        self.cache = cache
    }

    /// Whether this viewer browses on its own (`f`), and its answer to the open poll: what its
    /// presenter hears.
    public var browsing: Bool { state.local.following?.browsing == true }
    public var pollAnswer: PollAnswer? { state.pollAnswer }

    /// The terminal's set-up on arrival (its first frame follows from `frame()`).
    public var opening: [UInt8] { Array(profile.opening.utf8) }
    /// The terminal put back as it was, on the way out.
    public var closing: [UInt8] { Array(profile.closing.utf8) }

    /// What the viewer typed. Returns true when it asked to leave (`q`). At most
    /// `inputsPerRead` inputs of one read are taken (no hand types faster; a paste or a flood
    /// from a client costs the room no more than that).
    public mutating func typed<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        for input in keys.feed(bytes).prefix(Self.inputsPerRead) {
            for effect in AppReducer.handle(&state, input) {
                switch effect {
                case .quit: return true
                case .themeChanged:
                    // New colours for every role: the whole frame again.
                    let theme = themes.use(state.local.theme.current) ?? encoder.theme
                    encoder = FrameEncoder(profile: profile, capability: capability, theme: theme)
                    onScreen = nil
                // A remote viewer has no process to stop, and no presenter's tour to step.
                case .suspend, .toPresenter: break
                }
            }
        }
        return false
    }

    public static let inputsPerRead = 64

    /// The presenter's newest view.
    public mutating func received(_ view: SharedState) {
        AppReducer.reduce(&state, .follow(.received(view)))
    }

    /// The presenter's new briefing (a `--watch` reload), the room's `generation`th.
    public mutating func rebased(_ briefing: Briefing, generation: Int) {
        AppReducer.reduce(&state, .follow(.rebase(briefing)))
        self.generation = generation
    }

    /// The terminal's new size (`window-change`): laid out again and drawn whole, as a
    /// terminal's own content after a resize is the emulator's guess.
    public mutating func resized(to size: Size) {
        AppReducer.reduce(&state, .app(.resize(size)))
        onScreen = nil
    }

    /// The bytes that bring the viewer's screen to its state now; nil when it shows that already.
    public mutating func frame() -> [UInt8]? {
        let frame = cache.frame(of: state, generation: generation)
        guard frame.id != onScreen?.id else { return nil }
        let bytes = cache.bytes(from: onScreen, to: frame, encoder: &encoder)
        onScreen = frame
        // A new state that looks the same (a browsing viewer told of the presenter's move).
        return bytes.isEmpty ? nil : bytes
    }
}
