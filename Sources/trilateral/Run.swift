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
        let start = try scenario.resolve(in: model)
        var launch = try Launch(briefing: model, theme: theme, color: color)
        launch.state.scenario = start
        launch.state.recomputeOutlooks()
        launch.loop().run()
    }
}

extension ColorCapability.Preference: ExpressibleByArgument {}
