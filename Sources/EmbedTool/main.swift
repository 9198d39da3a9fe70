// EmbedTool: turns data files into Swift source at build time (run by EmbedPlugin).
//
//   EmbedTool themes OUTPUT.swift FILE.yaml...     the built-in themes, validated and compiled
//   EmbedTool briefings OUTPUT.swift FILE.yaml...  the built-in briefings, validated and compiled
//
// Briefings go through the same loader as any user's file (`BriefingLoader`); an error or a
// warning fails the build with the loader's located messages. The output extends
// `BuiltInBriefings` with each briefing as a Swift expression (so opening one does no YAML
// work) and with its text (what a presenter sends followers).
import Foundation
import TrilateralModel

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = "usage: EmbedTool themes|briefings OUTPUT.swift FILE.yaml..."
guard arguments.count >= 3 else { fail(usage, status: 64) }
let output = arguments[1]
let source: String
switch arguments[0] {
case "themes":
    source = try Embed.themes(paths: arguments.dropFirst(2).sorted())
case "briefings":
    source = try Embed.briefings(paths: arguments.dropFirst(2).sorted())
default:
    fail(usage, status: 64)
}
try source.write(toFile: output, atomically: true, encoding: .utf8)
