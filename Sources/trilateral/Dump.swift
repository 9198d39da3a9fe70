import ArgumentParser
import TrilateralModel

/// `trilateral dump`: the whole briefing as plain, linear text.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole briefing as plain text: for screen readers, reports and grep.")

    @OptionGroup var briefing: BriefingOptions

    func run() throws {
        print(BriefingText.dump(try briefing.load()), terminator: "")
    }
}
