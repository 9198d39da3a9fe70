/// Collects located diagnostics while a decoder walks a `YAMLTree`, instead of stopping at
/// the first problem, and records the ids a file defines and refers to.
package final class Diagnostics {
    package let file: String
    package let tree: YAMLTree
    package private(set) var diagnostics: [Diagnostic] = []
    var refs = References()
    /// Checks that need the whole briefing (a preset's unsettled factors and their options),
    /// registered where the field is read and run once the file is decoded.
    var later: [(Briefing) -> Void] = []
    /// Every citation with a `para`, where it stands, for the quote check (`SourceTexts`).
    var citedParagraphs: [CitedParagraph] = []
    /// Every source's `text` file, where it is named.
    var textFiles: [NamedText] = []

    /// A citation of a paragraph and the nodes its `para` and `quote` were read from.
    struct CitedParagraph {
        var cite: Citation
        var paraNode: Int32?
        var quoteNode: Int32?
        var path: String
        var quotePath: String?
    }

    /// A source's `text` key and the node it was read from.
    struct NamedText {
        var source: String
        var file: String
        var node: Int32
        var path: String
    }

    package init(file: String, tree: YAMLTree) { self.file = file; self.tree = tree }

    /// Diagnostics in file order.
    package var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The field at the root of the document.
    package var root: Field { Field(node: tree.root, path: "", diagnostics: self) }

    package func report(_ severity: Diagnostic.Severity, at node: Int32?, _ path: String, _ message: String) {
        let (line, column) = node.map(tree.mark) ?? (1, 1)
        diagnostics.append(Diagnostic(severity, file: file, line: line, column: column, path: path, message: message))
    }

    package func error(at node: Int32?, _ path: String, _ message: String) { report(.error, at: node, path, message) }
}

/// The keys one place of a file accepts (a decoder keeps one per kind of mapping, built once).
package struct KnownKeys: ExpressibleByArrayLiteral, Sendable {
    package let names: [String]
    package init(arrayLiteral names: String...) { self.names = names }
    package init(names: [String]) { self.names = names }
    func contains(_ key: String) -> Bool { names.contains(key) }
}

/// A node at a field path, with typed accessors that report problems where the node is.
/// The path (`events[3].date`) is only spelled out when a diagnostic needs it.
package struct Field {
    package let node: Int32
    package let diagnostics: Diagnostics
    /// The path of the container this field is in, and its place there.
    private let base: String
    private let place: Place
    private enum Place { case whole, key(String), index(Int) }

    package init(node: Int32, path: String, diagnostics: Diagnostics) {
        self.node = node; self.diagnostics = diagnostics; self.base = path; self.place = .whole
    }

    private init(node: Int32, base: String, place: Place, diagnostics: Diagnostics) {
        self.node = node; self.diagnostics = diagnostics; self.base = base; self.place = place
    }

    /// The field's path for diagnostics: `pillars[0].commitments[2].cite`.
    package var path: String {
        switch place {
        case .whole: base
        case .key(let key): base.isEmpty ? key : "\(base).\(key)"
        case .index(let i): "\(base)[\(i)]"
        }
    }

    package var tree: YAMLTree { diagnostics.tree }

    package func child(_ key: String, _ node: Int32) -> Field {
        Field(node: node, base: path, place: .key(key), diagnostics: diagnostics)
    }

    package func error(_ message: String) { diagnostics.error(at: node, path, message) }

    package var isNull: Bool { tree.isNull(node) }

    private var isScalar: Bool { tree.nodes[Int(node)].kind == .scalar }

    package var string: String? {
        guard isScalar, !tree.isNull(node) else {
            error("expected a string, found \(tree.describe(node))")
            return nil
        }
        return tree.string(node)
    }

    /// A string that must not be empty or only spaces.
    package var text: String? {
        guard let value = string else { return nil }
        if value.allSatisfy(\.isWhitespace) {
            error("must not be empty")
            return nil
        }
        return value
    }

    package var int: Int? {
        guard isScalar, let value = Int(tree.string(node)) else {
            error("expected a whole number, found \(tree.describe(node))")
            return nil
        }
        return value
    }

    package var double: Double? {
        guard isScalar, let value = Double(tree.string(node)), value.isFinite else {
            error("expected a number, found \(tree.describe(node))")
            return nil
        }
        return value
    }

    package var day: Day? {
        guard let value = string else { return nil }
        switch Day.parse(value) {
        case .success(let day): return day
        case .failure(let why):
            error("'\(value)' is not a date (\(why))")
            return nil
        }
    }

    /// An id: lowercase ASCII letters, digits and hyphens, starting with a letter, at most 64 long.
    package var id: String? {
        guard let value = string else { return nil }
        var utf8 = value.utf8.makeIterator()
        var ok = utf8.next().map { $0 >= 0x61 && $0 <= 0x7A } ?? false
        while ok, let b = utf8.next() { ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D }
        if !ok {
            error("'\(value)' is not a valid id (use lowercase letters, digits and '-', starting with a letter)")
            return nil
        }
        if value.utf8.count > Limits.idLength {
            error("id is \(value.utf8.count) characters long; at most \(Limits.idLength)")
            return nil
        }
        return value
    }

    package func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        guard let value = string else { return nil }
        if let e = E(rawValue: value) { return e }
        let valid = E.allCases.map(\.rawValue)
        error("'\(value)' is not one of: \(valid.joined(separator: ", "))\(Suggestion.didYouMean(value, among: valid))")
        return nil
    }

    /// The items of a list; a single scalar is not promoted to a list.
    package var list: [Field]? {
        guard tree.nodes[Int(node)].kind == .sequence else {
            error("expected a list, found \(tree.describe(node))")
            return nil
        }
        let here = path
        return tree.children(of: node).enumerated().map { Field(node: $1, base: here, place: .index($0), diagnostics: diagnostics) }
    }

    /// The key, value pairs of a mapping, nil for anything else (keys that are not scalars are
    /// reported and skipped).
    package var pairs: [(key: String, keyNode: Int32, value: Field)]? {
        guard tree.nodes[Int(node)].kind == .mapping else { return nil }
        let kids = tree.children(of: node)
        let here = path
        var out: [(key: String, keyNode: Int32, value: Field)] = []
        out.reserveCapacity(kids.count / 2)
        var i = kids.startIndex
        while i + 1 < kids.endIndex {
            let keyNode = kids[i]
            if tree.nodes[Int(keyNode)].kind == .scalar {
                let key = tree.string(keyNode)
                out.append((key, keyNode, Field(node: kids[i + 1], base: here, place: .key(key), diagnostics: diagnostics)))
            } else {
                diagnostics.error(at: keyNode, here.isEmpty ? "(top level)" : here, "keys must be plain names, found \(tree.describe(keyNode))")
            }
            i += 2
        }
        return out
    }

    /// The fields of a mapping, checked against the keys this place accepts: a key given twice
    /// is an error where it repeats; an unknown key is a warning naming the closest known one.
    package func fields(known: KnownKeys) -> Fields? {
        guard let pairs else {
            error("expected a mapping of fields, found \(tree.describe(node))")
            return nil
        }
        var entries: [(key: String, field: Field)] = []
        entries.reserveCapacity(pairs.count)
        for (name, keyNode, value) in pairs {
            if entries.contains(where: { $0.key == name }) {
                diagnostics.error(at: keyNode, path.isEmpty ? "(top level)" : path, "key '\(name)' appears twice")
                continue
            }
            if !known.contains(name) {
                let names = known.names.sorted()
                diagnostics.report(.warning, at: keyNode, path.isEmpty ? "(top level)" : path,
                                   "unknown key '\(name)' is ignored\(Suggestion.didYouMean(name, among: names)) (known keys: \(names.joined(separator: ", ")))")
                continue
            }
            entries.append((name, value))
        }
        return Fields(owner: self, entries: entries)
    }
}

/// The known fields of one mapping.
package struct Fields {
    package let owner: Field
    let entries: [(key: String, field: Field)]

    /// The field under `key` as written (null included), if present.
    package func field(_ key: String) -> Field? { entries.first { $0.key == key }?.field }

    /// A field that must be present; reports it missing otherwise.
    package func required(_ key: String) -> Field? {
        if let field = field(key) { return field }
        owner.diagnostics.error(at: owner.node, owner.path.isEmpty ? "(top level)" : owner.path, "missing required field '\(key)'")
        return nil
    }

    /// A field that may be absent (an explicit null counts as absent).
    package func optional(_ key: String) -> Field? {
        guard let field = field(key), !field.isNull else { return nil }
        return field
    }

    package var node: Int32 { owner.node }
}
