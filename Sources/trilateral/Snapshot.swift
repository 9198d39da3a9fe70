import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel
import TrilateralUI

/// `trilateral snapshot`: the dashboard rendered headlessly, after replaying keys.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the dashboard as text (or ANSI) at a given size, after replaying keys.",
        discussion: "Keys: literal characters plus <Tab> <S-Tab> <Enter> <Esc> <Space> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <C-x> <lt> <resize:WxH> <click:X,Y>.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, ansi }

    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var theme: ThemeOptions
    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Size as COLSxROWS, each 1-1000.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(name: .long, help: ArgumentHelp("Keys to replay first, e.g. \"<Tab>jj<Enter>\".", valueName: "keys"))
    var keys: String = ""

    @Option(name: .long, help: "Output format: text or ansi.")
    var format: Format = .text

    @Flag(name: .long, help: "Draw with ASCII only, as in a non-UTF-8 locale.")
    var ascii = false

    func run() throws {
        guard let size = Size.parse(size) else {
            throw ValidationError("--size '\(size)' must look like 120x40 (columns x rows, each 1-1000)")
        }
        let model = try briefing.load()
        var (library, themeState) = try theme.resolve()
        var state = AppState(briefing: model, size: size, theme: themeState, ascii: ascii)
        AppReducer.reduce(&state, .whatIf(.set(try scenario.resolve(in: model))))
        switch KeyScript.parse(keys) {
        case .success(let inputs):
            for input in inputs where !AppReducer.handle(&state, input).contains(.quit) {}
        case .failure(let error):
            throw ValidationError("--keys: \(error)")
        }
        let canvas = Dashboard.render(state)
        if format == .text {
            try Console.out(CanvasText.plain(canvas))
        } else if let theme = library.use(state.local.theme.current) {
            try Console.out(CanvasText.ansi(canvas, theme: theme))
        }
    }
}
