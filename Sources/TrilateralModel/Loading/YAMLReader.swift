import Yams

/// Walks a composed YAML tree, turning nodes into typed values and collecting located
/// diagnostics instead of stopping at the first problem.
package final class YAMLReader {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    var refs = References()

    package init(file: String) { self.file = file }

    /// Diagnostics in file order.
    package var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package func report(_ severity: Diagnostic.Severity, at node: Node?, _ path: String, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(severity, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      path: path, message: message))
    }

    package func error(at node: Node?, _ path: String, _ message: String) { report(.error, at: node, path, message) }

    /// A name for the kind of node, for "expected a string, found a list".
    package static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let s): isNull(s) ? "nothing (null)" : "the scalar '\(s.string.prefix(40))'"
        }
    }

    package static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Counts nodes (following aliases) and stops at `limit`: guards against alias bombs.
    package static func nodeCount(_ root: Node, limit: Int) -> Int {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count >= limit { return count }
            switch node {
            case .mapping(let m): for (k, v) in m { stack.append(k); stack.append(v) }
            case .sequence(let s): stack.append(contentsOf: s)
            case .scalar, .alias: break
            }
        }
        return count
    }
}

/// A node at a field path, with typed accessors that report problems to the reader.
package struct Field {
    package let node: Node
    package let path: String
    package let reader: YAMLReader

    package init(node: Node, path: String, reader: YAMLReader) {
        self.node = node; self.path = path; self.reader = reader
    }

    package func child(_ key: String, _ node: Node) -> Field {
        Field(node: node, path: path.isEmpty ? key : "\(path).\(key)", reader: reader)
    }

    package var string: String? {
        guard case .scalar(let s) = node, !YAMLReader.isNull(s) else {
            reader.error(at: node, path, "expected a string, found \(YAMLReader.kind(of: node))")
            return nil
        }
        return s.string
    }

    /// A string that must not be empty or only spaces.
    package var text: String? {
        guard let value = string else { return nil }
        if value.allSatisfy(\.isWhitespace) {
            reader.error(at: node, path, "must not be empty")
            return nil
        }
        return value
    }

    package var int: Int? {
        guard case .scalar(let s) = node, let value = Int(s.string) else {
            reader.error(at: node, path, "expected a whole number, found \(YAMLReader.kind(of: node))")
            return nil
        }
        return value
    }

    package var double: Double? {
        guard case .scalar(let s) = node, let value = Double(s.string), value.isFinite else {
            reader.error(at: node, path, "expected a number, found \(YAMLReader.kind(of: node))")
            return nil
        }
        return value
    }

    package var day: Day? {
        guard let value = string else { return nil }
        switch Day.parse(value) {
        case .success(let day): return day
        case .failure(let why):
            reader.error(at: node, path, "'\(value)' is not a date (\(why))")
            return nil
        }
    }

    /// An id: lowercase letters, digits and hyphens, starting with a letter.
    package var id: String? {
        guard let value = string else { return nil }
        let ok = value.first.map { $0.isASCII && $0.isLetter } == true
            && value.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        if !ok {
            reader.error(at: node, path, "'\(value)' is not a valid id (use lowercase letters, digits and '-', starting with a letter)")
            return nil
        }
        return value
    }

    package func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        guard let value = string else { return nil }
        if let e = E(rawValue: value) { return e }
        let valid = E.allCases.map(\.rawValue).joined(separator: ", ")
        reader.error(at: node, path, "'\(value)' is not one of: \(valid)")
        return nil
    }

    /// The items of a list; a single scalar is not promoted to a list.
    package var list: [Field]? {
        guard case .sequence(let seq) = node else {
            reader.error(at: node, path, "expected a list, found \(YAMLReader.kind(of: node))")
            return nil
        }
        return seq.enumerated().map { Field(node: $1, path: "\(path)[\($0)]", reader: reader) }
    }

    /// The fields of a mapping, checked against the keys this place accepts.
    package func fields(known: Set<String>) -> Fields? {
        guard case .mapping(let mapping) = node else {
            reader.error(at: node, path, "expected a mapping of fields, found \(YAMLReader.kind(of: node))")
            return nil
        }
        var values: [String: Field] = [:]
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                reader.error(at: keyNode, path, "keys must be plain names, found \(YAMLReader.kind(of: keyNode))")
                continue
            }
            let name = key.string
            if values[name] != nil {
                reader.error(at: keyNode, path, "key '\(name)' appears twice")
                continue
            }
            if !known.contains(name) {
                let suggestions = known.sorted().joined(separator: ", ")
                reader.report(.warning, at: keyNode, path, "unknown key '\(name)' is ignored (known keys: \(suggestions))")
                continue
            }
            values[name] = child(name, valueNode)
        }
        return Fields(owner: self, values: values)
    }
}

/// The known fields of one mapping.
package struct Fields {
    package let owner: Field
    package let values: [String: Field]

    /// A field that must be present; reports it missing otherwise.
    package func required(_ key: String) -> Field? {
        if let field = values[key] { return field }
        owner.reader.error(at: owner.node, owner.path.isEmpty ? "(top level)" : owner.path,
                           "missing required field '\(key)'")
        return nil
    }

    /// A field that may be absent (an explicit null counts as absent).
    package func optional(_ key: String) -> Field? {
        guard let field = values[key] else { return nil }
        if case .scalar(let s) = field.node, YAMLReader.isNull(s) { return nil }
        return field
    }

    package var node: Node { owner.node }
}
