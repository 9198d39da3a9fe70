import FoundationEssentials

/// Turns briefing YAML into a validated `Briefing`, or into every located problem it can find.
///
/// Guards: files over `Limits.briefingBytes` are refused; invalid UTF-8 is located by line and
/// column; nesting is bounded (1000 levels); alias expansion is bounded by the file's size, so
/// "billion laughs" input is refused in milliseconds. Whatever it accepts is within `Limits`,
/// which is what every view assumes.
public enum BriefingLoader {
    /// The largest briefing file accepted.
    public static let maximumBytes = Limits.briefingBytes

    /// A briefing and the warnings its file produced.
    public struct Loaded: Sendable {
        public var briefing: Briefing
        public var warnings: [Diagnostic]
    }

    /// Reads and loads a file from disk.
    public static func load(path: String) -> Result<Loaded, LoadError> {
        YAMLDocument.read(path: path, limit: maximumBytes, what: "briefing").flatMap { load(bytes: $0, file: path) }
    }

    /// Loads raw bytes, checking size and encoding first.
    public static func load(data: Data, file: String) -> Result<Loaded, LoadError> {
        YAMLDocument.checkSize([UInt8](data), file: file, limit: maximumBytes, what: "briefing").flatMap { load(bytes: $0, file: file) }
    }

    /// Loads YAML text.
    public static func load(text: String, file: String) -> Result<Loaded, LoadError> {
        load(bytes: Array(text.utf8), file: file)
    }

    static func load(bytes: [UInt8], file: String) -> Result<Loaded, LoadError> {
        YAMLDocument.parse(bytes, file: file, emptyHint: "a briefing needs at least 'title', 'author' and 'pillars'")
            .flatMap { tree in
                let diagnostics = Diagnostics(file: file, tree: tree)
                // The deferred checks capture fields, which hold the diagnostics: let them go.
                defer { diagnostics.later.removeAll() }
                let briefing = BriefingDecoder(diagnostics: diagnostics).decode(diagnostics.root)
                diagnostics.resolveReferences()
                if let briefing, !diagnostics.hasErrors { for check in diagnostics.later { check(briefing) } }
                guard let briefing, !diagnostics.hasErrors else { return .failure(.invalid(diagnostics.sorted)) }
                return .success(Loaded(briefing: briefing, warnings: diagnostics.sorted))
            }
    }
}
