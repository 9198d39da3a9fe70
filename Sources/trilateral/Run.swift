import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel
import TrilateralTerminal
import TrilateralUI

/// `trilateral [run]`: the interactive dashboard.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the dashboard in this terminal (the default command).")

    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        // ArgumentParser calls run() on the main thread; ncurses lives there too.
        try MainActor.assumeIsolated { try start() }
    }

    @MainActor
    private func start() throws {
        let (model, start) = try dashboard.load()
        try Self.open(model, scenario: start, theme: dashboard.display.theme.theme, color: dashboard.display.color,
                      watching: dashboard.watch ? dashboard.briefing.briefing : nil)
    }

    /// Opens the dashboard on `briefing` and runs it until the user quits, reloading the file
    /// at `watching` whenever it is saved.
    @MainActor
    static func open(_ briefing: Briefing, scenario: Scenario? = nil, theme: String = ThemeLoader.defaultName,
                     color: ColorCapability.Preference = .auto, watching: String? = nil) throws -> Never {
        let loop = try Launch(briefing: briefing, scenario: scenario, theme: theme, color: color).loop()
        if let watching { loop.keep(try BriefingWatch(path: watching, loop: loop)) }
        loop.run()
    }
}
