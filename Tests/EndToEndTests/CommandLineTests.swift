import Foundation
import TestSupport
import Testing

/// The command line as a user meets it: what it prints for bad input, and that nothing it
/// echoes back (a theme's description, a value typed for an option) reaches the terminal raw.
@Suite("Command line")
struct CommandLineTests {
    /// Runs the binary; its exit status, standard output and standard error. `standardOutput`
    /// sends its output to a file instead (then `out` is empty); `launcher` runs it through
    /// another program (`setpriv …` to drop to a plain user). A run still going after
    /// `seconds` is a hang: it is killed (status 9).
    static func run(_ args: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
                    launcher: [String] = [], seconds: Double = 60) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        let binary = try TmuxHarness.binary
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
        process.arguments = launcher.isEmpty ? args : Array(launcher.dropFirst()) + [binary] + args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let hang = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + Tier.patience(seconds), execute: hang)
        defer { hang.cancel() }
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"

    @Test func valuesTypedForOptionsAreEchoedEscaped() throws {
        for args in [["snapshot", "--format", Self.hostile], ["snapshot", "--theme", Self.hostile], ["dump", "--scenario", Self.hostile],
                     ["snapshot", "--keys", "<\(Self.hostile)>"], ["snapshot", "--size", Self.hostile]] {
            let r = try Self.run(args)
            #expect(r.status == 64, "\(args)")
            #expect(!r.err.isEmpty)
            #expect(!(r.out + r.err).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(args): \(r.err)")
        }
    }

    /// Help is help: on standard output, exit 0, with no error prefix or "see --help".
    @Test(arguments: [["--help"], ["snapshot", "--help"], ["help", "dump"], ["themes", "--help"]])
    func helpIsPrintedAsHelp(_ args: [String]) throws {
        let r = try Self.run(args)
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("OVERVIEW:"), "\(args): \(r.out.prefix(80))")
        #expect(!r.out.contains("(see --help)"))
        #expect(r.err.isEmpty)
    }

    /// `follow --help` names every key a follower has, from the key table.
    @Test func followHelpNamesTheFollowersKeys() throws {
        let r = try Self.run(["follow", "--help"])
        #expect(r.status == 0)
        let text = r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for key in ["q, Ctrl-C: quit", "?: this help", "T: next colour theme", "f: browse on your own", "F: browse until"] {
            #expect(text.contains(key), "follow --help lacks \(key): \(text)")
        }
    }

    @Test func aNegativeLookingSizeIsNamed() throws {
        let r = try Self.run(["snapshot", "--size", "-5x10"])
        #expect(r.status == 64)
        #expect(r.err.contains("--size '-5x10' must look like 120x40"))
    }

    @Test func themeDescriptionsAreEscaped() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "xdg-\(UUID().uuidString.prefix(8))")
        let themes = dir.appending(path: "trilateral/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "name: evil\ndescription: \"\\e]0;TITLE\\a\\e[2J\\x9b\"\nroles: { text: { fg: red } }\n".write(to: themes.appending(path: "evil.yaml"), atomically: true, encoding: .utf8)
        try "name: dark\nextends: nowhere\nroles: {}\n".write(to: themes.appending(path: "dark.yaml"), atomically: true, encoding: .utf8)
        let r = try Self.run(["themes"], environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(r.status == 0)
        #expect(r.out.contains("evil") && r.out.contains("\\e]0;TITLE\\a\\e[2J\\u{9B}"))
        #expect(!r.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(r.out.contains("dark             Default dark"), "the built-in dark stays")
        let snapshot = try Self.run(["snapshot", "--theme", "dark", "--size", "80x24"], environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(snapshot.status == 0, "a broken user theme named dark does not take dark away: \(snapshot.err)")
    }

    @Test func scenarioMistakesAreSuggested() throws {
        let r = try Self.run(["dump", "--scenario", "us-election=trum"])
        #expect(r.status == 64)
        #expect(r.err.contains("did you mean 'trump'"))
        for bad in ["", ",,,", "us-election=trump,us-election=harris"] {
            #expect(try Self.run(["dump", "--scenario", bad]).status == 64, "'\(bad)'")
        }
    }

    /// `export --polls`: a record that does not fit the briefing is refused at its line, column
    /// and field, with exit 65 and no handout.
    @Test func aPollRecordThatDoesNotFitIsRefusedWhereItIsWrong() throws {
        let title = "Economic security and political leadership in the US-Japan-South Korea trilateral"
        func record(_ factor: String, briefing: String = title) -> String {
            "{\n  \"briefing\" : \"\(briefing)\",\n  \"polls\" : [\n    {\n      \"number\" : 1, \"factor\" : \"\(factor)\", \"question\" : \"Q?\",\n"
                + "      \"counts\" : [ { \"option\" : \"continuity\", \"label\" : \"C\", \"count\" : 2 } ],\n"
                + "      \"notAnswered\" : 0, \"opened\" : 0, \"closed\" : 60\n    }\n  ]\n}\n"
        }
        let cases: [(text: String, error: String)] = [
            (record("no-such-factor"), ":5:32: polls[0].factor: no factor “no-such-factor” in this briefing"),
            (record("korea-2027", briefing: "Another"), ":2:16: briefing: recorded on “Another”"),
            (record("korea-2027").replacingOccurrences(of: "\"count\" : 2", with: "\"count\" : \"two\""), ":6:72: polls[0].counts[0].count: expected a number"),
            ("{ \"briefing\" : ", ":2:1: (file): not JSON"),   // where the text ends, unfinished
            (record("korea-2027").replacingOccurrences(of: "\"closed\" : 60", with: "\"closed\" : -5"), ":7:51: polls[0].closed: a poll closes after it opens"),
            (record("korea-2027").replacingOccurrences(of: "\"count\" : 2 } ]", with: "\"count\" : 2 }, { \"option\" : \"continuity\", \"label\" : \"C\", \"count\" : 1 } ]"),
             ":6:90: polls[0].counts[1].option: “continuity” is counted twice"),
            (record("korea-2027").replacingOccurrences(of: "\"closed\" : 60", with: "\"closed\" : 60, \"applied\" : \"moon-line\""),
             ":7:67: polls[0].applied: “moon-line” is not the one option with the most answers"),
        ]
        for (text, error) in cases {
            let file = FileManager.default.temporaryDirectory.appending(path: "polls-\(UUID().uuidString.prefix(8)).json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try Self.run(["export", "--format", "markdown", "--polls", file.path])
            #expect(result.status == 65, "\(result.err)")
            #expect(result.err.contains(file.path + error), "\(result.err)")
            #expect(result.out.isEmpty)
        }
        let good = FileManager.default.temporaryDirectory.appending(path: "polls-\(UUID().uuidString.prefix(8)).json")
        try record("korea-2027").write(to: good, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: good) }
        let result = try Self.run(["export", "--format", "markdown", "--polls", good.path])
        #expect(result.status == 0 && result.out.contains("## What the room thought"), "\(result.err)")
    }

    @Test func validateSaysWhereAndHow() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "typo-\(UUID().uuidString.prefix(8)).yaml")
        try "title: T\nauthor: A\npublished: 2024\ncountries: []\npillars: []\nevents:\n  - { id: e, date: 2024, title: E, kind: meting, cite: { para: 1 } }\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try Self.run(["validate", file.path])
        #expect(r.status == 65)
        #expect(r.err.contains("\(file.path):7:") && r.err.contains("(did you mean 'meeting'?)"))
    }
}
