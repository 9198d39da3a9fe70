import Foundation
import PackagePlugin

/// Embeds data files into the targets that need them at build time.
///
/// `TrilateralModel` gets the briefings in its `Briefings/` folder (as `EmbeddedBriefings`);
/// `TrilateralUI` gets the top-level `themes/` folder (as `EmbeddedThemes`). The files stay
/// the single source of truth: the binary is rebuilt from them whenever they change.
@main
struct EmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, enumName, suffix): (URL, String, String)
        switch target.name {
        case "TrilateralModel":
            folder = target.directoryURL.appending(path: "Briefings")
            (enumName, suffix) = ("EmbeddedBriefings", ".yaml")
        case "TrilateralUI":
            folder = context.package.directoryURL.appending(path: "themes")
            (enumName, suffix) = ("EmbeddedThemes", ".yaml")
        default:
            return []
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(suffix) }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) file(s) as \(enumName)",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path(), enumName] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
