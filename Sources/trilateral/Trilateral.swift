import BuiltInBriefings
import ArgumentParser
import FoundationEssentials
import Glibc
import TrilateralModel
import TrilateralUI

/// The `trilateral` command: the dashboard by default, and headless subcommands.
@main
struct Trilateral: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "trilateral",
        abstract: "A terminal dashboard for the US–Japan–South Korea economic-security briefing.",
        discussion: """
        With no subcommand, opens the dashboard on the built-in briefing (Andrew Capistrano, \
        "Economic security and political leadership in the US-Japan-South Korea trilateral", \
        Institute of Geoeconomics, 9 Oct 2024) or on --briefing FILE.

        Keys (? on the dashboard lists every mode's): \(KeyDocs.summary). To show others: \
        trilateral present, and each viewer runs trilateral follow.
        """,
        version: version,
        subcommands: [Run.self, Present.self, Follow.self, Snapshot.self, New.self, Validate.self, Dump.self, Export.self, Schema.self, Themes.self],
        defaultSubcommand: Run.self
    )

    /// Parses, runs, and reports: a `Failure` as its message and status, anything from the
    /// argument parser (errors, help) as it would, but escaped, since it may echo what was typed.
    static func main() {
        // No arguments, the usual way in: the built-in briefing with every default. The
        // parser's reflection over the commands (about 2 ms, a third of start-up) is for
        // when there is something to parse.
        if CommandLine.arguments.count == 1 {
            do { try MainActor.assumeIsolated { try Run.open(BuiltInBriefings.standard) } } catch let failure as Failure {
                stop(failure)
            } catch {
                Console.error("trilateral: \(error)")
                Glibc.exit(1)
            }
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            report(error, message: fullMessage(for: error))
        }
        do {
            try command.run()
            try Console.finish()
        } catch let failure as Failure {
            stop(failure)
        } catch {
            // Help asked for through a command's run() arrives here too: shown as help.
            if exitCode(for: error) == .success { report(error, message: fullMessage(for: error)) }
            report(error, message: message(for: error).isEmpty ? "" : "trilateral: \(message(for: error)) (see --help)")
        }
    }

    /// Prints a failure's message on standard error and exits with its status.
    static func stop(_ failure: Failure) -> Never {
        Console.error(failure.message)
        Glibc.exit(failure.status)
    }

    /// Prints what the argument parser says (help on standard output, errors on standard
    /// error, both escaped: they may echo what was typed) and exits with its status.
    static func report(_ error: Error, message: String) -> Never {
        let status = exitCode(for: error)
        if status == .success {
            do {
                if !message.isEmpty { try Console.out(Console.escaped(message) + "\n") }
                try Console.finish()
            } catch let failure as Failure { stop(failure) } catch {}
        } else if !message.isEmpty {
            Console.error(message)
        }
        Glibc.exit(status.rawValue)
    }
}

/// Options every command that shows a briefing shares.
struct BriefingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A briefing YAML file (default: the built-in briefing).", valueName: "file"))
    var briefing: String?

    /// Loads the chosen briefing, printing warnings; exits 65/66 on failure.
    func load() throws -> Briefing {
        guard let path = briefing else { return BuiltInBriefings.standard }
        switch BriefingLoader.load(path: path) {
        case .success(let loaded):
            for warning in loaded.warnings { Console.error(warning.description) }
            return loaded.briefing
        case .failure(let error):
            throw Failure(error)
        }
    }

    /// The chosen briefing's YAML and where it came from (what a presenter sends followers).
    func source() throws -> (text: String, file: String) {
        guard let path = briefing else {
            return (BuiltInBriefings.text(named: BuiltInBriefings.defaultName)!, "(built-in) \(BuiltInBriefings.defaultName)")
        }
        switch YAMLDocument.read(path: path, limit: BriefingLoader.maximumBytes, what: "briefing") {
        case .success(let bytes): return (String(decoding: bytes, as: UTF8.self), URL(fileURLWithPath: path).lastPathComponent)
        case .failure(let error): throw Failure(error)
        }
    }
}

/// The what-if scenario to start from.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A preset (e.g. downward-spiral) or factor=option,… over the baseline.", valueName: "spec"))
    var scenario: String?

    /// The scenario for a briefing; an unknown preset, factor or option exits 64 listing the valid ones.
    func resolve(in briefing: Briefing) throws -> Scenario {
        guard let spec = scenario else { return Scenario.baseline(of: briefing) }
        switch Scenario.parse(spec, in: briefing) {
        case .success(let s): return s
        case .failure(let e):
            throw Failure("trilateral: --scenario: \(e)", status: 64)
        }
    }
}

/// Options for picking a theme.
struct ThemeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A theme name or a theme file path.", valueName: "name|path"))
    var theme: String = ThemeLoader.defaultName

    static var userThemeDirectory: String { ThemeLibrary.userDirectory(environment: ProcessInfo.processInfo.environment) }

    /// The themes (only the chosen one resolved yet) and the theme state for a dashboard, whose
    /// cycle skips the user themes that failed to load (`T` names them). Exits 65/66 for a bad
    /// theme file, 64 for an unknown name.
    func resolve() throws -> (library: ThemeLibrary, state: ThemeState) { try Self.resolve(theme) }

    /// The same for a theme name or file path given as a value.
    static func resolve(_ theme: String) throws -> (library: ThemeLibrary, state: ThemeState) {
        var library = ThemeLibrary(userDirectory: userThemeDirectory)
        let chosen: String
        if theme.contains("/") || theme.hasSuffix(".yaml") {
            switch ThemeLoader.load(path: theme, userDirectory: userThemeDirectory) {
            case .success(let t): library.add(t); chosen = t.name
            case .failure(let e): throw Failure(e)
            }
        } else {
            guard library.use(theme) != nil else {
                // A user theme of that name that does not load: its own errors, not "unknown".
                if let problem = library.problems.first(where: { $0.fileStem == theme }) { throw Failure(problem) }
                let names = library.names
                throw Failure("trilateral: unknown theme '\(theme)'\(Suggestion.didYouMean(theme, among: names)) (available: \(names.joined(separator: ", ")))", status: 64)
            }
            chosen = theme
        }
        // A broken user theme is reported by `T` when it reaches the name; one that shares a
        // theme's name with a good one is not broken for the user: the good one keeps its place.
        var broken: [String: String] = [:]
        for case let problem in library.problems {
            guard case .invalid(let diagnostics) = problem, let first = diagnostics.first, let name = problem.fileStem else { continue }
            if !library.names.contains(name) { broken[name] = "line \(first.line): \(first.message)" }
        }
        let names = library.names + broken.keys.sorted()
        return (library, ThemeState(names: names, current: chosen, problems: broken))
    }
}

extension LoadError {
    /// The name of the file it is about, without folder or extension (a user theme's name).
    var fileStem: String? {
        let file: String
        switch self {
        case .unreadable(let f, _): file = f
        case .invalid(let diagnostics): guard let first = diagnostics.first else { return nil }; file = first.file
        }
        return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
