import ArgumentParser
import TrilateralModel

/// `trilateral dump`: the whole briefing as plain, linear text.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole briefing as plain text: for screen readers, reports and grep.")

    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
        let model = try briefing.load()
        let chosen = try scenario.resolve(in: model)
        print(BriefingText.dump(model) + BriefingText.outlooks(model, scenario: chosen), terminator: "")
    }
}
