/// The format table written out for people: FORMAT.md's key tables (a test keeps them in step).
extension BriefingFormat {
    /// A table per kind of mapping: key, what it holds, whether it must be there, its meaning.
    package static var markdown: String {
        var out = ""
        for object in objects {
            out += "\n### `\(object.name)`\n\n\(object.meaning)\n\n| key | holds | required | meaning |\n| --- | --- | --- | --- |\n"
            for key in object.keys {
                out += "| `\(key.name)` | \(holds(key.value)) | \(key.required ? "yes" : "") | \(key.meaning.replacing("|", with: "\\|")) |\n"
            }
        }
        return out + "\n"
    }

    /// What a value holds, in a few words.
    static func holds(_ value: Value) -> String {
        switch value {
        case .text: return "text"
        case .string: return "text, may be empty"
        case .defines(let kind): return "id of this \(kind)"
        case .reference(let kind): return "\(kind) id"
        case .date: return "date"
        case .integer(let range): return range.upperBound == Int.max ? "whole number ≥ \(range.lowerBound)" : "whole number \(range.lowerBound)–\(range.upperBound)"
        case .number(let magnitude): return "number, at most \(magnitude == 1e15 ? "10^15" : "\(magnitude)") in magnitude"
        case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " \\| ")
        case .url: return "http(s) URL"
        case .condition: return "`factor=option`"
        case .weights: return "target id → weight \(Limits.weight.lowerBound)…\(Limits.weight.upperBound)"
        case .list(let item): return "list of \(holds(item))"
        case .boundedList(let item, let count):
            return count.lowerBound == 0 ? "list of at most \(count.upperBound) × \(holds(item))" : "list of \(count.lowerBound)–\(count.upperBound) × \(holds(item))"
        case .object(let name): return "[\(name)](#\(name))"
        }
    }
}
