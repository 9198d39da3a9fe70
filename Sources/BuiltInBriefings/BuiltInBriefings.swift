import TrilateralModel

/// The briefings compiled into the binary: the Capistrano article and a small fictional example
/// that uses every field. Each was loaded and validated at build time (`BriefingCompiler`), so
/// opening one costs no YAML work; its text is kept for followers and for people to read.
public enum BuiltInBriefings {
    /// The file name of the default briefing.
    public static let defaultName = "capistrano-2024.yaml"

    /// The built-in file names.
    public static var names: [String] { texts.keys.sorted() }

    /// The default briefing: the Capistrano article.
    public static var standard: Briefing { compiled(defaultName)! }

    /// A built-in briefing by file name.
    public static func briefing(named name: String) -> Briefing? { compiled(name) }

    /// A built-in briefing's YAML by file name.
    public static func text(named name: String) -> String? { texts[name] }
}
