/// The kinds of thing a briefing names by id and refers to elsewhere.
enum IDKind: String {
    case source, driver, country, leader, transition, pillar, commitment, event, factor, target, series, rule, preset, line, scorecard
}

/// Ids defined and referred to while decoding, resolved once the whole file is read so that
/// an item may refer to one defined later, and every dangling reference is reported where it is.
struct References {
    struct Place { let node: Int32; let path: String }

    var definitions: [IDKind: [String: Place]] = [:]
    var references: [(kind: IDKind, id: String, place: Place)] = []
    var conditions: [(condition: Condition, place: Place)] = []
    var options: [String: [String]] = [:]
}

extension Diagnostics {
    /// Records the definition of an id; a second definition of the same id is an error.
    func define(_ kind: IDKind, _ id: String, at field: Field) {
        if let first = refs.definitions[kind]?[id] {
            error(at: field.node, field.path,
                  "duplicate \(kind.rawValue) id '\(id)' (first defined at line \(tree.mark(first.node).line))")
            return
        }
        refs.definitions[kind, default: [:]][id] = .init(node: field.node, path: field.path)
    }

    /// Records a factor's option ids, against which `factor=option` conditions are checked.
    func defineOptions(of factor: String, _ options: [String]) {
        refs.options[factor] = options
    }

    func refer(_ kind: IDKind, _ id: String, at field: Field) {
        refs.references.append((kind, id, .init(node: field.node, path: field.path)))
    }

    func refer(_ condition: Condition, at field: Field) {
        refs.conditions.append((condition, .init(node: field.node, path: field.path)))
    }

    /// Reports every reference to an id that was never defined, naming the valid ones.
    func resolveReferences() {
        for (kind, id, place) in refs.references where refs.definitions[kind]?[id] == nil {
            let known = (refs.definitions[kind] ?? [:]).keys.sorted()
            error(at: place.node, place.path, "unknown \(kind.rawValue) '\(id)'\(Suggestion.didYouMean(id, among: known))\(validList(kind))")
        }
        for (condition, place) in refs.conditions {
            guard let options = refs.options[condition.factor] else {
                let known = refs.options.keys.sorted()
                error(at: place.node, place.path, "unknown factor '\(condition.factor)'\(Suggestion.didYouMean(condition.factor, among: known))\(validList(.factor))")
                continue
            }
            if !options.contains(condition.option) {
                error(at: place.node, place.path,
                      "unknown option '\(condition.option)' for factor '\(condition.factor)'\(Suggestion.didYouMean(condition.option, among: options)) (valid: \(options.joined(separator: ", ")))")
            }
        }
    }

    private func validList(_ kind: IDKind) -> String {
        let ids = (refs.definitions[kind] ?? [:]).keys.sorted()
        if ids.isEmpty { return " (none are defined)" }
        let shown = ids.prefix(12).joined(separator: ", ")
        return " (valid: \(shown)\(ids.count > 12 ? ", …" : ""))"
    }
}

extension Field {
    /// This field as an id that refers to a `kind` defined somewhere in the file.
    func ref(_ kind: IDKind) -> String? {
        guard let id else { return nil }
        diagnostics.refer(kind, id, at: self)
        return id
    }
}

extension Fields {
    /// The required `id` field, recorded as a definition of `kind`.
    func defines(_ kind: IDKind) -> String? {
        guard let field = required("id"), let id = field.id else { return nil }
        owner.diagnostics.define(kind, id, at: field)
        return id
    }
}
