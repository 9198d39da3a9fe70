/// One problem found in a briefing or theme file, located by file, line, column and field path.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    /// The field path, e.g. `events[3].date`; `(file)` for problems of the whole file.
    public var path: String
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, column: Int, path: String, message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.path = path; self.message = message
    }

    /// `briefing.yaml:14:7: events[3].date: '2024-13-05' is not a date (month must be 1-12)`;
    /// warnings carry a `warning:` prefix after the location. Control characters are escaped.
    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return "\(file):\(line):\(column): \(prefix)\(path): \(message)".escapingControls
    }
}

/// Why a file could not be turned into a briefing (or theme).
public enum LoadError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, no permission): exit status 66.
    case unreadable(file: String, reason: String)
    /// The file was read but its content is invalid: exit status 65. Warnings come along.
    case invalid([Diagnostic])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)".escapingControls
        case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    /// The sysexits status for this failure: 66 (EX_NOINPUT) or 65 (EX_DATAERR).
    public var exitStatus: Int32 {
        switch self {
        case .unreadable: 66
        case .invalid: 65
        }
    }
}
