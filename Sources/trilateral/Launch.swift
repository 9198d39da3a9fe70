import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel
import TrilateralShare
import TrilateralTerminal
import TrilateralUI

/// What every interactive command (run, present, follow) does before its loop: pick the
/// themes, open the terminal, and make a first state for a briefing.
@MainActor
struct Launch {
    let screen: TerminalScreen
    let themes: ThemeLibrary
    var state: AppState

    /// Opens the terminal on `briefing`, starting from `scenario` (the baseline when nil).
    init(briefing: Briefing, scenario: Scenario? = nil, display: DisplayOptions) throws {
        try self.init(briefing: briefing, scenario: scenario, theme: display.theme.theme, color: display.color)
    }

    /// The same with the look given as values: a theme name or file, and the colour choice.
    init(briefing: Briefing, scenario: Scenario? = nil, theme: String, color: ColorCapability.Preference) throws {
        let (themes, themeState) = try ThemeOptions.resolve(theme)
        do {
            screen = try TerminalScreen(colorPreference: color, environment: ProcessInfo.processInfo.environment)
        } catch let error as TerminalUnavailable {
            throw Failure(error.description, status: 2)
        }
        self.themes = themes
        state = AppState(briefing: briefing, size: screen.size, theme: themeState, ascii: screen.ascii)
        if let scenario { AppReducer.reduce(&state, .whatIf(.set(scenario))) }
    }

    func loop() -> EventLoop { EventLoop(state: state, screen: screen, themes: themes) }
}

/// How an interactive dashboard looks: its theme and colour use.
struct DisplayOptions: ParsableArguments {
    @OptionGroup var theme: ThemeOptions

    @Option(name: .long, help: "Colour: always, never or auto (auto honours NO_COLOR, COLORTERM and terminfo).")
    var color: ColorCapability.Preference = .auto
}

/// What `run` and `present` share: the briefing, the scenario to start from, and the look.
struct DashboardOptions: ParsableArguments {
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Reload the --briefing file whenever it is saved; a version that does not load shows its error and leaves the last good one on screen.")
    var watch = false

    /// The briefing and its starting scenario (exits 64–66 on bad input, before any screen).
    func load() throws -> (Briefing, Scenario) {
        if watch && briefing.briefing == nil { throw Failure("trilateral: --watch needs --briefing FILE (the built-in briefing does not change)", status: 64) }
        let model = try briefing.load()
        return (model, try scenario.resolve(in: model))
    }
}

extension ColorCapability.Preference: ExpressibleByArgument {}

extension SessionError {
    /// The failure to report: exit 64 for a bad name or group, 1 otherwise.
    func report() -> Failure {
        switch self {
        case .badName, .unknownGroup, .pathTooLong: Failure("trilateral: \(self)", status: 64)
        default: Failure("trilateral: \(self)", status: 1)
        }
    }
}

/// Options the session commands share.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The directory holding session sockets (default: $XDG_RUNTIME_DIR/trilateral, or /tmp/trilateral-UID).", valueName: "dir"))
    var dir: String?

    func address(_ name: String?) throws -> SessionAddress {
        do { return try SessionAddress(name: name, directory: dir, environment: ProcessInfo.processInfo.environment) }
        catch { throw error.report() }
    }
}
