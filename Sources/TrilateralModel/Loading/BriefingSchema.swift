/// The briefing format (`BriefingFormat`) written as a JSON Schema (draft 2020-12), for YAML
/// editors: completion of keys, the meaning of each as a tooltip, enums, id patterns, and the
/// ranges `validate` enforces. What a schema cannot say (ids unique per kind, references that
/// resolve, a factor's baseline among its options) `trilateral validate` still checks.
package enum BriefingSchema {
    /// Where the schema is published in this repository.
    package static let path = "Sources/BuiltInBriefings/briefing.schema.json"

    /// The schema as JSON text (two-space indents, keys in a fixed order, a final newline).
    package static var json: String { document.text() + "\n" }

    static var document: JSON {
        var defs: [(String, JSON)] = BriefingFormat.objects.map { ($0.name, object($0)) }
        defs += [
            ("id", .object([
                ("description", .string("Lowercase letters, digits and '-', starting with a letter; at most \(Limits.idLength) characters.")),
                ("type", .string("string")),
                ("pattern", .string("^[a-z][a-z0-9-]{0,\(Limits.idLength - 1)}$")),
            ])),
            ("date", .object([
                ("description", .string("YYYY, YYYY-MM or YYYY-MM-DD; years \(Limits.years.lowerBound) to \(Limits.years.upperBound). The precision is kept: a year or a month is drawn as a span.")),
                ("anyOf", .array([
                    .object([("type", .string("integer")), ("minimum", .int(Limits.years.lowerBound)), ("maximum", .int(Limits.years.upperBound))]),
                    .object([("type", .string("string")), ("pattern", .string("^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]),
                ])),
            ])),
            ("condition", .object([
                ("description", .string("factor=option: a factor's id and one of its options' ids.")),
                ("type", .string("string")),
                ("pattern", .string("^\\s*[a-z][a-z0-9-]*\\s*=\\s*[a-z][a-z0-9-]*\\s*$")),
            ])),
        ]
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("Trilateral briefing")),
            ("description", .string("A briefing for the trilateral dashboard. Reference: FORMAT.md; check a file with `trilateral validate FILE`.")),
            ("$ref", .string("#/$defs/briefing")),
            ("$defs", .object(defs)),
        ])
    }

    static func object(_ o: BriefingFormat.Object) -> JSON {
        var fields: [(String, JSON)] = [("description", .string(o.meaning)), ("type", .string("object"))]
        fields.append(("properties", .object(o.keys.map { key in (key.name, value(key.value, meaning: key.meaning)) })))
        let required = o.keys.filter(\.required).map { JSON.string($0.name) }
        if !required.isEmpty { fields.append(("required", .array(required))) }
        fields.append(("additionalProperties", .bool(false)))
        fields += rules(for: o.name)
        return .object(fields)
    }

    /// What one mapping needs beyond its keys, as the decoder checks it.
    static func rules(for name: String) -> [(String, JSON)] {
        func oneOf(_ keys: [String]) -> (String, JSON) {
            ("anyOf", .array(keys.map { .object([("required", .array([.string($0)]))]) }))
        }
        switch name {
        case "citation": return [oneOf(["para", "url", "source"])]
        case "rule": return [oneOf(["all", "any"])]
        case "evidence": return [oneOf(["events", "why"])]
        case "leader":
            return [
                ("dependentRequired", .object([("actual_end", .array([.string("actual_end_cite")]))])),
                ("if", .object([("properties", .object([("end_status", .object([("enum", .array([.string("known"), .string("expected")]))]))])),
                                ("required", .array([.string("end_status")]))])),
                ("then", .object([("required", .array([.string("end")]))])),
            ]
        case "tour-step":
            return [("allOf", .array(BriefingFormat.tourNeeds.map { need in
                .object([
                    ("if", .object([("properties", .object([("show", .object([("const", .string(need.show))]))]))])),
                    ("then", .object([("required", .array(need.keys.map(JSON.string)))])),
                ])
            }))]
        default: return []
        }
    }

    static func value(_ v: BriefingFormat.Value, meaning: String? = nil) -> JSON {
        var fields: [(String, JSON)] = meaning.map { [("description", .string($0))] } ?? []
        switch v {
        case .text: fields += [("type", .string("string")), ("pattern", .string("\\S"))]
        case .string: fields += [("type", .string("string"))]
        case .defines, .reference: fields += [("$ref", .string("#/$defs/id"))]
        case .date: fields += [("$ref", .string("#/$defs/date"))]
        case .integer(let range):
            fields += [("type", .string("integer")), ("minimum", .int(range.lowerBound))]
            if range.upperBound != Int.max { fields.append(("maximum", .int(range.upperBound))) }
        case .number(let magnitude):
            fields += [("type", .string("number")), ("minimum", .number(-magnitude)), ("maximum", .number(magnitude))]
        case .choice(let words): fields += [("type", .string("string")), ("enum", .array(words.map(JSON.string)))]
        case .url: fields += [("type", .string("string")), ("pattern", .string("^https?://"))]
        case .condition: fields += [("$ref", .string("#/$defs/condition"))]
        case .weights:
            fields += [("type", .string("object")), ("minProperties", .int(1)), ("propertyNames", .object([("$ref", .string("#/$defs/id"))])),
                       ("additionalProperties", .object([("type", .string("integer")), ("minimum", .int(Limits.weight.lowerBound)),
                                                         ("maximum", .int(Limits.weight.upperBound))]))]
        case .list(let item): fields += [("type", .string("array")), ("items", value(item))]
        case .boundedList(let item, let count):
            fields += [("type", .string("array")), ("items", value(item))]
            if count.lowerBound > 0 { fields.append(("minItems", .int(count.lowerBound))) }
            fields.append(("maxItems", .int(count.upperBound)))
        case .object(let name): fields += [("$ref", .string("#/$defs/\(name)"))]
        }
        return .object(fields)
    }
}

/// A JSON value whose objects keep their keys in the order given, written with two-space
/// indents: enough for the schema, whose order is part of its readability.
enum JSON {
    case string(String), int(Int), number(Double), bool(Bool), array([JSON]), object([(String, JSON)])

    func text(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): return JSON.quoted(s)
        case .int(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e16 ? String(Int(d)) : "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return "[" + items.map { $0.text() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + JSON.quoted($0.0) + ": " + $0.1.text(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            // C0, DEL and C1 controls escaped, so the string is also a YAML double-quoted
            // scalar (the starting briefing writes its strings this way).
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
