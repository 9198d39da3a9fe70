import SystemPackage
import TrilateralModel

/// Where the command line talks to people. Everything goes through `escaped`, so nothing that
/// came from a file, a theme or an argument reaches a terminal raw.
enum Console {
    /// The text with control and invisible characters shown as escapes, line breaks kept.
    static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControls }.joined(separator: "\n")
    }

    /// A line on standard error.
    static func error(_ text: String) {
        _ = try? FileDescriptor.standardError.writeAll((escaped(text) + "\n").utf8)
    }

    /// Text on standard output, as it is (callers pass text already made safe: a dump, a
    /// snapshot) or escaped with `escaped`.
    static func out(_ text: String) {
        _ = try? FileDescriptor.standardOutput.writeAll(text.utf8)
    }
}

/// Why a command stops: the message for people and the exit status (sysexits: 64 usage,
/// 65 bad data, 66 unreadable input; 1 otherwise). Thrown by commands, printed once by `main`.
struct Failure: Error {
    let message: String
    let status: Int32

    init(_ message: String, status: Int32) { self.message = message; self.status = status }

    /// A briefing or theme that could not be loaded: every located diagnostic.
    init(_ error: LoadError) { self.init(error.description, status: error.exitStatus) }
}
