import Foundation
import Yams

/// Turns briefing YAML into a validated `Briefing`, or into every located problem it can find.
///
/// Guards: files over `maximumBytes` are refused; invalid UTF-8 is located by line and column;
/// nesting is bounded by libyaml (1000 levels); alias expansion is bounded by the file's size,
/// so "billion laughs" input is refused in milliseconds.
public enum BriefingLoader {
    /// The largest briefing file accepted (64 MiB).
    public static let maximumBytes = 64 << 20

    /// The built-in briefing: the Capistrano article, compiled into the binary.
    public static let builtInName = "capistrano-2024.yaml"

    /// Loads the built-in briefing. It is validated by the test suite, so failure is a bug.
    public static func builtIn() -> Briefing {
        switch load(text: EmbeddedBriefings.files[builtInName]!, file: "(built-in) \(builtInName)") {
        case .success(let loaded): return loaded.briefing
        case .failure(let error): fatalError("built-in briefing is invalid:\n\(error)")
        }
    }

    /// The example briefings shipped with the binary, by file name.
    public static var bundledFiles: [String: String] { EmbeddedBriefings.files }

    /// A briefing and the warnings its file produced.
    public struct Loaded: Sendable {
        public var briefing: Briefing
        public var warnings: [Diagnostic]
    }

    /// Reads and loads a file from disk.
    public static func load(path: String) -> Result<Loaded, LoadError> {
        YAMLDocument.read(path: path).flatMap { load(data: $0, file: path) }
    }

    /// Loads raw bytes, checking size and encoding first.
    public static func load(data: Data, file: String) -> Result<Loaded, LoadError> {
        YAMLDocument.text(of: data, file: file).flatMap { load(text: $0, file: file) }
    }

    /// Loads YAML text.
    public static func load(text: String, file: String) -> Result<Loaded, LoadError> {
        YAMLDocument.compose(text: text, file: file, emptyHint: "a briefing needs at least 'title', 'author' and 'pillars'")
            .flatMap { root in
                let reader = YAMLReader(file: file)
                let briefing = BriefingDecoder(reader: reader).decode(Field(node: root, path: "", reader: reader))
                reader.resolveReferences()
                if reader.hasErrors || briefing == nil {
                    return .failure(.invalid(reader.sortedDiagnostics))
                }
                return .success(Loaded(briefing: briefing!, warnings: reader.diagnostics))
            }
    }
}
