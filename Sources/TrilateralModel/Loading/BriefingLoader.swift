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
        /// How many quotes were proved verbatim in the paragraph they cite.
        public var quotesChecked = 0
        /// How many quotes of a paragraph could not be checked: no source names a text, or the
        /// briefing was loaded without its folder.
        public var quotesUnchecked = 0
    }

    /// Reads and loads a file from disk, with the source texts it names (relative to its folder).
    public static func load(path: String) -> Result<Loaded, LoadError> {
        YAMLDocument.read(path: path, limit: maximumBytes, what: "briefing").flatMap { load(bytes: $0, file: path, folder: folder(of: path)) }
    }

    /// Loads raw bytes, checking size and encoding first; source texts are read from `folder`
    /// if it is given.
    public static func load(data: Data, file: String, folder: String? = nil) -> Result<Loaded, LoadError> {
        YAMLDocument.checkSize([UInt8](data), file: file, limit: maximumBytes, what: "briefing").flatMap { load(bytes: $0, file: file, folder: folder) }
    }

    /// Loads YAML text; source texts are read from `folder` if it is given.
    public static func load(text: String, file: String, folder: String? = nil) -> Result<Loaded, LoadError> {
        load(bytes: Array(text.utf8), file: file, folder: folder)
    }

    /// The folder a file's relative source texts are read from: `.` for a bare name.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func load(bytes: [UInt8], file: String, folder: String?) -> Result<Loaded, LoadError> {
        YAMLDocument.parse(bytes, file: file, emptyHint: "a briefing needs at least 'title', 'author' and 'pillars'")
            .flatMap { tree in
                let diagnostics = Diagnostics(file: file, tree: tree)
                // The deferred checks capture fields, which hold the diagnostics: let them go.
                defer { diagnostics.later.removeAll() }
                var briefing = BriefingDecoder(diagnostics: diagnostics).decode(diagnostics.root)
                diagnostics.resolveReferences()
                if let loaded = briefing, !diagnostics.hasErrors { for check in diagnostics.later { check(loaded) } }
                var tally = SourceTexts.Tally()
                if var loaded = briefing, !diagnostics.hasErrors {
                    if let folder { SourceTexts.read(into: &loaded, folder: folder, diagnostics: diagnostics) }
                    tally = SourceTexts.check(loaded, diagnostics: diagnostics)
                    briefing = loaded
                }
                guard let briefing, !diagnostics.hasErrors else { return .failure(.invalid(diagnostics.sorted)) }
                return .success(Loaded(briefing: briefing, warnings: diagnostics.sorted,
                                       quotesChecked: tally.checked, quotesUnchecked: tally.unchecked))
            }
    }
}
