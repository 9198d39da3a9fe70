/// Writes a model value as the Swift expression that rebuilds it, by reflection: a struct as a
/// call of its memberwise initialiser (labels are the stored properties, in order — every model
/// type has such an initialiser), an enum as its case, and strings, numbers, optionals, arrays,
/// sets and dictionaries as literals. Sets and dictionaries are written in sorted order, so the output is the
/// same from one build to the next.
///
/// Hand-written because no library turns a value into Swift source; reflection keeps it to one
/// small function instead of a second, hand-kept encoder beside the YAML decoder.
enum SwiftLiteral {
    /// The expression for `value`, indented by `depth` levels.
    static func expression(_ value: Any, depth: Int = 0) -> String {
        switch value {
        case let s as String: return string(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as any BinaryInteger: return "\(i)"
        case let d as Double:
            precondition(d.isFinite, "a briefing number is finite")
            return d.description // the shortest text that reads back as the same Double
        default: break
        }
        let mirror = Mirror(reflecting: value)
        let pad = String(repeating: "    ", count: depth + 1), close = String(repeating: "    ", count: depth)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return expression(wrapped, depth: depth)
        case .collection:
            let items = mirror.children.map { expression($0.value, depth: depth + 1) }
            return items.isEmpty ? "[]" : "[\n" + items.map { pad + $0 + ",\n" }.joined() + close + "]"
        case .set:
            // Written in sorted order so the output is the same from one build to the next.
            let items = mirror.children.map { expression($0.value, depth: depth + 1) }.sorted()
            return items.isEmpty ? "[]" : "[\n" + items.map { pad + $0 + ",\n" }.joined() + close + "]"
        case .dictionary:
            let pairs = mirror.children.map { child -> (String, String) in
                let pair = Array(Mirror(reflecting: child.value).children)
                return (expression(pair[0].value, depth: depth + 1), expression(pair[1].value, depth: depth + 1))
            }.sorted { $0.0 < $1.0 }
            return pairs.isEmpty ? "[:]" : "[\n" + pairs.map { pad + "\($0.0): \($0.1),\n" }.joined() + close + "]"
        case .enum:
            let type = typeName(of: value)
            guard let payload = mirror.children.first else { return "\(type).\(value)" }
            let label = payload.label ?? "\(value)"
            let fields = Mirror(reflecting: payload.value)
            let arguments: [(String?, Any)] = fields.displayStyle == .tuple
                ? fields.children.map { ($0.label.flatMap { $0.hasPrefix(".") ? nil : $0 }, $0.value) }
                : [(nil, payload.value)]
            return "\(type).\(label)(" + arguments.map { (l, v) in (l.map { "\($0): " } ?? "") + expression(v, depth: depth) }.joined(separator: ", ") + ")"
        case .struct:
            let type = typeName(of: value)
            let arguments = mirror.children.map { "\(pad)\($0.label!): \(expression($0.value, depth: depth + 1))" }
            return arguments.isEmpty ? "\(type)()" : "\(type)(\n" + arguments.joined(separator: ",\n") + "\n\(close))"
        default:
            preconditionFailure("cannot write a \(type(of: value)) as Swift")
        }
    }

    /// The type's name as written in source (`TrilateralModel.Event.Kind`).
    static func typeName(of value: Any) -> String { String(reflecting: type(of: value)) }

    /// A string literal: quotes, backslashes and every character outside printable ASCII as
    /// `\u{…}` escapes, so the generated file is plain ASCII whatever the briefing holds.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }

    /// A multi-line raw string literal holding `text` as it is (for people reading the
    /// generated file), with a delimiter long enough that the text cannot close it early.
    static func rawText(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }
}
