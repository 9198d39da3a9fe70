import FoundationEssentials
import Glibc
import TrilateralModel

/// Reads theme files (see `themes/README.md`): YAML with a name, an optional `extends`, a
/// palette of named colours, and a style per role. The built-in themes are the top-level
/// `themes/` folder, embedded at build time; user themes add to or override them by name.
public enum ThemeLoader {
    /// The name of the default theme.
    public static let defaultName = "dark"

    static let themeKeys: KnownKeys = ["name", "description", "extends", "background", "foreground", "palette", "roles"]
    static let styleKeys: KnownKeys = ["fg", "bg", "attrs", "mono"]

    /// A theme file before `extends` is resolved.
    package struct Definition: Sendable {
        package var name: String
        var description: String
        var extends: String?
        /// Where `extends` is written (line, column), for errors in the chain.
        var extendsAt: (line: Int, column: Int)?
        var background: Color?
        var foreground: Color?
        var palette: [String: Color]
        var roles: [StyleRole: RoleSpec]
        var file: String
    }

    /// A role's settings as written: each part may be absent (inherited). Colours stay names
    /// until the `extends` chain is flattened, so an inherited role takes the child's palette.
    struct RoleSpec: Sendable {
        var fg: ColorRef?, bg: ColorRef?, attributes: Attributes?, mono: Attributes?
    }

    /// A colour as written (`#rrggbb`, a number, an ANSI name, `default` or a palette name),
    /// with where it was written for errors found when it is resolved.
    struct ColorRef: Sendable {
        var text: String
        var diagnostic: Diagnostic
    }

    /// The definitions `extends` can name: some already read (the user's, a file being
    /// checked), and the built-in ones, whose texts (by file name `NAME.yaml`) are parsed
    /// when one is named.
    package struct Definitions {
        package var overrides: [String: Definition]
        package let builtIn: [String: String]
        package init(overrides: [String: Definition], builtIn: [String: String]) { self.overrides = overrides; self.builtIn = builtIn }
        package subscript(name: String) -> Definition? { overrides[name] ?? ThemeLoader.definition(name, in: builtIn) }
        package var names: [String] { Set(overrides.keys).union(ThemeLoader.names(in: builtIn)).sorted() }
    }

    /// The theme names among built-in texts: their file names (each file's `name` must match).
    package static func names(in builtIn: [String: String]) -> [String] {
        builtIn.keys.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A built-in theme's definition, parsed from its text (the test suite checks them all, so
    /// none fails here; the build refuses one that does).
    package static func definition(_ name: String, in builtIn: [String: String]) -> Definition? {
        guard let text = builtIn["\(name).yaml"] else { return nil }
        return try? parse(bytes: Array(text.utf8), file: "themes/\(name).yaml").get()
    }

    /// The user's theme files that parse, by name, and the problems of those that do not.
    package static func userDefinitions(_ directory: String?) -> (definitions: [String: Definition], problems: [LoadError]) {
        // Most people have no theme folder: a stat answers that without starting FileManager.
        guard let directory, access(directory, F_OK) == 0,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return ([:], []) }
        var definitions: [String: Definition] = [:]
        var problems: [LoadError] = []
        for file in names.sorted() where file.hasSuffix(".yaml") {
            switch readDefinition(path: directory + "/" + file) {
            case .success(let d): definitions[d.name] = d
            case .failure(let e): problems.append(e)
            }
        }
        return (definitions, problems)
    }

    package static func readDefinition(path: String) -> Result<Definition, LoadError> {
        YAMLDocument.read(path: path, limit: Limits.themeBytes, what: "theme").flatMap { parse(bytes: $0, file: path) }
    }

    package static func parse(bytes: [UInt8], file: String) -> Result<Definition, LoadError> {
        YAMLDocument.parse(bytes, file: file, emptyHint: "a theme needs 'name' and 'roles'").flatMap { tree in
            let diagnostics = Diagnostics(file: file, tree: tree)
            let definition = decode(diagnostics.root, file: file)
            guard let definition, !diagnostics.hasErrors else { return .failure(.invalid(diagnostics.sorted)) }
            return .success(definition)
        }
    }

    static func decode(_ root: Field, file: String) -> Definition? {
        guard let f = root.fields(known: themeKeys) else { return nil }
        func color(_ key: String) -> Color? {
            guard let field = f.optional(key), let text = field.string else { return nil }
            if let c = Color.parse(text), c != .default { return c }
            field.error("'\(text)' is not a concrete colour (use #rrggbb, 0-255 or an ANSI name)")
            return nil
        }
        let name = f.required("name")?.id
        var palette: [String: Color] = [:]
        if let p = f.optional("palette") {
            if let pairs = p.pairs {
                for (key, _, value) in pairs {
                    guard let text = value.string else { continue }
                    if let c = Color.parse(text) { palette[key] = c } else {
                        value.error("'\(text)' is not a colour (use #rrggbb, 0-255, an ANSI name or default)")
                    }
                }
            } else {
                p.error("expected a mapping of name: colour")
            }
        }
        var roles: [StyleRole: RoleSpec] = [:]
        if let r = f.required("roles") {
            if let pairs = r.pairs {
                for (key, keyNode, value) in pairs {
                    guard let role = StyleRole(rawValue: key) else {
                        let known = StyleRole.allCases.map(\.rawValue)
                        r.diagnostics.report(.warning, at: keyNode, value.path, "unknown role '\(key)' is ignored\(Suggestion.didYouMean(key, among: known))")
                        continue
                    }
                    if let spec = roleSpec(value, palette: palette) { roles[role] = spec }
                }
            } else {
                r.error("expected a mapping of role: style")
            }
        }
        guard let name else { return nil }
        let extendsField = f.optional("extends")
        return Definition(name: name, description: f.optional("description")?.string ?? "",
                          extends: extendsField?.id, extendsAt: extendsField.map { $0.tree.mark($0.node) }, background: color("background"),
                          foreground: color("foreground"), palette: palette, roles: roles, file: file)
    }

    static func roleSpec(_ field: Field, palette: [String: Color]) -> RoleSpec? {
        guard let f = field.fields(known: styleKeys) else { return nil }
        func color(_ key: String) -> ColorRef? {
            guard let c = f.optional(key), let text = c.string else { return nil }
            let (line, column) = c.tree.mark(c.node)
            return ColorRef(text: text, diagnostic: Diagnostic(.error, file: field.diagnostics.file, line: line,
                column: column, path: c.path, message: "'\(text)' is not a colour or a palette name"))
        }
        func attrs(_ key: String) -> Attributes? {
            guard let a = f.optional(key), let items = a.list else { return nil }
            var set: Attributes = []
            for item in items {
                guard let word = item.string else { continue }
                if let (_, attr) = Attributes.names.first(where: { $0.0 == word }) { set.insert(attr) } else {
                    item.error("'\(word)' is not an attribute (bold, dim, reverse, underline, italic)\(Suggestion.didYouMean(word, among: Attributes.names.map(\.0)))")
                }
            }
            return set
        }
        return RoleSpec(fg: color("fg"), bg: color("bg"), attributes: attrs("attrs"), mono: attrs("mono"))
    }

    /// Flattens a theme and its `extends` chain; roles it leaves unset fall back to `text`.
    /// A chain that names a theme nobody has, or goes round in a loop, is one located error.
    package static func resolve(_ name: String, in all: Definitions) -> Result<Theme, LoadError> {
        var chain: [Definition] = []
        var next: String? = name
        while let n = next {
            guard let d = all[n] else {
                let child = chain.last!
                return .failure(.invalid([located(child, "extends a theme named '\(n)' that does not exist\(Suggestion.didYouMean(n, among: all.names))")]))
            }
            if chain.contains(where: { $0.name == n }) {
                let loop = (chain.map(\.name) + [n]).joined(separator: " → ")
                return .failure(.invalid([located(chain[0], "'extends' goes round in a loop: \(loop)")]))
            }
            chain.append(d)
            next = d.extends
        }
        var palette: [String: Color] = [:]
        var specs: [StyleRole: RoleSpec] = [:]
        for d in chain.reversed() {
            palette.merge(d.palette) { _, child in child }
            for (role, spec) in d.roles {
                var s = specs[role] ?? RoleSpec()
                s.fg = spec.fg ?? s.fg; s.bg = spec.bg ?? s.bg
                s.attributes = spec.attributes ?? s.attributes; s.mono = spec.mono ?? s.mono
                specs[role] = s
            }
        }
        var problems: [Diagnostic] = []
        func color(_ ref: ColorRef?) -> Color? {
            guard let ref else { return nil }
            if let c = palette[ref.text] ?? Color.parse(ref.text) { return c }
            problems.append(ref.diagnostic)
            return nil
        }
        let text = specs[.text] ?? RoleSpec()
        var styles: [StyleRole: Style] = [:]
        for role in StyleRole.allCases {
            let s = specs[role] ?? text
            styles[role] = Style(fg: color(s.fg) ?? color(text.fg) ?? .default, bg: color(s.bg) ?? color(text.bg) ?? .default,
                                 attributes: s.attributes ?? [], mono: s.mono ?? s.attributes ?? [])
        }
        if !problems.isEmpty {
            var seen = Set<String>()
            return .failure(.invalid(problems.filter { seen.insert($0.description).inserted }))
        }
        return .success(Theme(name: chain[0].name, description: chain[0].description, styles: styles,
                              background: chain.lazy.compactMap(\.background).first ?? .rgb(0, 0, 0),
                              foreground: chain.lazy.compactMap(\.foreground).first ?? .rgb(255, 255, 255)))
    }

    /// An error at a definition's `extends` line (or its first line).
    static func located(_ d: Definition, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: d.file, line: d.extendsAt?.line ?? 1, column: d.extendsAt?.column ?? 1, path: "extends", message: message)
    }
}
