import Foundation
import TrilateralModel
import Yams

/// Reads theme files (see `themes/README.md`): YAML with a name, an optional `extends`, a
/// palette of named colours, and a style per role. The built-in themes are the top-level
/// `themes/` folder, embedded at build time; user themes add to or override them.
public enum ThemeLoader {
    /// The built-in themes' file texts, by file name.
    public static var builtInFiles: [String: String] { EmbeddedThemes.files }

    /// The name of the default theme.
    public static let defaultName = "dark"

    /// A theme file before `extends` is resolved.
    struct Definition {
        var name: String
        var description: String
        var extends: String?
        var background: Color?
        var foreground: Color?
        var palette: [String: Color]
        var roles: [StyleRole: RoleSpec]
    }

    /// A role's settings as written: each part may be absent (inherited). Colours stay names
    /// until the `extends` chain is flattened, so an inherited role takes the child's palette.
    struct RoleSpec {
        var fg: ColorRef?, bg: ColorRef?, attributes: Attributes?, mono: Attributes?
    }

    /// A colour as written (`#rrggbb`, a number, an ANSI name, `default` or a palette name),
    /// with where it was written for errors found when it is resolved.
    struct ColorRef {
        var text: String
        var diagnostic: Diagnostic
    }

    /// Every available theme: built-in ones, then those in `userDirectory`, in name order.
    /// Broken user themes are skipped and reported in `problems`.
    public static func catalog(userDirectory: String?) -> (themes: [Theme], problems: [LoadError]) {
        var definitions = builtInDefinitions()
        var problems: [LoadError] = []
        if let dir = userDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for file in names.sorted() where file.hasSuffix(".yaml") {
                switch readDefinition(path: dir + "/" + file) {
                case .success(let d): definitions[d.name] = d
                case .failure(let e): problems.append(e)
                }
            }
        }
        var themes: [Theme] = []
        for name in definitions.keys.sorted() {
            switch resolve(name, in: definitions, file: name) {
            case .success(let t): themes.append(t)
            case .failure(let e): problems.append(e)
            }
        }
        return (themes, problems)
    }

    /// Loads one theme file, resolving `extends` against the built-in themes.
    public static func load(path: String) -> Result<Theme, LoadError> {
        readDefinition(path: path).flatMap { resolveAgainstBuiltIns($0, file: path) }
    }

    /// Loads theme YAML text, resolving `extends` against the built-in themes.
    public static func load(text: String, file: String) -> Result<Theme, LoadError> {
        parse(text: text, file: file).flatMap { resolveAgainstBuiltIns($0, file: file) }
    }

    static func resolveAgainstBuiltIns(_ definition: Definition, file: String) -> Result<Theme, LoadError> {
        var all = builtInDefinitions()
        all[definition.name] = definition
        return resolve(definition.name, in: all, file: file)
    }

    /// The built-in themes by name (they are checked by the test suite, so none fails here).
    static func builtInDefinitions() -> [String: Definition] {
        var all: [String: Definition] = [:]
        for (file, text) in builtInFiles {
            if case .success(let d) = parse(text: text, file: "themes/\(file)") { all[d.name] = d }
        }
        return all
    }

    static func readDefinition(path: String) -> Result<Definition, LoadError> {
        YAMLDocument.read(path: path, limit: 1 << 20)
            .flatMap { YAMLDocument.text(of: $0, file: path) }
            .flatMap { parse(text: $0, file: path) }
    }

    static func parse(text: String, file: String) -> Result<Definition, LoadError> {
        YAMLDocument.compose(text: text, file: file, emptyHint: "a theme needs 'name' and 'roles'").flatMap { root in
            let reader = YAMLReader(file: file)
            let definition = decode(Field(node: root, path: "", reader: reader))
            if reader.hasErrors || definition == nil { return .failure(.invalid(reader.sortedDiagnostics)) }
            return .success(definition!)
        }
    }

    static func decode(_ root: Field) -> Definition? {
        guard let f = root.fields(known: ["name", "description", "extends", "background", "foreground", "palette", "roles"]) else { return nil }
        func color(_ key: String) -> Color? {
            guard let field = f.optional(key), let text = field.string else { return nil }
            if let c = Color.parse(text), c != .default { return c }
            root.reader.error(at: field.node, field.path, "'\(text)' is not a concrete colour (use #rrggbb, 0-255 or an ANSI name)")
            return nil
        }
        let name = f.required("name")?.id
        var palette: [String: Color] = [:]
        if let p = f.optional("palette"), case .mapping(let m) = p.node {
            for (k, v) in m {
                let field = p.child(k.string ?? "?", v)
                guard let text = field.string else { continue }
                if let c = Color.parse(text) { palette[k.string ?? ""] = c } else {
                    root.reader.error(at: v, field.path, "'\(text)' is not a colour (use #rrggbb, 0-255, an ANSI name or default)")
                }
            }
        } else if let p = f.optional("palette") {
            root.reader.error(at: p.node, p.path, "expected a mapping of name: colour")
        }
        var roles: [StyleRole: RoleSpec] = [:]
        if let r = f.required("roles") {
            if case .mapping(let m) = r.node {
                for (k, v) in m {
                    let key = k.string ?? "?"
                    let field = r.child(key, v)
                    guard let role = StyleRole(rawValue: key) else {
                        root.reader.report(.warning, at: k, field.path, "unknown role '\(key)' is ignored")
                        continue
                    }
                    if let spec = roleSpec(field, palette: palette) { roles[role] = spec }
                }
            } else {
                root.reader.error(at: r.node, r.path, "expected a mapping of role: style")
            }
        }
        guard let name else { return nil }
        return Definition(name: name, description: f.optional("description")?.string ?? "",
                          extends: f.optional("extends")?.id, background: color("background"),
                          foreground: color("foreground"), palette: palette, roles: roles)
    }

    static func roleSpec(_ field: Field, palette: [String: Color]) -> RoleSpec? {
        guard let f = field.fields(known: ["fg", "bg", "attrs", "mono"]) else { return nil }
        func color(_ key: String) -> ColorRef? {
            guard let c = f.optional(key), let text = c.string else { return nil }
            let mark = c.node.mark
            return ColorRef(text: text, diagnostic: Diagnostic(.error, file: field.reader.file, line: mark?.line ?? 1,
                column: mark?.column ?? 1, path: c.path, message: "'\(text)' is not a colour or a palette name"))
        }
        func attrs(_ key: String) -> Attributes? {
            guard let a = f.optional(key), let items = a.list else { return nil }
            var set: Attributes = []
            for item in items {
                guard let word = item.string else { continue }
                if let (_, attr) = Attributes.names.first(where: { $0.0 == word }) { set.insert(attr) } else {
                    field.reader.error(at: item.node, item.path, "'\(word)' is not an attribute (bold, dim, reverse, underline, italic)")
                }
            }
            return set
        }
        return RoleSpec(fg: color("fg"), bg: color("bg"), attributes: attrs("attrs"), mono: attrs("mono"))
    }

    /// Flattens a theme and its `extends` chain; roles it leaves unset fall back to `text`.
    static func resolve(_ name: String, in all: [String: Definition], file: String) -> Result<Theme, LoadError> {
        var chain: [Definition] = []
        var next: String? = name
        while let n = next {
            guard let d = all[n] else {
                return .failure(.invalid([Diagnostic(.error, file: file, line: 1, column: 1, path: "extends",
                                                     message: "unknown theme '\(n)'")]))
            }
            if chain.contains(where: { $0.name == n }) {
                return .failure(.invalid([Diagnostic(.error, file: file, line: 1, column: 1, path: "extends",
                                                     message: "themes extend each other in a loop through '\(n)'")]))
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
}
