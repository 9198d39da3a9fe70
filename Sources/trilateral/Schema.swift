import ArgumentParser
import TrilateralModel

/// `trilateral schema`: the briefing format as a JSON Schema, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the briefing format as a JSON Schema (draft 2020-12) for YAML editors.",
        discussion: """
        The same schema is in the repository at \(BriefingSchema.path). With the YAML language \
        server (VS Code, Neovim, Helix …) put this first line in a briefing: \
        # yaml-language-server: $schema=PATH-OR-URL-OF-briefing.schema.json
        """)

    func run() throws {
        try Console.out(BriefingSchema.json)
    }
}
