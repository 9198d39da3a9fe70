import Foundation
import PackagePlugin

/// Compiles the built-in briefings (`Sources/BuiltInBriefings/*.yaml`) into Swift at build time
/// with `BriefingCompiler`: validated by the loader every user's file goes through, and opened
/// at run time without any YAML work. The YAML files stay the single source.
@main
struct BriefingCompilerPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledBriefings.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) briefing(s)",
                executable: try context.tool(named: "BriefingCompiler").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
