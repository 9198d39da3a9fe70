import BuiltInBriefings
import Glibc
import TrilateralModel
import TrilateralStyle
import TrilateralUI
@testable import TrilateralRemote

/// What the suites of this target share: the terminal types, the `dark` theme, dashboards on
/// the built-in briefing, and bytes replayed on a `Screen`.
enum Fixture {
    /// The C library's widths are the UTF-8 locale's, as in the door (`setlocale` in its main).
    static func utf8Locale() { setlocale(LC_ALL, "C.UTF-8") }

    static let xterm = TerminalProfile.named("xterm-256color")!
    /// `ansi`: automatic margins without `xenl`, so writing its bottom-right cell scrolls.
    static let ansi = TerminalProfile.named("ansi")!

    static var dark: Theme { var library = ThemeLibrary(userDirectory: nil); return library.use("dark")! }

    static func encoder(_ profile: TerminalProfile = xterm, _ capability: ColorCapability = .palette256) -> FrameEncoder {
        FrameEncoder(profile: profile, capability: capability, theme: dark)
    }

    /// A fresh dashboard on the built-in briefing.
    static func dashboard(_ width: Int, _ height: Int) -> AppState {
        AppState(briefing: BuiltInBriefings.standard, size: Size(width: width, height: height))
    }

    /// The state after `inputs`, pressed as a user presses them.
    static func pressed(_ state: AppState, _ inputs: [Input]) -> AppState {
        var state = state
        for input in inputs { _ = AppReducer.handle(&state, input) }
        return state
    }

    /// The rows of `screen` that differ from `canvas`'s, as "row n: screen | canvas".
    static func differences(_ screen: Screen, _ canvas: Canvas, skipping skipped: Set<Int> = []) -> [String] {
        let expected = Screen.lines(of: canvas)
        return (0..<canvas.size.height).filter { !skipped.contains($0) && screen.line($0) != expected[$0] }
            .map { "row \($0): \(screen.line($0).debugDescription) | \(expected[$0].debugDescription)" }
    }

    /// A room of the built-in briefing following a presenter at 120×40, viewers in `dark`.
    static func room(themes: ThemeLibrary = ThemeLibrary(userDirectory: nil)) -> (feed: RoomFeed, presenter: AppState) {
        var feed = RoomFeed(session: "room", theme: ThemeState(names: themes.names, current: "dark"))
        feed.hello(BuiltInBriefings.standard)
        let presenter = dashboard(120, 40)
        feed.view(presenter.shared)
        return (feed, presenter)
    }

    static func viewer(_ feed: RoomFeed, _ cache: FrameCache, _ width: Int = 80, _ height: Int = 24,
                       profile: TerminalProfile = xterm) -> RemoteViewer {
        RemoteViewer(feed: feed, profile: profile, size: Size(width: width, height: height),
                     themes: ThemeLibrary(userDirectory: nil), cache: cache)!
    }
}
