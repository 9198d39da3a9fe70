@_exported import TrilateralStyle
import TrilateralModel

/// The built-in themes: the top-level `themes/` folder, validated, resolved and compiled into
/// Swift at build time (`EmbedTool themes`), with their texts kept for user themes that
/// `extends` one of them.
extension ThemeLoader {
    /// The built-in themes' file texts, by file name.
    public static var builtInFiles: [String: String] { EmbeddedThemes.files }

    /// The built-in theme names (a test checks each file's `name` is its file name).
    public static var builtInNames: [String] { names(in: builtInFiles) }

    /// A built-in theme as the build resolved it: no YAML work at run time.
    public static func builtIn(_ name: String) -> Theme? { EmbeddedThemes.compiled(name) }

    /// A built-in theme's definition, parsed now (for `extends` chains and tests).
    static func builtInDefinition(_ name: String) -> Definition? { definition(name, in: builtInFiles) }

    /// The definitions `extends` can name: `overrides`, then the built-in ones.
    static func definitions(_ overrides: [String: Definition] = [:]) -> Definitions {
        Definitions(overrides: overrides, builtIn: builtInFiles)
    }

    /// Every available theme, each resolved: the built-in ones and those in `userDirectory`, in
    /// name order, with the user themes that failed (for `trilateral themes`; a dashboard uses
    /// `ThemeLibrary`, which resolves a theme only when it is shown).
    public static func catalog(userDirectory: String?) -> (themes: [Theme], problems: [LoadError]) {
        let library = ThemeLibrary(userDirectory: userDirectory)
        let themes = library.names.compactMap { try? library.theme(named: $0).get() }
        return (themes, library.problems)
    }

    /// Loads one theme file, resolving `extends` against the built-in themes and the user's.
    public static func load(path: String, userDirectory: String? = nil) -> Result<Theme, LoadError> {
        readDefinition(path: path).flatMap { definition in
            var all = definitions(userDefinitions(userDirectory).definitions)
            all.overrides[definition.name] = definition
            return resolve(definition.name, in: all)
        }
    }

    /// Loads theme YAML text, resolving `extends` against the built-in themes.
    public static func load(text: String, file: String) -> Result<Theme, LoadError> {
        parse(bytes: Array(text.utf8), file: file).flatMap { definition in
            resolve(definition.name, in: definitions([definition.name: definition]))
        }
    }
}
