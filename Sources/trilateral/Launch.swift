import ArgumentParser
import Foundation
import TrilateralModel
import TrilateralShare
import TrilateralTerminal
import TrilateralUI

/// What every interactive command (run, present, follow) does before its loop: pick the
/// themes, open the terminal, and make a first state for a briefing.
@MainActor
struct Launch {
    let screen: TerminalScreen
    let themes: [Theme]
    var state: AppState

    init(briefing: Briefing, theme: ThemeOptions, color: ColorCapability.Preference) throws {
        let (themes, index, broken) = try theme.resolve()
        do {
            screen = try TerminalScreen(colorPreference: color, environment: ProcessInfo.processInfo.environment)
        } catch let error as TerminalUnavailable {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        self.themes = themes
        state = AppState(briefing: briefing, size: screen.size, themeNames: ThemeOptions.cycle(themes, broken: broken), themeName: themes[index].name)
        state.themeProblems = broken
    }

    func loop() -> EventLoop { EventLoop(state: state, screen: screen, themes: themes) }
}

extension SessionError {
    /// Prints the error and gives the exit code: 64 for a bad name or group, 1 otherwise.
    func report() -> ExitCode {
        FileHandle.standardError.write(Data("trilateral: \(self)\n".utf8))
        switch self {
        case .badName, .unknownGroup, .pathTooLong: return ExitCode(64)
        default: return ExitCode(1)
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
