import Foundation
import PackagePlugin

/// Turns data files into Swift at build time with `EmbedTool`; the files stay the single source
/// and the binary is rebuilt from them whenever they change.
///
/// - `TrilateralUI` gets the top-level `themes/` folder validated, resolved and compiled into
///   Swift values, with their texts (`EmbeddedThemes`).
/// - `BuiltInBriefings` gets its `*.yaml` files validated by the loader every user's file goes
///   through and compiled into Swift values, so opening one does no YAML work at run time.
@main
struct EmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, mode, output): (URL, [String], String)
        switch target.name {
        case "TrilateralUI":
            (folder, mode, output) = (context.package.directoryURL.appending(path: "themes"), ["themes"], "EmbeddedThemes.swift")
        case "BuiltInBriefings":
            (folder, mode, output) = (target.directoryURL, ["briefings"], "CompiledBriefings.swift")
        default:
            return []
        }
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { folder.appending(path: $0) }
        let outputURL = context.pluginWorkDirectoryURL.appending(path: output)
        let arguments = mode + [outputURL.path()]
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) file(s) in \(target.name)",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: arguments + inputs.map { $0.path() },
                // In a sanitizer build the tool is instrumented too; what it leaves allocated
                // at exit is not the program's leak and must not fail the build.
                environment: ["ASAN_OPTIONS": "detect_leaks=0"],
                inputFiles: inputs,
                outputFiles: [outputURL]
            )
        ]
    }
}
