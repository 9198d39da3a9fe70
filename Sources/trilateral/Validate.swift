import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel

/// `trilateral validate FILE...`: checks briefing files and reports every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check briefing files, quotes against their source texts included; print `ok` or every error (exit 65 invalid, 66 unreadable).")

    @Argument(help: "Briefing YAML files.")
    var files: [String]

    @Flag(name: .long, help: "Also warn about what could not be checked (quotes whose source names no `text`), and fail (exit 65) on any warning.")
    var strict = false

    func run() throws {
        var status: Int32 = 0
        for file in files {
            switch BriefingLoader.load(path: file) {
            case .success(let loaded):
                var warnings = loaded.warnings.map(\.description)
                if strict, loaded.quotesUnchecked > 0 { warnings.append(Self.uncheckedWarning(file, loaded.quotesUnchecked)) }
                for w in warnings { try Console.out(w + "\n") }
                if strict, !warnings.isEmpty {
                    Console.error("\(file.escapingControls): \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (--strict: not ok)")
                    status = max(status, 65)
                } else {
                    try Console.out("\(file.escapingControls): ok\(Self.checked(loaded))\n")
                }
            case .failure(let error):
                Console.error(error.description)
                status = max(status, error.exitStatus)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// What the check proved, after `ok`: "; 79 quotes checked against their source's text".
    static func checked(_ loaded: BriefingLoader.Loaded) -> String {
        guard loaded.quotesChecked > 0 else { return "" }
        let files = Set(loaded.briefing.sources.compactMap { $0.text?.file }).sorted().map(\.escapingControls)
        let n = loaded.quotesChecked
        return "; \(n) quote\(n == 1 ? "" : "s") checked against \(files.joined(separator: ", "))"
    }

    /// The `--strict` warning for quotes taken on trust.
    static func uncheckedWarning(_ file: String, _ n: Int) -> String {
        "\(file.escapingControls): warning: \(n) quote\(n == 1 ? " is" : "s are") unchecked: no source names its `text` (see FORMAT.md, `source`)"
    }
}
