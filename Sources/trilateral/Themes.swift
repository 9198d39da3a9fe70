import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralUI

/// `trilateral themes`: lists the themes; `themes check FILE` validates one.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (built-in and user), or check a theme file.",
        subcommands: [List.self, Check.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List themes with a one-line swatch.")
        func run() throws {
            let (themes, problems) = ThemeLoader.catalog(userDirectory: ThemeOptions.userThemeDirectory)
            for t in themes {
                let swatch = [StyleRole.countryUS, .countryJapan, .countryKorea, .outlookStrong, .outlookStrained, .outlookFaltering]
                    .map { CanvasText.sgr(t.style($0)) + "■" }.joined() + "\u{1B}[0m"
                let show = isatty(1) == 1 ? swatch + " " : ""
                let name = Console.escaped(t.name)
                let gap = String(repeating: " ", count: max(1, 17 - DisplayWidth.of(name)))
                try Console.out(show + name + gap + Console.escaped(t.description) + "\n")
            }
            for p in problems { Console.error("warning: \(p)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a theme file (exit 65 invalid, 66 unreadable).")
        @Argument var file: String
        func run() throws {
            switch ThemeLoader.load(path: file, userDirectory: ThemeOptions.userThemeDirectory) {
            case .success(let t): try Console.out(Console.escaped("\(file): ok (\(t.name))") + "\n")
            case .failure(let e): throw Failure(e)
            }
        }
    }
}
