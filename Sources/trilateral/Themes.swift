import ArgumentParser
import Foundation
import TrilateralUI

/// `trilateral themes`: lists the themes; `themes check FILE` validates one.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the colour themes (built-in and user), or check a theme file.",
        subcommands: [List.self, Check.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List themes with a one-line swatch.")
        func run() throws {
            let (themes, problems) = ThemeLoader.catalog(userDirectory: ThemeOptions.userThemeDirectory)
            for t in themes {
                let swatch = [StyleRole.countryUS, .countryJapan, .countryKorea, .outlookStrong, .outlookStrained, .outlookFaltering]
                    .map { CanvasText.sgr(t.style($0)) + "■" }.joined() + "\u{1B}[0m"
                let show = isatty(1) == 1 ? swatch + " " : ""
                print("\(show)\(t.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(t.description)")
            }
            for p in problems { FileHandle.standardError.write(Data("warning: \(p)\n".utf8)) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a theme file (exit 65 invalid, 66 unreadable).")
        @Argument var file: String
        func run() throws {
            switch ThemeLoader.load(path: file) {
            case .success(let t): print("\(file): ok (\(t.name))")
            case .failure(let e):
                FileHandle.standardError.write(Data("\(e)\n".utf8))
                throw ExitCode(e.exitStatus)
            }
        }
    }
}
