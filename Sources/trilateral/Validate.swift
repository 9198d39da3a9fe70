import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel

/// `trilateral validate FILE...`: checks briefing files and reports every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check briefing files; print `ok` or every error (exit 65 invalid, 66 unreadable).")

    @Argument(help: "Briefing YAML files.")
    var files: [String]

    func run() throws {
        var status: Int32 = 0
        for file in files {
            switch BriefingLoader.load(path: file) {
            case .success(let loaded):
                for w in loaded.warnings { try Console.out(w.description + "\n") }
                try Console.out("\(file.escapingControls): ok\n")
            case .failure(let error):
                Console.error(error.description)
                status = max(status, error.exitStatus)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
