import ArgumentParser
import TrilateralModel

/// `trilateral dump`: the whole briefing as plain, linear text.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the whole briefing as plain text: for screen readers, reports and grep.")

    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scenario: ScenarioOptions

    enum Layer: String, ExpressibleByArgument, CaseIterable { case briefing, hindsight }

    @Option(name: .long, help: "briefing: the article's own account; hindsight: also what happened after it.")
    var layer: Layer = .briefing

    func run() throws {
        let model = try briefing.load()
        let chosen = try scenario.resolve(in: model)
        try Console.out(BriefingText.dump(model, hindsight: layer == .hindsight) + BriefingText.outlooks(model, scenario: chosen))
    }
}
