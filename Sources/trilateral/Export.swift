import ArgumentParser
import TrilateralExport
import TrilateralModel
import TrilateralUI

/// `trilateral export`: a handout of the briefing, as a self-contained HTML page or Markdown.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a handout: one self-contained HTML page (inline CSS and SVG, printable) or Markdown.",
        discussion: "e.g. trilateral export --format html --scenario downward-spiral --layer hindsight --output brief.html")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @Option(name: .long, help: "html or markdown.")
    var format: Format = .html

    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "briefing: the article's own account; hindsight: also what happened after it, and the scorecard.")
    var layer: Dump.Layer = .briefing

    /// The page uses the theme's colours where they read on paper and screens.
    @OptionGroup var theme: ThemeOptions

    @Option(name: .long, help: ArgumentHelp("Add \"What the room thought\": the polls of a session, as present --record wrote them.", valueName: "file"))
    var polls: String?

    @Option(name: .long, help: ArgumentHelp("Write here instead of standard output (a file is replaced whole, a device or FIFO written in place; never a directory or socket).", valueName: "file"))
    var output: String?

    func run() throws {
        let model = try briefing.load()
        let record = try polls.map { try PollLogFile.load($0, for: model) } ?? []
        let handout = Handout(briefing: model, scenario: try scenario.resolve(in: model), hindsight: layer == .hindsight, polls: record)
        let text: String
        switch format {
        case .html:
            var (library, state) = try theme.resolve()
            text = HandoutHTML(handout, theme: library.use(state.current) ?? .fallback).page
        case .markdown:
            text = HandoutMarkdown(handout).text
        }
        guard let output else { try Console.out(text); return }
        try OutputFile.write(text, to: output)
    }
}
