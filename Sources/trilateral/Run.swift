import ArgumentParser
import FoundationEssentials
import Glibc

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
        try Launch(briefing: model, scenario: start, display: dashboard.display).loop().run()
    }
}
