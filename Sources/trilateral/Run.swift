import ArgumentParser
import Foundation
import TrilateralModel
import TrilateralTerminal
import TrilateralUI

/// `trilateral [run]`: the interactive dashboard.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard in this terminal (the default command).")

    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var theme: ThemeOptions
    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "Colour: always, never or auto (auto honours NO_COLOR, COLORTERM and terminfo).")
    var color: ColorCapability.Preference = .auto

    func run() throws {
        // ArgumentParser calls run() on the main thread; ncurses lives there too.
        try MainActor.assumeIsolated { try start() }
    }

    @MainActor
    private func start() throws {
        let model = try briefing.load()
        let (themes, index, broken) = try theme.resolve()
        let start = try scenario.resolve(in: model)
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(colorPreference: color, environment: ProcessInfo.processInfo.environment)
        } catch let error as TerminalUnavailable {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        var state = AppState(briefing: model, size: screen.size, themeNames: ThemeOptions.cycle(themes, broken: broken), themeName: themes[index].name)
        state.themeProblems = broken
        state.scenario = start
        state.recomputeOutlooks()
        EventLoop(state: state, screen: screen, themes: themes).run()
    }
}

extension ColorCapability.Preference: ExpressibleByArgument {}
